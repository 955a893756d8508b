import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { createTempRepo, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('README.md', '# Demo\n');
  repo.git(['add', 'README.md']);
  repo.git(['commit', '-q', '-m', 'docs: start']);
  const init = repo.footprint(['init']);
  assert.equal(init.status, 0, init.stderr);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: install footprint']);
});

afterEach(() => {
  repo.cleanup();
});

/** Stages a new module with its test and an unrelated docs edit: two batches. */
function stageTwoBatches(): void {
  repo.write('src/price.ts', 'export function price(n: number): number {\n  return n * 2;\n}\n');
  repo.write('src/price.test.ts', "import { price } from './price.js';\ntest(price(1));\n");
  repo.write('README.md', '# Demo\n\nPrices double.\n');
  repo.git(['add', '-A']);
}

interface Suggestions {
  outcomes: number;
  followed: number;
  partial: number;
  ignored: number;
  followedShare: number | null;
  commitRuns: number;
}

function readSuggestions(): Suggestions {
  const result = repo.footprint(['fossils', 'stats', '--json']);
  assert.equal(result.status, 0, result.stderr);
  return (JSON.parse(result.stdout) as { suggestions: Suggestions }).suggestions;
}

/** Makes one commit of the whole change, as the hook records it: an ignored suggestion. */
function commitWholeChange(): void {
  stageTwoBatches();
  repo.git(['commit', '-q', '-m', 'feat: prices and docs']);
}

describe('stats of a followed split advice', () => {
  test('reset commit is left out', () => {
    commitWholeChange();
    repo.git(['reset', '-q', '--soft', 'HEAD~1']);
    const committed = repo.footprint(['commit', '--yes', '--no-llm']);
    assert.equal(committed.status, 0, committed.stderr);

    const suggestions = readSuggestions();

    assert.equal(suggestions.outcomes, 0);
    assert.equal(suggestions.ignored, 0);
    assert.equal(suggestions.followedShare, null);
    assert.equal(suggestions.commitRuns, 1);
  });

  test('commit kept on its branch counts', () => {
    commitWholeChange();
    const wholeCommit = repo.git(['rev-parse', 'HEAD']).trim();
    repo.git(['switch', '-q', '-c', 'other', 'HEAD~1']);
    stageTwoBatches();
    const committed = repo.footprint(['commit', '--yes', '--no-llm']);
    assert.equal(committed.status, 0, committed.stderr);
    assert.equal(repo.git(['rev-parse', 'main']).trim(), wholeCommit);

    const suggestions = readSuggestions();

    assert.equal(suggestions.outcomes, 1);
    assert.equal(suggestions.ignored, 1);
    assert.equal(suggestions.commitRuns, 1);
  });

  test('undone run keeps the outcome', () => {
    commitWholeChange();
    repo.git(['reset', '-q', '--soft', 'HEAD~1']);
    assert.equal(repo.footprint(['commit', '--yes', '--no-llm']).status, 0);
    const undone = repo.footprint(['undo']);
    assert.equal(undone.status, 0, undone.stderr);

    const suggestions = readSuggestions();

    assert.equal(suggestions.outcomes, 1);
    assert.equal(suggestions.ignored, 1);
    assert.equal(suggestions.commitRuns, 0);
  });
});
