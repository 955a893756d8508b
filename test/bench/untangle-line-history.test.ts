import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { attributeChanges, type GroundTruth } from '../../bench/untangle/ground-truth.js';
import { traceLineHistory, type LineHistory } from '../../bench/untangle/line-history.js';
import { TreeRepository } from '../../src/footprint/from-trees.js';
import type { Footprint } from '../../src/footprint/types.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const MAX_DIFF_BYTES = 1024 * 1024;

function lines(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}

function text(rows: readonly string[]): string {
  return rows.map((row) => `${row}\n`).join('');
}

/**
 * Commits a base and three commits on it, and returns their four trees.
 * c0 changes a.txt line 3, appends to b.txt and renames old.txt to new.txt with one line changed.
 * c1 changes a.txt line 3 again, inserts a line after line 8 and deletes gone.txt.
 * c2 adds c.txt and changes b.txt line 1.
 */
function buildHistory(repo: TempRepo): string[] {
  const a = lines('a', 10);
  const b = lines('b', 5);
  const old = lines('old', 12);
  repo.write('a.txt', text(a));
  repo.write('b.txt', text(b));
  repo.write('old.txt', text(old));
  repo.write('gone.txt', text(lines('gone', 3)));
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base']);

  repo.write('a.txt', text(a.map((row) => (row === 'a3' ? 'A3' : row))));
  repo.write('b.txt', text([...b, 'b6']));
  rmSync(path.join(repo.dir, 'old.txt'));
  repo.write('new.txt', text(old.map((row) => (row === 'old7' ? 'new7' : row))));
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'c0']);

  const a1 = a.map((row) => (row === 'a3' ? 'A3 again' : row));
  a1.splice(8, 0, 'inserted');
  repo.write('a.txt', text(a1));
  rmSync(path.join(repo.dir, 'gone.txt'));
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'c1']);

  repo.write('c.txt', text(lines('c', 2)));
  repo.write('b.txt', text(['B1', ...b.slice(1), 'b6']));
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'c2']);

  const trees = ['HEAD~3', 'HEAD~2', 'HEAD~1', 'HEAD'].map((rev) =>
    repo.git(['rev-parse', `${rev}^{tree}`]).trim(),
  );
  return trees;
}

