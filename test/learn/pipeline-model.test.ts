import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitHistory, repeat } from './history-fixture.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  commitHistory(repo, [
    ...repeat(6, {
      message: 'feat(pricing): one and two',
      files: { 'alpha/one.ts': 'one', 'beta/two.ts': 'two' },
    }),
    ...repeat(2, { message: 'feat: three', files: { 'gamma/three.ts': 'three' } }),
  ]);
  repo.write('alpha/one.ts', 'export const red = 2;\n');
  repo.write('beta/two.ts', 'export const green = 2;\n');
  repo.write('gamma/three.ts', 'export const blue = 2;\n');
  repo.git(['add', '-A']);
});

afterEach(() => {
  repo.cleanup();
});

function batchPaths(): string[][] {
  const result = repo.footprint(['analyze', '--json', '--mode', 'balanced']);
  assert.equal(result.status, 0, result.stderr);
  const document = JSON.parse(result.stdout) as {
    batches: Array<{ changes: Array<{ path: string }> }>;
  };
  return document.batches.map((batch) => batch.changes.map((change) => change.path).sort()).sort();
}

describe('analysis with a learned model', () => {
  test('co-change joins batches only once learned', () => {
    const before = batchPaths();
    assert.equal(repo.footprint(['learn']).status, 0);
    const after = batchPaths();

    assert.deepEqual(before, [['alpha/one.ts'], ['beta/two.ts'], ['gamma/three.ts']]);
    assert.deepEqual(after, [['alpha/one.ts', 'beta/two.ts'], ['gamma/three.ts']]);
  });
});
