import assert from 'node:assert/strict';
import { chmodSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { ObjectStore } from '../../src/git/objects/store.js';
import type { GitObject } from '../../src/git/objects/types.js';
import { discoverRepository } from '../../src/git/discover.js';
import { parseRawDiff } from '../../src/git/readers/raw-diff.js';
import { TreeDiffReader, diffTrees } from '../../src/git/tree-diff.js';
import type { StagedEntry } from '../../src/git/types.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { gitBytes } from './fixtures.js';
import { installedGitRenameOptions } from './staged-expect.js';

const RENAMES = { copies: false, renameLimit: 1000, ...installedGitRenameOptions() };
const GITLINK = '1'.repeat(40);

function numbered(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`).join('');
}

/** Commits a base state, then a second commit with a change of every kind a tree diff reports. */
function commitEveryKind(repo: TempRepo): { base: string; target: string } {
  repo.write('keep/deep/same.txt', 'unchanged\n');
  repo.write('src/app.ts', numbered('const line', 20));
  repo.write('src/move-me.ts', numbered('export const moved', 20));
  repo.write('src/edit-and-move.ts', numbered('export const edited', 20));
  repo.write('tool.sh', 'echo tool\n');
  repo.write('was-file', 'a file\n');
  repo.write('was-folder/inner.txt', 'inner\n');
  repo.write('link', 'a file first\n');
  repo.write('gone.md', '# Gone\n');
  repo.write('with space/ünïcode.txt', 'text\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base']);
  const base = repo.git(['rev-parse', 'HEAD^{tree}']).trim();

  repo.write('src/app.ts', numbered('const line', 20).replace('line 5\n', 'line five\n'));
  rmSync(path.join(repo.dir, 'src/move-me.ts'));
  repo.write('lib/move-me.ts', numbered('export const moved', 20));
  rmSync(path.join(repo.dir, 'src/edit-and-move.ts'));
  repo.write(
    'lib/edited.ts',
    numbered('export const edited', 20).replace('edited 3\n', 'changed\n'),
  );
  chmodSync(path.join(repo.dir, 'tool.sh'), 0o755);
  rmSync(path.join(repo.dir, 'was-file'));
  repo.write('was-file/now-inside.txt', 'inside\n');
  rmSync(path.join(repo.dir, 'was-folder'), { recursive: true });
  repo.write('was-folder', 'now a file\n');
  rmSync(path.join(repo.dir, 'link'));
  symlinkSync('src/app.ts', path.join(repo.dir, 'link'));
  rmSync(path.join(repo.dir, 'gone.md'));
  repo.write('with space/ünïcode.txt', 'changed text\n');
  repo.write('new/added.txt', 'added\n');
  repo.git(['add', '-A']);
  repo.git(['update-index', '--add', '--cacheinfo', `160000,${GITLINK},vendor/lib`]);
  repo.git(['commit', '-q', '-m', 'every kind']);
  return { base, target: repo.git(['rev-parse', 'HEAD^{tree}']).trim() };
}

function gitDiffTree(repo: TempRepo, base: string, target: string): StagedEntry[] {
  const output = gitBytes(repo.dir, [
    'diff-tree',
    '-r',
    '-M',
    '--raw',
    '-z',
    '--no-abbrev',
    base,
    target,
  ]);
  return parseRawDiff(output).flatMap((record) => (record.kind === 'entry' ? [record.entry] : []));
}

/** Returns an object source that records every object id it reads. */
function recordingSource(store: ObjectStore, read: Set<string>) {
  return {
    read: async (oid: string): Promise<GitObject> => {
      read.add(oid);
      return store.read(oid);
    },
    readSize: (oid: string) => store.readSize(oid),
  };
}

describe('diffTrees', () => {
  let repo: TempRepo;
  let store: ObjectStore;
  let trees: { base: string; target: string };

  before(async () => {
    repo = createTempRepo();
    trees = commitEveryKind(repo);
    store = await ObjectStore.open(await discoverRepository({ cwd: repo.dir, env: gitTestEnv() }));
  });

  after(() => {
    store.close();
    repo.cleanup();
  });

  it('equals git diff-tree -M', async () => {
    const actual = await diffTrees(store, trees.base, trees.target, { renames: RENAMES });
    assert.deepEqual(actual, gitDiffTree(repo, trees.base, trees.target));
  });

  it('reports each kind of change', async () => {
    const actual = await diffTrees(store, trees.base, trees.target, { renames: RENAMES });
    const summary = actual.map((entry) => `${entry.status} ${entry.oldPath ?? ''}>${entry.path}`);
    assert.ok(summary.includes('renamed src/move-me.ts>lib/move-me.ts'));
    assert.ok(summary.includes('renamed src/edit-and-move.ts>lib/edited.ts'));
    assert.ok(summary.includes('modified >tool.sh'));
    assert.ok(summary.includes('type-changed >link'));
    assert.ok(summary.includes('deleted >was-file'));
    assert.ok(summary.includes('added >was-file/now-inside.txt'));
    assert.ok(summary.includes('deleted >was-folder/inner.txt'));
    assert.ok(summary.includes('added >was-folder'));
    assert.ok(summary.includes('added >vendor/lib'));
  });

  it('skips subtrees with equal ids', async () => {
    const read = new Set<string>();
    await diffTrees(recordingSource(store, read), trees.base, trees.target, { renames: RENAMES });
    const keep = repo.git(['rev-parse', `${trees.base}:keep`]).trim();
    assert.equal(read.has(keep), false);
    assert.equal(read.has(trees.base), true);
  });

  it('null base lists every file as added', async () => {
    const actual = await diffTrees(store, null, trees.base, { renames: RENAMES });
    assert.ok(actual.every((entry) => entry.status === 'added'));
    assert.equal(actual.length, 10);
  });

  it('equal trees have no changes', async () => {
    assert.deepEqual(await diffTrees(store, trees.target, trees.target, { renames: RENAMES }), []);
  });
});

describe('TreeDiffReader', () => {
  it('reads attributes from the target tree', async () => {
    const repo = createTempRepo();
    try {
      repo.write('data/a.dat', 'x\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'base']);
      const base = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
      repo.write('data/.gitattributes', '*.dat binary\n');
      repo.write('data/a.dat', 'y\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'attributes']);
      const target = repo.git(['rev-parse', 'HEAD^{tree}']).trim();

      const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
      const store = await ObjectStore.open(layout);
      const reader = new TreeDiffReader(
        layout,
        store,
        { baseTree: base, targetTree: target },
        { renames: RENAMES },
      );
      const attributes = await reader.readAttributes('data/a.dat', ['diff']);
      const change = await reader.readStagedChange();
      store.close();

      assert.equal(attributes['diff'], 'unset');
      assert.equal(change.headTree, base);
      assert.equal(change.stagedTree, target);
      assert.deepEqual(
        change.entries.map((entry) => entry.path),
        ['data/.gitattributes', 'data/a.dat'],
      );
      assert.equal(change.head.oid, null);
    } finally {
      repo.cleanup();
    }
  });
});