describe('traceLineHistory', () => {
  let repo: TempRepo;
  let repository: TreeRepository;
  let history: LineHistory;
  let footprint: Footprint;
  let truth: GroundTruth;

  before(async () => {
    repo = createTempRepo();
    const trees = buildHistory(repo);
    repository = await TreeRepository.open({ cwd: repo.dir, env: gitTestEnv() });
    history = await traceLineHistory({
      objects: repository.objects,
      renames: repository.renames,
      trees,
      maxDiffBytes: MAX_DIFF_BYTES,
    });
    const input = await repository.buildFootprint({
      baseTree: trees[0] as string,
      targetTree: trees[3] as string,
      maxDiffBytes: MAX_DIFF_BYTES,
    });
    footprint = input.footprint;
    truth = attributeChanges(footprint, history, 3);
  });

  after(() => {
    repository.close();
    repo.cleanup();
  });

  test('line changed twice belongs to the later commit', () => {
    assert.deepEqual(history.addedBy('a.txt', 3), { commit: 1, shared: true });
  });

  test('base line changed twice was removed by the first', () => {
    assert.deepEqual(history.removedBy('a.txt', 3), { commit: 0, shared: true });
  });

  test('inserted line belongs to its commit alone', () => {
    assert.deepEqual(history.addedBy('a.txt', 9), { commit: 1, shared: false });
  });

  test('unchanged line has no commit', () => {
    assert.equal(history.addedBy('a.txt', 1), null);
    assert.equal(history.removedBy('a.txt', 1), null);
  });

  test('renamed file keeps its lines', () => {
    assert.deepEqual(history.addedBy('new.txt', 7), { commit: 0, shared: false });
    assert.deepEqual(history.removedBy('old.txt', 7), { commit: 0, shared: false });
    assert.equal(history.addedBy('new.txt', 6), null);
  });

  test('deleted file lines belong to the deleting commit', () => {
    assert.deepEqual(history.removedBy('gone.txt', 1), { commit: 1, shared: false });
    assert.deepEqual(history.removedBy('gone.txt', 3), { commit: 1, shared: false });
  });

  test('added file lines belong to the adding commit', () => {
    assert.deepEqual(history.addedBy('c.txt', 2), { commit: 2, shared: false });
  });

  test('two commits in one file keep their lines apart', () => {
    assert.deepEqual(history.addedBy('b.txt', 6), { commit: 0, shared: false });
    assert.deepEqual(history.addedBy('b.txt', 1), { commit: 2, shared: false });
    assert.deepEqual(history.removedBy('b.txt', 1), { commit: 2, shared: false });
  });

  test('last commit of a path', () => {
    assert.equal(history.lastCommitOf('gone.txt'), 1);
    assert.equal(history.lastCommitOf('old.txt'), 0);
    assert.equal(history.lastCommitOf('b.txt'), 2);
    assert.equal(history.lastCommitOf('never.txt'), null);
  });

  test('added lines agree with git blame', () => {
    const commits = repo.git(['rev-list', '--reverse', 'HEAD~3..HEAD']).trim().split('\n');
    for (const file of ['a.txt', 'b.txt', 'new.txt', 'c.txt']) {
      const blame = repo.git(['blame', '--porcelain', 'HEAD~3..HEAD', '--', file]);
      for (const match of blame.matchAll(/^([0-9a-f]{40}) \d+ (\d+)/gm)) {
        const line = Number(match[2]);
        const position = commits.indexOf(match[1] as string);
        const expected = position < 0 ? null : position;
        assert.equal(history.addedBy(file, line)?.commit ?? null, expected, `${file}:${line}`);
      }
    }
  });

  test('ground truth attributes every changed line', () => {
    const summary = truth.lines.map((line) => {
      const file = footprint.files[line.file]?.path;
      return `${file} ${line.side} ${line.line} c${line.commit}${line.shared ? ' shared' : ''}`;
    });
    assert.deepEqual(summary, [
      'a.txt removed 3 c0 shared',
      'a.txt added 3 c1 shared',
      'a.txt added 9 c1',
      'b.txt removed 1 c2',
      'b.txt added 1 c2',
      'b.txt added 6 c0',
      'c.txt added 1 c2',
      'c.txt added 2 c2',
      'gone.txt removed 1 c1',
      'gone.txt removed 2 c1',
      'gone.txt removed 3 c1',
      'new.txt removed 7 c0',
      'new.txt added 7 c0',
    ]);
  });

  test('ground truth files take their majority commit', () => {
    const files = truth.files.map((file) => {
      const changed = footprint.files[file.file];
      return `${changed?.path} c${file.commit}${file.multiCommit ? ' multi' : ''}`;
    });
    // a.txt: c0 1 line, c1 2 lines; b.txt: c2 2 lines, c0 1 line.
    assert.deepEqual(files, [
      'a.txt c1 multi',
      'b.txt c2 multi',
      'c.txt c2',
      'gone.txt c1',
      'new.txt c0',
    ]);
  });

  test('ground truth counts no lines as inferred', () => {
    assert.equal(truth.lines.filter((line) => line.unresolved).length, 0);
    assert.equal(truth.machineWrittenLines, 0);
  });
});

describe('traceLineHistory across commits', () => {
  test('line added then removed leaves nothing', async () => {
    const repo = createTempRepo();
    try {
      repo.write('f.txt', text(lines('f', 4)));
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'base']);
      repo.write('f.txt', text([...lines('f', 4), 'temporary']));
      repo.git(['commit', '-q', '-am', 'c0']);
      repo.write('f.txt', text(['F1', ...lines('f', 4).slice(1)]));
      repo.git(['commit', '-q', '-am', 'c1']);
      const trees = ['HEAD~2', 'HEAD~1', 'HEAD'].map((rev) =>
        repo.git(['rev-parse', `${rev}^{tree}`]).trim(),
      );

      const repository = await TreeRepository.open({ cwd: repo.dir, env: gitTestEnv() });
      const history = await traceLineHistory({
        objects: repository.objects,
        renames: repository.renames,
        trees,
        maxDiffBytes: MAX_DIFF_BYTES,
      });
      const input = await repository.buildFootprint({
        baseTree: trees[0] as string,
        targetTree: trees[2] as string,
        maxDiffBytes: MAX_DIFF_BYTES,
      });
      repository.close();

      const truth = attributeChanges(input.footprint, history, 2);
      const commits = new Set(truth.lines.map((line) => line.commit));
      assert.deepEqual([...commits], [1]);
      assert.equal(history.addedBy('f.txt', 5), null);
    } finally {
      repo.cleanup();
    }
  });
});
