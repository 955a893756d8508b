import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

describe('rationale of a batch that needs another', () => {
  test('names the earlier batch it uses', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { 'README.md': lines('# Demo') });
      stageFiles(repo, {
        'src/a.js': lines('export const a = 1;'),
        'src/b.js': lines("import { a } from './a.js';", 'export const b = a + 1;'),
        'src/c.js': lines("import { b } from './b.js';", 'export const c = b + 1;'),
      });

      const batches = analyzeStaged(repo, 'aggressive');

      const last = batchWith(batches, 'src/c.js');
      assert.ok(last !== undefined);
      assert.ok(last.dependsOn.length > 0, JSON.stringify(batches, null, 1));
      assert.doesNotMatch(last.rationale, /no close relation/);
      assert.match(last.rationale, /^one edit that uses/);
    } finally {
      repo.cleanup();
    }
  });

  test('names the later batch that uses it', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { 'README.md': lines('# Demo') });
      stageFiles(repo, {
        'src/a.js': lines('export const a = 1;'),
        'src/b.js': lines("import { a } from './a.js';", 'export const b = a + 1;'),
      });

      const batches = analyzeStaged(repo, 'aggressive');
      const first = batchWith(batches, 'src/a.js');
      const second = batchWith(batches, 'src/b.js');

      assert.ok(first !== undefined);
      assert.ok(second !== undefined);
      assert.notEqual(first.id, second.id, JSON.stringify(batches, null, 1));
      assert.match(first.rationale, /^one edit that a later batch uses;/);
    } finally {
      repo.cleanup();
    }
  });
});
