import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { unquoteCString } from '../../src/git/c-quote.js';
import { IndexFormatError, readIndexFile, type IndexFile } from '../../src/git/index-file.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { reinitRepo } from './fixtures.js';

interface ListedEntry {
  path: string;
  mode: number;
  oid: string;
  stage: number;
  size: number;
  flags: number;
}

/**
 * Lists the index with `git ls-files -s --debug`: mode, id, stage and path, then the stat lines,
 * of which size and flags (the 16-bit flags word, with the extended bit's word above it) matter.
 */
function listWithGit(repo: TempRepo): ListedEntry[] {
  const lines = repo.git(['-c', 'core.quotepath=false', 'ls-files', '-s', '--debug']).split('\n');
  const entries: ListedEntry[] = [];
  for (let index = 0; index < lines.length; index++) {
    const match = /^(\d+) ([0-9a-f]{40}) (\d)\t(.*)$/.exec(lines[index] as string);
    if (!match) continue;
    const sizeLine = lines.slice(index + 1, index + 6).find((line) => line.includes('size: '));
    const sizeMatch = /size: (\d+)\tflags: ([0-9a-f]+)/.exec(sizeLine ?? '');
    entries.push({
      path: unquoteCString(match[4] as string),
      mode: parseInt(match[1] as string, 8),
      oid: match[2] as string,
      stage: Number(match[3]),
      size: Number(sizeMatch?.[1]),
      flags: parseInt(sizeMatch?.[2] ?? '0', 16),
    });
  }
  return entries;
}

function assertEntriesMatchGit(index: IndexFile, repo: TempRepo): void {
  const listed = listWithGit(repo);
  assert.equal(index.entries.length, listed.length, 'entry count');
  index.entries.forEach((entry, position) => {
    const expected = listed[position] as ListedEntry;
    assert.equal(entry.path, expected.path, `path at ${position}`);
    assert.equal(entry.mode, expected.mode, `mode of ${expected.path}`);
    assert.equal(entry.oid, expected.oid, `oid of ${expected.path}`);
    assert.equal(entry.stage, expected.stage, `stage of ${expected.path}`);
    assert.equal(entry.size, expected.size, `size of ${expected.path}`);
  });
}

async function readRepoIndex(repo: TempRepo): Promise<IndexFile> {
  const index = await readIndexFile(path.join(repo.dir, '.git', 'index'));
  assert.ok(index, 'the index exists');
  return index;
}

/** Paths that exercise name encoding: spaces, quotes, non-ASCII, a newline, deep folders. */
const UNUSUAL_PATHS = [
  'plain.txt',
  'with space.txt',
  'quote"and\'apostrophe.txt',
  'caf\u00e9/\u6587\u4ef6.md',
  'new\nline.txt',
  'emoji \u{1f600}.txt',
  'deep/a/b/c/d/e/f.txt',
  `${'long-name-'.repeat(20)}.txt`,
];

