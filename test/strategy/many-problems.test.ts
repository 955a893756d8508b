import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { validateValidationDocument } from '../../src/schemas-runtime/validators.js';
import { runCli } from '../cli/cli-io.js';
import type { TempRepo } from '../helpers/repo.js';
import { createStrategyRepo } from '../helpers/strategy-repo.js';
import { batch, writeBatches, type Problem } from './hand-edits.js';

/** Batches in the strategy: the first takes the staged file, each other names a path not staged. */
const BATCHES = 20_000;

/** Writes a strategy of BATCHES batches, with one unknown-path problem in each but the first. */
async function createFixture() {
  const fixture = await createStrategyRepo({ 'a.js': 'a\n' }, { 'a.js': 'b\n' });
  const batches = [batch('b1', [{ path: 'a.js' }])];
  for (let index = 2; index <= BATCHES; index += 1) {
    batches.push(batch(`b${index}`, [{ path: `gone/${index}.js` }]));
  }
  writeBatches(fixture.strategyFile, batches);
  return fixture;
}

describe('strategy with many problems', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  test('validate text lists fifty', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'validate', '--strategy', 'plan.json');
    const lines = result.stdout.split('\n');

    assert.equal(result.code, 1);
    assert.match(lines[0] ?? '', /plan\.json is invalid: 19999 problems\.$/);
    assert.match(lines[1] ?? '', /^ {2}unknown-path {2}b2 gone\/2\.js {2}Batch b2 names/);
    assert.match(lines[50] ?? '', /^ {2}unknown-path {2}b51 gone\/51\.js {2}Batch b51 names/);
    assert.equal(
      lines[51],
      '  and 19949 more problems. ' +
        'Run `footprint validate --strategy plan.json --json` to list them all.',
    );
    assert.equal(lines[52], '');
    assert.equal(lines.length, 53);
  });

  test('validate json keeps all', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'validate', '--strategy', 'plan.json', '--json');
    const document = JSON.parse(result.stdout) as { problems: Problem[] };

    assert.equal(result.code, 1);
    assert.equal(document.problems.length, BATCHES - 1);
    assert.equal(document.problems.at(-1)?.path, `gone/${BATCHES}.js`);
    assert.deepEqual(validateValidationDocument(document), []);
  });

  test('commit refusal lists fifty', async () => {
    const fixture = await createFixture();
    repo = fixture.repo;

    const result = await runCli(repo.dir, 'commit', '--strategy', 'plan.json', '--yes');
    const lines = result.stderr.split('\n');
    const more = lines.findIndex((line) => line.startsWith('  and 19949 more problems.'));

    assert.equal(result.code, 1);
    assert.match(lines[0] ?? '', /plan\.json is invalid \(19999 problems\), so no commit/);
    assert.equal(more, 51, result.stderr.slice(0, 2000));
    assert.match(lines[more] ?? '', /`footprint validate --strategy \S*plan\.json --json`/);
  });
});
