import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, commitFiles, lines } from './staged-analysis.js';

describe('subject of a pure rename', () => {
  test('renamed document', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { 'docs/old-guide.md': lines('# Guide', '', 'Some text.') });
      repo.git(['mv', 'docs/old-guide.md', 'docs/guide.md']);

      const batches = analyzeStaged(repo);

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['docs: rename old-guide to guide'],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('moved document keeps its name', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { 'docs/guide.md': lines('# Guide', '', 'Some text.') });
      repo.git(['mv', 'docs/guide.md', 'guide.md']);

      const batches = analyzeStaged(repo);

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['docs: move guide to the root'],
      );
    } finally {
      repo.cleanup();
    }
  });
});