describe('readIndexFile', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    UNUSUAL_PATHS.forEach((file, position) => repo.write(file, `content ${position}\n`));
    repo.write('run.sh', '#!/bin/sh\n', 0o755);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'first']);
  });
  after(() => repo.cleanup());

  test('version 2 entries match git ls-files', async () => {
    const index = await readRepoIndex(repo);
    assert.equal(index.version, 2);
    assertEntriesMatchGit(index, repo);
    const run = index.entries.find((entry) => entry.path === 'run.sh');
    assert.equal(run?.mode, 0o100755);
    assert.equal(run?.size, 10);
  });

  test('size of 2 GiB reads unsigned', async () => {
    const copy = createTempRepo();
    try {
      copy.write('big.bin', 'x');
      copy.git(['add', 'big.bin']);
      const file = path.join(copy.dir, '.git', 'index');
      const bytes = readFileSync(file);
      // The first entry starts after the 12-byte header; its size is the last stat field.
      bytes.writeUInt32BE(0xfffffff0, 12 + 36);
      const body = bytes.subarray(0, bytes.length - 20);
      createHash('sha1')
        .update(body)
        .digest()
        .copy(bytes, bytes.length - 20);
      writeFileSync(file, bytes);

      const index = await readRepoIndex(copy);
      assert.equal(index.entries[0]?.size, 0xfffffff0);
      assertEntriesMatchGit(index, copy);
    } finally {
      copy.cleanup();
    }
  });

  test('missing index file', async () => {
    assert.equal(await readIndexFile(path.join(repo.dir, '.git', 'no-such-index')), null);
  });

  test('toJSON copies every field', async () => {
    const index = await readRepoIndex(repo);
    const entry = index.entries[0];
    const copy = JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
    assert.equal(copy['path'], entry?.path);
    assert.equal(copy['oid'], entry?.oid);
    assert.equal(copy['mode'], entry?.mode);
    assert.deepEqual(copy['flags'], {
      assumeValid: false,
      intentToAdd: false,
      skipWorktree: false,
    });
  });

  test('paths of 4095 bytes and more', async () => {
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: 'long\n' }).trim();
    const longPath = `${'d'.repeat(200)}/`.repeat(25) + 'file.txt';
    const exactPath = 'x'.repeat(4095);
    const scratch = path.join(repo.dir, '.git', 'long-index');
    const env = { GIT_INDEX_FILE: scratch };
    repo.git(['update-index', '--add', '--cacheinfo', `100644,${blob},${longPath}`], { env });
    repo.git(['update-index', '--add', '--cacheinfo', `100644,${blob},${exactPath}`], { env });

    const index = await readIndexFile(scratch);
    assert.deepEqual(
      index?.entries.map((entry) => entry.path),
      [longPath, exactPath].sort(),
    );
    assert.equal(index?.entries[1]?.oid, blob);
  });

  test('flags: assume-unchanged, skip-worktree, intent-to-add', async () => {
    repo.git(['update-index', '--assume-unchanged', 'plain.txt']);
    repo.git(['update-index', '--skip-worktree', 'with space.txt']);
    repo.write('intent.txt', 'not staged yet\n');
    repo.git(['add', '-N', 'intent.txt']);

    const index = await readRepoIndex(repo);
    assert.equal(index.version, 3, 'extended flags raise the version to 3');
    assertEntriesMatchGit(index, repo);
    const byPath = new Map(index.entries.map((entry) => [entry.path, entry]));
    assert.deepEqual(byPath.get('plain.txt')?.flags, {
      assumeValid: true,
      intentToAdd: false,
      skipWorktree: false,
    });
    assert.deepEqual(byPath.get('with space.txt')?.flags, {
      assumeValid: false,
      intentToAdd: false,
      skipWorktree: true,
    });
    assert.deepEqual(byPath.get('intent.txt')?.flags, {
      assumeValid: false,
      intentToAdd: true,
      skipWorktree: false,
    });
    assert.equal(byPath.get('intent.txt')?.oid, 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');

    repo.git(['update-index', '--no-assume-unchanged', 'plain.txt']);
    repo.git(['update-index', '--no-skip-worktree', 'with space.txt']);
    repo.git(['rm', '-q', '--cached', 'intent.txt']);
  });

  test('version 4 paths match version 2', async () => {
    const before = await readRepoIndex(repo);
    repo.git(['update-index', '--index-version', '4']);
    const index = await readRepoIndex(repo);
    assert.equal(index.version, 4);
    assertEntriesMatchGit(index, repo);
    assert.deepEqual(
      index.entries.map((entry) => entry.path),
      before.entries.map((entry) => entry.path),
    );
    repo.git(['update-index', '--index-version', '2']);
  });

  test('unmerged entries have stages 1 to 3', async () => {
    const conflict = createTempRepo();
    try {
      conflict.write('file.txt', 'base\n');
      conflict.git(['add', 'file.txt']);
      conflict.git(['commit', '-q', '-m', 'base']);
      conflict.git(['checkout', '-q', '-b', 'side']);
      conflict.write('file.txt', 'side\n');
      conflict.git(['commit', '-q', '-am', 'side']);
      conflict.git(['checkout', '-q', 'main']);
      conflict.write('file.txt', 'main\n');
      conflict.git(['commit', '-q', '-am', 'main']);
      conflict.gitResult(['merge', 'side']);

      const index = await readRepoIndex(conflict);
      assert.deepEqual(
        index.entries.map((entry) => [entry.path, entry.stage]),
        [
          ['file.txt', 1],
          ['file.txt', 2],
          ['file.txt', 3],
        ],
      );
      assertEntriesMatchGit(index, conflict);

      conflict.git(['add', 'file.txt']);
      const resolved = await readRepoIndex(conflict);
      assert.ok(resolved.extensions.includes('REUC'), 'resolve-undo extension after git add');
    } finally {
      conflict.cleanup();
    }
  });
});

describe('cache tree', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    repo.write('top.txt', 'top\n');
    repo.write('src/a.ts', 'a\n');
    repo.write('src/lib/b.ts', 'b\n');
    repo.write('src/lib/c.ts', 'c\n');
    repo.write('docs/readme.md', 'docs\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'first']);
  });
  after(() => repo.cleanup());

  test('valid after commit, matching HEAD trees', async () => {
    const index = await readRepoIndex(repo);
    assert.ok(index.extensions.includes('TREE'));
    const tree = index.cacheTree;
    assert.ok(tree);
    assert.deepEqual([...tree.byPath.keys()].sort(), ['', 'docs', 'src', 'src/lib']);
    for (const node of tree.byPath.values()) {
      const spec = node.path === '' ? 'HEAD^{tree}' : `HEAD:${node.path}`;
      assert.equal(node.oid, repo.git(['rev-parse', spec]).trim(), `oid of "${node.path}"`);
    }
    assert.equal(tree.root.entryCount, 5);
    assert.equal(tree.root.subtreeCount, 2);
    assert.equal(tree.byPath.get('src')?.entryCount, 3);
    assert.equal(tree.byPath.get('src')?.subtreeCount, 1);
    assert.equal(tree.byPath.get('src/lib')?.entryCount, 2);
    assert.deepEqual(
      tree.byPath.get('src')?.children.map((child) => child.path),
      ['src/lib'],
    );
  });

  test('staging a file invalidates its folders only', async () => {
    repo.write('src/lib/b.ts', 'b changed\n');
    repo.git(['add', 'src/lib/b.ts']);
    const tree = (await readRepoIndex(repo)).cacheTree;
    assert.ok(tree);
    assert.equal(tree.root.entryCount, -1);
    assert.equal(tree.root.oid, null);
    assert.equal(tree.byPath.get('src')?.entryCount, -1);
    assert.equal(tree.byPath.get('src/lib')?.entryCount, -1);
    assert.equal(tree.byPath.get('docs')?.oid, repo.git(['rev-parse', 'HEAD:docs']).trim());
  });
});

