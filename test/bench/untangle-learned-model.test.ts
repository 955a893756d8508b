import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LearnedModels } from '../../bench/untangle/learned-model.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { toCoChangeModel } from '../../src/learn/co-change-adapter.js';
import { learnHistory } from '../../src/learn/learn.js';
import { loadModel } from '../../src/learn/load-model.js';
import { commitHistory, repeat } from '../learn/history-fixture.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const PARSER = 'src/parser.ts';
const LEXER = 'src/lexer.ts';
const REPORT = 'src/report.ts';
const TABLE = 'src/table.ts';
const README = 'README.md';
const PATHS = [PARSER, LEXER, REPORT, TABLE, README];

let repo: TempRepo;
let base: string;
let head: string;

before(() => {
  repo = createTempRepo();
  // Up to the base, parser and lexer change together twice. After it, report and the new
  // table change together twice: a model learned on the base must not know that.
  const before = commitHistory(repo, [
    ...repeat(2, { message: 'feat: parser and lexer', files: { [PARSER]: 'p', [LEXER]: 'l' } }),
    { message: 'feat: report', files: { [REPORT]: 'r' } },
    { message: 'docs: readme', files: { [README]: 'd' } },
  ]);
  const after = commitHistory(repo, [
    ...repeat(2, { message: 'feat: table', files: { [REPORT]: 'r2', [TABLE]: 't' } }),
  ]);
  base = before.at(-1) as string;
  head = after.at(-1) as string;
});

after(() => {
  repo.cleanup();
});

describe('learned models of the untangling benchmark', () => {
  test('a model at the base knows the history up to the base only', async () => {
    const models = await LearnedModels.open(repo.dir, gitTestEnv());
    const atBase = await models.modelAt(base);
    const atHead = await models.modelAt(head);

    assert.equal(atBase.coChange(PARSER, LEXER), 2 / 3, 'confidence 1, support 2 of 3');
    assert.equal(atBase.coChange(REPORT, TABLE), 0, 'the commits after the base are unseen');
    assert.equal(atHead.coChange(REPORT, TABLE), 2 / 3);
  });

  test('the model equals the one footprint learn writes on the base', async () => {
    const models = await LearnedModels.open(repo.dir, gitTestEnv());
    const atBase = await models.modelAt(base);

    repo.git(['checkout', '-q', '--detach', base]);
    await learnHistory({
      cwd: repo.dir,
      env: gitTestEnv(),
      maxCommits: 2000,
      since: null,
      full: true,
    });
    const learned = await loadModel(repo.dir, createDefaultConfig());
    assert.ok(learned, 'footprint learn wrote a model');
    const expected = toCoChangeModel(learned);

    for (const a of PATHS) {
      for (const b of PATHS) {
        assert.equal(atBase.coChange(a, b), expected.coChange(a, b), `${a} and ${b}`);
      }
    }
    assert.equal(atBase.scopeFor?.([PARSER]), expected.scopeFor?.([PARSER]));
  });
});
