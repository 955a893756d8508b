import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { discoverRepository } from '../../src/git/discover.js';
import { ObjectStore } from '../../src/git/objects/store.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import {
  commitEditHistory,
  readAllObjectsWithGit,
  verifyPack,
  type PackedObject,
} from './fixtures.js';

describe('saved objects', () => {
  let repo: TempRepo;
  let savedFile: string;
  let deltified: PackedObject[];

  async function openStore(): Promise<ObjectStore> {
    const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
    return ObjectStore.open(layout, { savedObjectsFile: savedFile });
  }

  /** Reads every deltified object through a fresh store, then closes it, which saves. */
  async function readDeltified(): Promise<Map<string, Buffer>> {
    const store = await openStore();
    const contents = new Map<string, Buffer>();
    for (const object of deltified)
      contents.set(object.oid, (await store.read(object.oid)).content);
    store.close();
    return contents;
  }

  function packFile(): string {
    const packDir = path.join(repo.dir, '.git', 'objects', 'pack');
    const name = readdirSync(packDir).find((file) => file.endsWith('.pack'));
    return path.join(packDir, name as string);
  }

  before(() => {
    repo = createTempRepo();
    commitEditHistory(repo, 12);
    repo.git(['gc', '-q', '--prune=now']);
    savedFile = path.join(repo.dir, '.git', 'footprint', 'saved-objects');
    const idx = packFile().replace(/\.pack$/, '.idx');
    deltified = verifyPack(repo, idx).filter((object) => object.depth > 0);
  });
  after(() => repo.cleanup());

  test('fixture has deltified objects', () => {
    assert.ok(deltified.length > 5, `${deltified.length} deltified objects`);
  });

  test('objects read through deltas are saved', async () => {
    await readDeltified();
    assert.ok(existsSync(savedFile));
  });

  test('saved objects are read without the pack', async () => {
    const expected = await readDeltified();
    const pack = packFile();
    renameSync(pack, `${pack}.hidden`);
    try {
      const store = await openStore();
      for (const [oid, content] of expected) {
        assert.deepEqual((await store.read(oid)).content, content, oid);
        assert.equal(await store.readSize(oid), content.length, oid);
      }
      store.close();
    } finally {
      renameSync(`${pack}.hidden`, pack);
    }
  });

  test('damaged entry is read from the pack again', async () => {
    await readDeltified();
    const bytes = readFileSync(savedFile);
    // Flip one byte near the end, inside the content of the last entry.
    bytes[bytes.length - 2] = (bytes[bytes.length - 2] as number) ^ 0xff;
    writeFileSync(savedFile, bytes);

    const expected = new Map(readAllObjectsWithGit(repo.dir).map((object) => [object.oid, object]));
    const store = await openStore();
    for (const object of deltified) {
      assert.deepEqual((await store.read(object.oid)).content, expected.get(object.oid)?.content);
    }
    store.close();
  });

  test('file of another format is ignored', async () => {
    writeFileSync(savedFile, 'not saved objects\n');
    const expected = new Map(readAllObjectsWithGit(repo.dir).map((object) => [object.oid, object]));
    const store = await openStore();
    const first = deltified[0] as PackedObject;
    assert.deepEqual((await store.read(first.oid)).content, expected.get(first.oid)?.content);
    store.close();
  });

  test('cut file keeps the entries before the cut', async () => {
    await readDeltified();
    const bytes = readFileSync(savedFile);
    writeFileSync(savedFile, bytes.subarray(0, bytes.length - 1));

    const expected = new Map(readAllObjectsWithGit(repo.dir).map((object) => [object.oid, object]));
    const store = await openStore();
    for (const object of deltified) {
      assert.deepEqual((await store.read(object.oid)).content, expected.get(object.oid)?.content);
    }
    store.close();
  });

  test('unwritable folder keeps no file', async () => {
    const folder = path.join(repo.dir, '.git', 'blocked');
    // A file where the folder should be makes every write fail, even for root.
    writeFileSync(folder, 'in the way');
    const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
    const store = await ObjectStore.open(layout, {
      savedObjectsFile: path.join(folder, 'saved-objects'),
    });
    for (const object of deltified) await store.read(object.oid);
    assert.doesNotThrow(() => store.close());
    assert.equal(readFileSync(folder, 'utf8'), 'in the way');
  });
});
