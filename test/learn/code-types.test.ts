import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { codeFeatures } from '../../src/batches/code-features.js';
import { createCodeTypeClassifier } from '../../src/learn/code-types.js';
import type { CodeTypeCount } from '../../src/learn/counts-document.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitHistory, repeat } from './history-fixture.js';

interface StrategyBatch {
  type: string;
  rationale: string;
}

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

const ENGINE = 'src/core/engine.ts';
const BUTTON = 'src/ui/button.ts';

/** Commits `refactors` refactors of the engine and `fixes` fixes of the button, one line each. */
function commitCodeHistory(refactors: number, fixes: number): void {
  commitHistory(repo, [
    ...repeat(refactors, { message: 'refactor(core): tidy the engine', files: { [ENGINE]: 'e' } }),
    ...repeat(fixes, { message: 'fix(ui): repair the button', files: { [BUTTON]: 'b' } }),
  ]);
}

/** Stages a change of one existing line of `path`, which the rule alone types `fix`. */
function stageLineChange(path: string): void {
  repo.write(path, 'changed\n// staged\n');
  repo.git(['add', '--', path]);
}

function onlyBatch(): StrategyBatch {
  const result = repo.footprint(['strategy', '--no-llm', '--json']);
  assert.equal(result.status, 0, result.stderr);
  const { batches } = JSON.parse(result.stdout) as { batches: StrategyBatch[] };
  assert.equal(batches.length, 1);
  return batches[0] as StrategyBatch;
}

describe('commit types learned for code', () => {
  test('refactored module typed as history does', () => {
    commitCodeHistory(30, 20);
    stageLineChange(ENGINE);
    const before = onlyBatch();
    assert.equal(repo.footprint(['learn']).status, 0);
    const after = onlyBatch();

    assert.equal(before.type, 'fix');
    assert.equal(after.type, 'refactor');
    assert.match(after.rationale, /commits that change such code are mostly refactor/);
  });

  test('fossil summary counts code types', () => {
    commitCodeHistory(30, 20);
    assert.equal(repo.footprint(['learn']).status, 0);
    const listed = repo.footprint(['fossils', 'list', '--json']);
    const { fossils } = JSON.parse(listed.stdout) as {
      fossils: Array<{ type: string; id: string }>;
    };
    const model = fossils.find((fossil) => fossil.type === 'model');
    const output = repo.footprint(['fossils', 'show', model?.id ?? 'missing']);

    assert.match(output.stdout, /^ {2}types of code commits: refactor 30, fix 20$/m);
  });

  test('fixed module keeps its type', () => {
    commitCodeHistory(30, 20);
    stageLineChange(BUTTON);
    assert.equal(repo.footprint(['learn']).status, 0);

    assert.equal(onlyBatch().type, 'fix');
  });

  test('rarer learned type keeps guess', () => {
    // The engine's commits favour chore about 2 to 1, less than fixes outnumber chores.
    commitHistory(repo, [
      ...repeat(30, { message: 'chore(core): tidy the engine', files: { [ENGINE]: 'e' } }),
      ...repeat(5, { message: 'fix(core): repair the engine', files: { [ENGINE]: 'e' } }),
      ...repeat(80, { message: 'fix(ui): repair the button', files: { [BUTTON]: 'b' } }),
    ]);
    stageLineChange(ENGINE);
    assert.equal(repo.footprint(['learn']).status, 0);
    const batch = onlyBatch();

    assert.equal(batch.type, 'fix');
    assert.doesNotMatch(batch.rationale, /mostly chore/);
  });

  test('more common learned type wins', () => {
    commitHistory(repo, [
      ...repeat(40, { message: 'chore(core): tidy the engine', files: { [ENGINE]: 'e' } }),
      ...repeat(30, { message: 'fix(ui): repair the button', files: { [BUTTON]: 'b' } }),
    ]);
    stageLineChange(ENGINE);
    assert.equal(repo.footprint(['learn']).status, 0);

    assert.equal(onlyBatch().type, 'chore');
  });

  test('build habit leaves code alone', () => {
    commitHistory(
      repo,
      repeat(40, { message: 'build: update the engine', files: { [ENGINE]: 'e' } }),
    );
    stageLineChange(ENGINE);
    assert.equal(repo.footprint(['learn']).status, 0);

    assert.equal(onlyBatch().type, 'fix');
  });

  test('few code commits keep the rule', () => {
    commitCodeHistory(20, 5);
    stageLineChange(ENGINE);
    assert.equal(repo.footprint(['learn']).status, 0);

    assert.equal(onlyBatch().type, 'fix');
  });
});

describe('code features', () => {
  test('change of code and tests', () => {
    const features = codeFeatures([
      { path: 'src/parser/lexer.ts', category: 'source', added: false, additions: 3, deletions: 9 },
      { path: 'src/parser/tokens.ts', category: 'source', added: true, additions: 8, deletions: 0 },
      { path: 'test/lexer.test.ts', category: 'test', added: false, additions: 4, deletions: 0 },
    ]);

    assert.deepEqual(features, [
      'lines:2',
      'added:2',
      'files:1',
      'new-code:yes',
      'tests:yes',
      'new-tests:no',
      'docs:no',
      'word:lexer',
      'word:parser',
      'word:tokens',
    ]);
  });

  test('change without code has none', () => {
    const features = codeFeatures([
      { path: 'README.md', category: 'docs', added: false, additions: 1, deletions: 1 },
    ]);

    assert.deepEqual(features, []);
  });
});

/** Counts of `commits` commits of one type that all had the same features. */
function sameFeatures(type: string, commits: number, features: string[]): CodeTypeCount[] {
  return [[type, '', commits], ...features.map((f): CodeTypeCount => [type, f, commits])];
}

describe('code type classifier', () => {
  const shape = ['lines:0', 'added:1'];

  test('names the type of matching commits', () => {
    const classify = createCodeTypeClassifier([
      ...sameFeatures('perf', 20, [...shape, 'word:cache']),
      ...sameFeatures('fix', 20, [...shape, 'word:router']),
    ]);

    assert.equal(classify([...shape, 'word:cache'])?.type, 'perf');
    assert.equal(classify([...shape, 'word:router'])?.type, 'fix');
  });

  test('no type under 30 commits', () => {
    const classify = createCodeTypeClassifier(sameFeatures('perf', 29, shape));

    assert.equal(classify(shape), null);
  });

  test('no type for even evidence', () => {
    const classify = createCodeTypeClassifier([
      ...sameFeatures('perf', 20, shape),
      ...sameFeatures('fix', 20, shape),
      ...sameFeatures('feat', 20, shape),
    ]);

    assert.equal(classify(shape), null);
  });
});
