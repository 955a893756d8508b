import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import type { Composite } from '../../bench/untangle/composites.js';
import { evaluateComposite, type EvaluationSettings } from '../../bench/untangle/evaluate.js';
import type { HistoryCommit } from '../../bench/untangle/history.js';
import { TreeRepository } from '../../src/footprint/from-trees.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

const SETTINGS: EvaluationSettings = { mode: 'balanced', maxHunks: 200, maxDiffBytes: 1 << 20 };

function commitOf(repo: TempRepo, rev: string): HistoryCommit {
  return {
    oid: repo.git(['rev-parse', rev]).trim(),
    parents: [repo.git(['rev-parse', `${rev}~1`]).trim()],
    authorName: 'Ada',
    authorEmail: 'ada@example.com',
    authorTime: 1_700_000_000,
    paths: [],
  };
}

/** Deletes the loose object of `oid`, as a partial clone lacks a blob it never fetched. */
function dropLooseObject(repo: TempRepo, oid: string): void {
  rmSync(path.join(repo.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
}

const lines = (count: number, word: string): string =>
  Array.from({ length: count }, (_, index) => `${word} line ${index}\n`).join('');

describe('evaluateComposite', () => {
  test('skips a composite missing a renamed blob', async () => {
    const repo = createTempRepo();
    try {
      repo.write('notes.txt', lines(20, 'note'));
      repo.write('other.txt', 'one\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'base']);
      repo.write('other.txt', 'one\ntwo\n');
      repo.git(['commit', '-q', '-am', 'first']);
      repo.git(['mv', 'notes.txt', 'moved.txt']);
      repo.write('moved.txt', `${lines(20, 'note')}one more\n`);
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'second']);
      dropLooseObject(repo, repo.git(['rev-parse', 'HEAD:moved.txt']).trim());

      const composite: Composite = {
        commits: [commitOf(repo, 'HEAD~1'), commitOf(repo, 'HEAD')],
        base: repo.git(['rev-parse', 'HEAD~2']).trim(),
      };
      const repository = await TreeRepository.open({ cwd: repo.dir, env: process.env });
      try {
        const evaluation = await evaluateComposite(repository, composite, SETTINGS);
        assert.deepEqual(evaluation, { skipped: 'missing-object' });
      } finally {
        repository.close();
      }
    } finally {
      repo.cleanup();
    }
  });
});
