import assert from 'node:assert/strict';
import { openSync, readdirSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { discoverRepository } from '../../src/git/discover.js';
import { PackIndex } from '../../src/git/objects/pack-index.js';
import { ObjectStore } from '../../src/git/objects/store.js';
import { MissingObjectError } from '../../src/git/objects/types.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import {
  commitEditHistory,
  readAllObjectsWithGit,
  verifyPack,
  type PackedObject,
} from './fixtures.js';

const MISSING_OID = '0123456789abcdef0123456789abcdef01234567';

async function openStore(dir: string): Promise<ObjectStore> {
  return ObjectStore.open(await discoverRepository({ cwd: dir, env: gitTestEnv() }));
}

function packIndexFiles(repo: TempRepo): string[] {
  const packDir = path.join(repo.dir, '.git', 'objects', 'pack');
  return readdirSync(packDir)
    .filter((name) => name.endsWith('.idx'))
    .map((name) => path.join(packDir, name));
}

/** Reads the type bits of the entry at each offset: 6 is OFS_DELTA, 7 is REF_DELTA. */
function entryTypes(packPath: string, objects: readonly PackedObject[]): Set<number> {
  const fd = openSync(packPath, 'r');
  const byte = Buffer.alloc(1);
  const types = new Set<number>();
  for (const object of objects) {
    readSync(fd, byte, 0, 1, object.offset);
    types.add(((byte[0] as number) >> 4) & 7);
  }
  closeSync(fd);
  return types;
}

/** Reads every object with the store and compares type, bytes and size with git's. */
async function assertStoreMatchesGit(repo: TempRepo): Promise<number> {
  const store = await openStore(repo.dir);
  const objects = readAllObjectsWithGit(repo.dir);
  try {
    for (const expected of objects) {
      const actual = await store.read(expected.oid);
      assert.equal(actual.type, expected.type, `type of ${expected.oid}`);
      assert.ok(actual.content.equals(expected.content), `content of ${expected.oid}`);
      assert.equal(
        await store.readSize(expected.oid),
        expected.content.length,
        `size of ${expected.oid}`,
      );
      assert.equal(await store.has(expected.oid), true, `has ${expected.oid}`);
    }
  } finally {
    store.close();
  }
  return objects.length;
}

describe('object store over packs', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    commitEditHistory(repo);
  });
  after(() => repo.cleanup());

  test('reads every object of an OFS_DELTA pack', async () => {
    repo.git(['-c', 'pack.depth=50', 'repack', '-a', '-d', '-f', '-q']);
    const [idx] = packIndexFiles(repo);
    const packed = verifyPack(repo, idx as string);
    assert.ok(
      packed.some((object) => object.depth >= 3),
      'the pack has delta chains of depth 3+',
    );
    assert.ok(
      entryTypes((idx as string).replace(/\.idx$/, '.pack'), packed).has(6),
      'has OFS_DELTA',
    );

    const count = await assertStoreMatchesGit(repo);
    assert.equal(count, packed.length);
  });

  test('reads every object of a REF_DELTA pack', async () => {
    repo.git(['-c', 'repack.useDeltaBaseOffset=false', 'repack', '-a', '-d', '-f', '-q']);
    const [idx] = packIndexFiles(repo);
    const packed = verifyPack(repo, idx as string);
    const types = entryTypes((idx as string).replace(/\.idx$/, '.pack'), packed);
    assert.ok(types.has(7), 'has REF_DELTA');
    assert.equal(types.has(6), false, 'has no OFS_DELTA');

    await assertStoreMatchesGit(repo);
  });

  test('reads a version 1 pack index', async () => {
    repo.git(['-c', 'pack.indexVersion=1', 'repack', '-a', '-d', '-f', '-q']);
    const [idx] = packIndexFiles(repo);
    const index = PackIndex.open(idx as string);
    assert.equal(index.version, 1);
    index.close();

    await assertStoreMatchesGit(repo);
  });

  test('reads 64-bit offsets of a version 2 index', async () => {
    repo.git(['repack', '-a', '-d', '-f', '-q']);
    const [idx] = packIndexFiles(repo);
    const packPath = (idx as string).replace(/\.idx$/, '.pack');
    // Objects past byte 16 get entries in the 8-byte offset table, as in packs over 2 GiB.
    repo.git(['index-pack', '--index-version=2,16', '-o', idx as string, packPath]);

    await assertStoreMatchesGit(repo);
  });

  test('finds ids with single-id reads in large fanout buckets', () => {
    const [idx] = packIndexFiles(repo);
    const packed = verifyPack(repo, idx as string);
    const index = PackIndex.open(idx as string, 20);
    try {
      for (const object of packed) {
        assert.equal(index.find(Buffer.from(object.oid, 'hex')), object.offset, object.oid);
      }
      assert.equal(index.find(Buffer.from(MISSING_OID, 'hex')), null);
    } finally {
      index.close();
    }
  });

  test('reads loose objects next to packs', async () => {
    repo.write('fresh.txt', 'loose content\n');
    repo.git(['add', 'fresh.txt']);
    repo.git(['commit', '-q', '-m', 'loose']);
    const blob = repo.git(['rev-parse', 'HEAD:fresh.txt']).trim();
    const store = await openStore(repo.dir);
    try {
      const object = await store.read(blob);
      assert.equal(object.type, 'blob');
      assert.equal(object.content.toString(), 'loose content\n');
      assert.equal(await store.readSize(blob), 14);
    } finally {
      store.close();
    }
    await assertStoreMatchesGit(repo);
  });

  test('finds objects packed after the store opened', async () => {
    repo.write('later.txt', 'written later\n');
    repo.git(['add', 'later.txt']);
    repo.git(['commit', '-q', '-m', 'later']);
    const blob = repo.git(['rev-parse', 'HEAD:later.txt']).trim();
    const store = await openStore(repo.dir);
    try {
      assert.equal((await store.read(blob)).type, 'blob');
      repo.git(['repack', '-a', '-d', '-q']);
      repo.git(['prune-packed']);
      assert.equal((await store.read(blob)).content.toString(), 'written later\n');
    } finally {
      store.close();
    }
  });

  test('missing object', async () => {
    const store = await openStore(repo.dir);
    try {
      assert.equal(await store.has(MISSING_OID), false);
      await assert.rejects(store.read(MISSING_OID), MissingObjectError);
      await assert.rejects(store.readSize(MISSING_OID), MissingObjectError);
      await assert.rejects(store.read('not-an-id'), /Invalid object id/);
    } finally {
      store.close();
    }
  });
});

describe('object store with alternates', () => {
  let source: TempRepo;
  let clone: TempRepo;

  before(() => {
    source = createTempRepo();
    commitEditHistory(source, 5);
    source.git(['repack', '-a', '-d', '-q']);
    clone = createTempRepo();
    clone.cleanup();
    source.git(['clone', '-q', '--shared', source.dir, clone.dir]);
    clone.write('own.txt', 'only in the clone\n');
    clone.git(['add', 'own.txt']);
    clone.git(['commit', '-q', '-m', 'own']);
  });
  after(() => {
    clone.cleanup();
    source.cleanup();
  });

  test('reads objects through objects/info/alternates', async () => {
    const count = await assertStoreMatchesGit(clone);
    const ownCount = readAllObjectsWithGit(source.dir).length;
    assert.ok(count > ownCount, 'the clone sees the source objects and its own');

    const store = await openStore(clone.dir);
    try {
      const sourceHead = source.git(['rev-parse', 'HEAD']).trim();
      assert.equal((await store.read(sourceHead)).type, 'commit');
    } finally {
      store.close();
    }
  });
});