describe('index extensions and formats', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    repo.write('a.txt', 'a\n');
    repo.write('dir/b.txt', 'b\n');
    repo.write('other/c.txt', 'c\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'first']);
  });
  after(() => repo.cleanup());

  test('split index lists link', async () => {
    repo.git(['update-index', '--split-index']);
    const index = await readRepoIndex(repo);
    assert.ok(index.extensions.includes('link'));
    repo.git(['update-index', '--no-split-index']);
    assert.equal((await readRepoIndex(repo)).extensions.includes('link'), false);
  });

  test('untracked cache lists UNTR', async () => {
    repo.git(['update-index', '--untracked-cache']);
    repo.git(['status', '--porcelain']);
    assert.ok((await readRepoIndex(repo)).extensions.includes('UNTR'));
    repo.git(['update-index', '--no-untracked-cache']);
  });

  test('sparse index lists sdir and directory entries', async () => {
    const sparse = createTempRepo();
    try {
      sparse.write('a.txt', 'a\n');
      sparse.write('dir/b.txt', 'b\n');
      sparse.write('other/c.txt', 'c\n');
      sparse.git(['add', '-A']);
      sparse.git(['commit', '-q', '-m', 'first']);
      sparse.git(['sparse-checkout', 'init', '--cone', '--sparse-index']);
      sparse.git(['sparse-checkout', 'set', 'dir']);

      const index = await readRepoIndex(sparse);
      assert.ok(index.extensions.includes('sdir'));
      const directory = index.entries.find((entry) => entry.path === 'other/');
      assert.equal(directory?.mode, 0o040000);
      assert.equal(directory?.flags.skipWorktree, true);
      assert.equal(directory?.oid, sparse.git(['rev-parse', 'HEAD:other']).trim());
    } finally {
      sparse.cleanup();
    }
  });

  test('sha256 repository', async () => {
    const sha256 = createTempRepo();
    try {
      reinitRepo(sha256, ['--object-format=sha256']);
      sha256.write('a.txt', 'a\n');
      sha256.git(['add', 'a.txt']);
      const file = path.join(sha256.dir, '.git', 'index');
      const index = await readIndexFile(file, { objectFormat: 'sha256' });
      const expected = sha256.git(['ls-files', '-s']).split(' ')[1];
      assert.equal(index?.entries[0]?.path, 'a.txt');
      assert.equal(index?.entries[0]?.oid, expected);
      assert.equal(index?.entries[0]?.oid.length, 64);
    } finally {
      sha256.cleanup();
    }
  });

  test('path that is not UTF-8', async () => {
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: 'x\n' }).trim();
    const scratch = path.join(repo.dir, '.git', 'latin1-index');
    const line = Buffer.concat([
      Buffer.from(`100644 ${blob}\tcaf`),
      Buffer.from([0xe9]),
      Buffer.from('.txt\0'),
    ]);
    repo.git(['update-index', '-z', '--add', '--index-info'], {
      env: { GIT_INDEX_FILE: scratch },
      input: line,
    });
    // The byte that is not UTF-8 decodes to U+DC00 plus the byte, which encodes back to it.
    const escaped = 'caf\udce9.txt';
    const paths = (index: IndexFile | null) => index?.entries.map((entry) => entry.path);
    assert.ok(paths(await readIndexFile(scratch))?.includes(escaped));

    repo.git(['update-index', '--index-version', '4'], { env: { GIT_INDEX_FILE: scratch } });
    assert.ok(paths(await readIndexFile(scratch))?.includes(escaped));
  });

  test('corrupt and unsupported files', async () => {
    const file = path.join(repo.dir, '.git', 'index');
    const original = readFileSync(file);
    const scratch = path.join(repo.dir, '.git', 'scratch-index');

    writeFileSync(scratch, Buffer.from('not an index at all, just text'));
    await assert.rejects(readIndexFile(scratch), IndexFormatError);

    const version5 = Buffer.from(original);
    version5.writeUInt32BE(5, 4);
    writeFileSync(scratch, version5);
    await assert.rejects(readIndexFile(scratch), /index version 5/);

    writeFileSync(scratch, original.subarray(0, 40));
    await assert.rejects(readIndexFile(scratch), IndexFormatError);
  });
});
