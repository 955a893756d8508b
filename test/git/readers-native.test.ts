import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';

import { readGitConfig } from '../../src/git/config.js';
import { discoverRepository } from '../../src/git/discover.js';
import { readIndexFile } from '../../src/git/index-file.js';
import { ObjectStore } from '../../src/git/objects/store.js';
import { openRepository } from '../../src/git/open.js';
import { NativeReader, type ObjectSource } from '../../src/git/readers/native.js';
import { renameOptionsFromConfig } from '../../src/git/renames.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { gitStagedEntries, gitWriteTree, readStaged } from './staged-expect.js';

/** Commits 30 folders of files with a subfolder each, then packs everything. */
function buildPackedFolders(repo: TempRepo): void {
  for (let folder = 0; folder < 30; folder++) {
    for (let file = 0; file < 8; file++) {
      repo.write(`area${folder}/file${file}.txt`, `folder ${folder} file ${file}\n`);
    }
    repo.write(`area${folder}/sub/deep.txt`, `deep ${folder}\n`);
  }
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'folders']);
  repo.git(['gc', '-q', '--prune=now']);
}

/** Opens a native reader whose object reads are recorded in `reads`. */
async function openCountingReader(repo: TempRepo, reads: string[]): Promise<NativeReader> {
  const env = gitTestEnv();
  const layout = await discoverRepository({ cwd: repo.dir, env });
  const config = await readGitConfig(layout);
  const store = await ObjectStore.open(layout);
  const counting: ObjectSource = {
    read: (oid) => {
      reads.push(oid);
      return store.read(oid);
    },
    readSize: (oid) => {
      reads.push(oid);
      return store.readSize(oid);
    },
    close: () => store.close(),
  };
  const index = await readIndexFile(layout.indexFile);
  return new NativeReader(layout, index, counting, renameOptionsFromConfig(config), config);
}

/**
 * Replaces `from` with `to` in the index's cache-tree (`TREE`) extension, then corrects the
 * extension's length and the index checksum, so the index still reads as valid.
 */
function rewriteCacheTree(indexFile: string, from: string, to: string): void {
  const bytes = readFileSync(indexFile);
  const body = bytes.subarray(0, bytes.length - 20);
  const signature = body.indexOf('TREE', 12, 'latin1');
  assert.ok(signature > 0, 'the index has a cache tree');
  const length = body.readUInt32BE(signature + 4);
  const data = body.subarray(signature + 8, signature + 8 + length);
  const at = data.indexOf(from, 0, 'latin1');
  assert.ok(at >= 0, `the cache tree contains ${JSON.stringify(from)}`);

  const rewritten = Buffer.concat([
    data.subarray(0, at),
    Buffer.from(to, 'latin1'),
    data.subarray(at + from.length),
  ]);
  const header = Buffer.alloc(8);
  header.write('TREE', 0, 'latin1');
  header.writeUInt32BE(rewritten.length, 4);
  const next = Buffer.concat([
    body.subarray(0, signature),
    header,
    rewritten,
    body.subarray(signature + 8 + length),
  ]);
  writeFileSync(indexFile, Buffer.concat([next, createHash('sha1').update(next).digest()]));
}

function revParse(repo: TempRepo, name: string): string {
  return repo.git(['rev-parse', name]).trim();
}

