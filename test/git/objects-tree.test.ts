import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { discoverRepository } from '../../src/git/discover.js';
import { ObjectStore } from '../../src/git/objects/store.js';
import {
  EMPTY_BLOB_OID,
  EMPTY_TREE_OID,
  hashObject,
  parseCommit,
  parseTree,
  serializeTree,
  type TreeEntry,
} from '../../src/git/objects/tree.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

describe('tree and commit objects', () => {
  let repo: TempRepo;
  let store: ObjectStore;

  before(async () => {
    repo = createTempRepo();
    repo.write('a.txt', 'a\n');
    repo.write('a-b', 'dash\n');
    repo.write('a/inner.txt', 'inner\n');
    repo.write('a0', 'zero\n');
    repo.write('run.sh', '#!/bin/sh\n', 0o755);
    repo.write('caf\u00e9 \u6587\u4ef6.txt', 'unicode\n');
    symlinkSync('a.txt', path.join(repo.dir, 'link'));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'first']);
    repo.write('a.txt', 'a2\n');
    repo.git(['commit', '-q', '-am', 'second']);
    store = await ObjectStore.open(await discoverRepository({ cwd: repo.dir, env: gitTestEnv() }));
  });
  after(() => {
    store.close();
    repo.cleanup();
  });

  test('parseTree matches git ls-tree', async () => {
    const treeOid = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
    const entries = parseTree((await store.read(treeOid)).content);
    const listed = repo
      .git(['ls-tree', '-z', treeOid])
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, name] = line.split('\t');
        const [mode, , oid] = (meta as string).split(' ');
        return { name: name as string, mode: (mode === '040000' ? '040000' : mode) as string, oid };
      });
    assert.deepEqual(entries, listed);
    assert.equal(entries.find((entry) => entry.name === 'run.sh')?.mode, '100755');
    assert.equal(entries.find((entry) => entry.name === 'link')?.mode, '120000');
    assert.equal(entries.find((entry) => entry.name === 'a')?.mode, '040000');
  });

  test('serializeTree hashes back to the tree id', async () => {
    const treeOid = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
    const content = (await store.read(treeOid)).content;
    const reversed = [...parseTree(content)].reverse();
    const serialized = serializeTree(reversed);
    assert.ok(serialized.equals(content));
    assert.equal(hashObject('tree', serialized), treeOid);
  });

  test('serializeTree orders a subtree as name plus slash', () => {
    const blob = repo.git(['rev-parse', 'HEAD:a0']).trim();
    const subtree = repo.git(['rev-parse', 'HEAD:a']).trim();
    const entries: TreeEntry[] = [
      { name: 'a0', mode: '100644', oid: blob },
      { name: 'a', mode: '040000', oid: subtree },
      { name: 'a.txt', mode: '100644', oid: blob },
      { name: 'a-b', mode: '100644', oid: blob },
      { name: 'gitlink', mode: '160000', oid: '1111111111111111111111111111111111111111' },
    ];
    const typeOfMode: Record<string, string> = { '040000': 'tree', '160000': 'commit' };
    const input = entries
      .map((entry) => {
        const type = typeOfMode[entry.mode] ?? 'blob';
        return `${entry.mode} ${type} ${entry.oid}\t${entry.name}\n`;
      })
      .join('');
    const expected = repo.git(['mktree', '--missing'], { input }).trim();
    assert.equal(hashObject('tree', serializeTree(entries)), expected);
  });

  test('hashObject matches git hash-object', () => {
    const content = Buffer.from('some content\n\u00e9\n');
    assert.equal(repo.git(['hash-object', '--stdin'], { input: '' }).trim(), EMPTY_BLOB_OID);
    const fromStdin = repo.git(['hash-object', '--stdin'], { input: content }).trim();
    assert.equal(hashObject('blob', content), fromStdin);
    assert.equal(hashObject('blob', Buffer.alloc(0)), EMPTY_BLOB_OID);
    assert.equal(hashObject('tree', Buffer.alloc(0)), EMPTY_TREE_OID);
  });

  test('parseCommit reads tree, parents and message', async () => {
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const commit = parseCommit((await store.read(head)).content);
    assert.equal(commit.tree, repo.git(['rev-parse', 'HEAD^{tree}']).trim());
    assert.deepEqual(commit.parents, [repo.git(['rev-parse', 'HEAD~1']).trim()]);
    assert.equal(commit.message, 'second\n');
    assert.match(commit.author, /^Test Author <author@example\.com> \d+ \+0000$/);
    assert.match(commit.committer, /^Test Committer <committer@example\.com> /);

    const root = parseCommit((await store.read(commit.parents[0] as string)).content);
    assert.deepEqual(root.parents, []);
  });

  test('parseCommit of a merge lists both parents', async () => {
    repo.git(['checkout', '-q', '-b', 'side', 'HEAD~1']);
    repo.write('side.txt', 'side\n');
    repo.git(['add', 'side.txt']);
    repo.git(['commit', '-q', '-m', 'side']);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--no-edit', 'side']);
    const parents = repo
      .git(['rev-list', '--parents', '-n', '1', 'HEAD'])
      .trim()
      .split(' ')
      .slice(1);

    const commit = parseCommit((await store.read(repo.git(['rev-parse', 'HEAD']).trim())).content);
    assert.deepEqual(commit.parents, parents);
    assert.equal(commit.parents.length, 2);
  });
});