describe('native reader', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  it('reads only the trees on the changed path', async () => {
    repo = createTempRepo();
    buildPackedFolders(repo);
    repo.write('area17/sub/deep.txt', 'deep 17 changed\n');
    repo.git(['add', '-A']);

    const reads: string[] = [];
    const reader = await openCountingReader(repo, reads);
    const change = await reader.readStagedChange();
    await reader.close();

    assert.deepEqual(
      change.entries.map((entry) => entry.path),
      ['area17/sub/deep.txt'],
    );
    assert.deepEqual(
      [...reads].sort(),
      [
        revParse(repo, 'HEAD'),
        revParse(repo, 'HEAD^{tree}'),
        revParse(repo, 'HEAD:area17'),
        revParse(repo, 'HEAD:area17/sub'),
      ].sort(),
    );
  });

  it('hashes the index when it has no cache tree', async () => {
    repo = createTempRepo();
    buildPackedFolders(repo);
    rmSync(path.join(repo.dir, '.git', 'index'));
    repo.git(['add', '-A']);
    repo.write('area3/file1.txt', 'changed\n');
    repo.git(['add', '-A']);
    assert.equal(readFileSync(path.join(repo.dir, '.git', 'index')).includes('TREE'), false);

    const reads: string[] = [];
    const reader = await openCountingReader(repo, reads);
    const change = await reader.readStagedChange();
    await reader.close();

    assert.deepEqual(
      change.entries.map((entry) => entry.path),
      ['area3/file1.txt'],
    );
    assert.equal(change.stagedTree, gitWriteTree({ cwd: repo.dir }));
    assert.deepEqual(
      [...reads].sort(),
      [revParse(repo, 'HEAD'), revParse(repo, 'HEAD^{tree}'), revParse(repo, 'HEAD:area3')].sort(),
    );
  });

  it('reads the staged trees of a valid cache tree', async () => {
    repo = createTempRepo();
    buildPackedFolders(repo);
    repo.write('area17/sub/deep.txt', 'deep 17 changed\n');
    repo.write('area5/new.txt', 'new\n');
    rmSync(path.join(repo.dir, 'area3', 'file1.txt'));
    repo.git(['add', '-A']);
    // As `git commit` does before its pre-commit hook: write the trees, make the cache tree valid.
    const stagedRoot = repo.git(['write-tree']).trim();
    const stagedTree = (folder: string) =>
      repo.git(['rev-parse', `${stagedRoot}:${folder}`]).trim();

    const reads: string[] = [];
    const reader = await openCountingReader(repo, reads);
    const change = await reader.readStagedChange();
    await reader.close();

    assert.deepEqual(change.entries, gitStagedEntries({ cwd: repo.dir }));
    assert.deepEqual(
      change.entries.map((entry) => `${entry.status} ${entry.path}`),
      ['modified area17/sub/deep.txt', 'deleted area3/file1.txt', 'added area5/new.txt'],
    );
    assert.equal(change.stagedTree, stagedRoot);
    assert.ok(reads.includes(stagedRoot), 'the staged root tree is read');
    assert.ok(reads.includes(stagedTree('area17/sub')), 'the staged area17/sub is read');
    assert.equal(reads.includes(stagedTree('area4')), false, 'an unchanged folder is not read');
  });

  it('compares the index when a staged tree is missing', async () => {
    repo = createTempRepo();
    buildPackedFolders(repo);
    repo.write('area17/sub/deep.txt', 'deep 17 changed\n');
    repo.git(['add', '-A']);
    const stagedRoot = repo.git(['write-tree']).trim();
    const expected = gitStagedEntries({ cwd: repo.dir });
    rmSync(path.join(repo.dir, '.git', 'objects', stagedRoot.slice(0, 2), stagedRoot.slice(2)));

    const reads: string[] = [];
    const reader = await openCountingReader(repo, reads);
    const change = await reader.readStagedChange();
    await reader.close();

    assert.deepEqual(change.entries, expected);
    assert.equal(change.entries.length, 1);
    assert.equal(change.stagedTree, stagedRoot);
    assert.ok(reads.includes(revParse(repo, 'HEAD:area17/sub')), 'HEAD area17/sub is read');
  });

  it('compares the index when a staged tree is damaged', async () => {
    repo = createTempRepo();
    buildPackedFolders(repo);
    repo.write('area17/sub/new.txt', 'new\n');
    repo.git(['add', '-A']);
    const stagedRoot = repo.git(['write-tree']).trim();
    const expected = gitStagedEntries({ cwd: repo.dir });
    const damaged = repo.git(['rev-parse', `${stagedRoot}:area17`]).trim();
    const file = path.join(repo.dir, '.git', 'objects', damaged.slice(0, 2), damaged.slice(2));
    rmSync(file, { force: true });
    writeFileSync(file, 'not a zlib stream');

    const reader = await openCountingReader(repo, []);
    const change = await reader.readStagedChange();
    await reader.close();

    assert.deepEqual(change.entries, expected);
    assert.deepEqual(
      change.entries.map((entry) => `${entry.status} ${entry.path}`),
      ['added area17/sub/new.txt'],
    );
  });

  for (const [label, count] of [
    ['too small', '8'],
    ['too large', '12'],
  ] as const) {
    it(`lists a folder whose cache-tree count is ${label}`, async () => {
      repo = createTempRepo();
      buildPackedFolders(repo);
      repo.git(['write-tree']);
      repo.write('area17/file0.txt', 'changed\n');
      repo.git(['add', 'area17/file0.txt']);
      const indexFile = path.join(repo.dir, '.git', 'index');
      const expected = gitStagedEntries({ cwd: repo.dir });
      const copy = path.join(repo.dir, '.git', 'index-copy');
      copyFileSync(indexFile, copy);
      const stagedRoot = repo.git(['write-tree'], { env: { GIT_INDEX_FILE: copy } }).trim();
      // area3 contains 8 files and sub/deep.txt. Its node stays valid while the root is invalid.
      rewriteCacheTree(indexFile, 'area3\x009 1\n', `area3\x00${count} 1\n`);

      const reader = await openCountingReader(repo, []);
      const change = await reader.readStagedChange();
      await reader.close();

      assert.deepEqual(change.entries, expected);
      assert.deepEqual(
        change.entries.map((entry) => `${entry.status} ${entry.path}`),
        ['modified area17/file0.txt'],
      );
      assert.equal(change.stagedTree, stagedRoot);
    });
  }

  it('never writes the index', async () => {
    repo = createTempRepo();
    buildPackedFolders(repo);
    repo.write('area1/file1.txt', 'changed\n');
    repo.git(['mv', 'area2/file2.txt', 'area2/renamed.txt']);
    repo.git(['add', '-A']);
    repo.write('area5/unstaged.txt', 'worktree only\n');
    const indexFile = path.join(repo.dir, '.git', 'index');
    const bytesBefore = readFileSync(indexFile);
    const mtimeBefore = statSync(indexFile).mtimeMs;

    for (const readerName of ['native', 'cli'] as const) {
      const reader = await openRepository({
        cwd: repo.dir,
        env: { ...gitTestEnv(), FOOTPRINT_READER: readerName },
      });
      const change = await reader.readStagedChange();
      await reader.readAttributes('area1/file1.txt', ['binary']);
      await reader.readBlob(change.entries[0]?.newOid ?? '');
      await reader.close();
    }

    assert.deepEqual(readFileSync(indexFile), bytesBefore);
    assert.equal(statSync(indexFile).mtimeMs, mtimeBefore);
  });

  it('reads an index of version 4', async () => {
    repo = createTempRepo();
    buildPackedFolders(repo);
    repo.git(['update-index', '--index-version', '4']);
    repo.write('area9/file0.txt', 'changed in a v4 index\n');
    repo.git(['rm', '-q', 'area8/file3.txt']);
    repo.git(['add', '-A']);

    const { change, choice } = await readStaged('native', { cwd: repo.dir });

    assert.equal(choice.reader, 'native');
    assert.deepEqual(change.entries, gitStagedEntries({ cwd: repo.dir }));
    assert.equal(change.stagedTree, gitWriteTree({ cwd: repo.dir }));
  });

  it('is chosen when nothing prevents it', async () => {
    repo = createTempRepo();
    repo.write('a.txt', 'a\n');
    repo.git(['add', '-A']);

    const reader = await openRepository({ cwd: repo.dir, env: gitTestEnv() });
    await reader.close();

    assert.deepEqual(reader.choice, { reader: 'native', reasons: [] });
  });
});
