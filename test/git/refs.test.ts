import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { discoverRepository } from '../../src/git/discover.js';
import { readHead, resolveRef } from '../../src/git/refs.js';
import type { RepositoryLayout } from '../../src/git/types.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

async function layoutOf(dir: string): Promise<RepositoryLayout> {
  return discoverRepository({ cwd: dir, env: gitTestEnv() });
}

function commit(repo: TempRepo, file: string, message: string): string {
  repo.write(file, `${message}\n`);
  repo.git(['add', file]);
  repo.git(['commit', '-q', '-m', message]);
  return repo.git(['rev-parse', 'HEAD']).trim();
}

describe('readHead', () => {
  test('unborn branch', async () => {
    const repo = createTempRepo({ initialBranch: 'trunk' });
    try {
      const head = await readHead(await layoutOf(repo.dir));
      assert.deepEqual(head, { oid: null, ref: 'refs/heads/trunk', detached: false });
    } finally {
      repo.cleanup();
    }
  });

  test('symbolic and detached', async () => {
    const repo = createTempRepo();
    try {
      const first = commit(repo, 'a.txt', 'first');
      const second = commit(repo, 'a.txt', 'second');
      const layout = await layoutOf(repo.dir);
      assert.deepEqual(await readHead(layout), {
        oid: second,
        ref: 'refs/heads/main',
        detached: false,
      });

      repo.git(['checkout', '-q', '--detach', first]);
      assert.deepEqual(await readHead(layout), { oid: first, ref: null, detached: true });
    } finally {
      repo.cleanup();
    }
  });

  test('branch only in packed-refs', async () => {
    const repo = createTempRepo();
    try {
      const oid = commit(repo, 'a.txt', 'first');
      repo.git(['pack-refs', '--all']);
      assert.equal(existsSync(path.join(repo.dir, '.git', 'refs', 'heads', 'main')), false);
      const head = await readHead(await layoutOf(repo.dir));
      assert.equal(head.oid, oid);
      assert.equal(head.ref, 'refs/heads/main');
    } finally {
      repo.cleanup();
    }
  });
});

describe('resolveRef', () => {
  let repo: TempRepo;
  let first: string;
  let second: string;
  let tagObject: string;

  before(() => {
    repo = createTempRepo();
    first = commit(repo, 'a.txt', 'first');
    repo.git(['tag', '-a', '-m', 'release', 'v1']);
    repo.git(['tag', 'light']);
    tagObject = repo.git(['rev-parse', 'refs/tags/v1']).trim();
    repo.git(['branch', 'feature']);
    repo.git(['pack-refs', '--all']);
    second = commit(repo, 'a.txt', 'second');
  });
  after(() => repo.cleanup());

  test('loose ref wins over packed-refs', async () => {
    const resolved = await resolveRef(await layoutOf(repo.dir), 'refs/heads/main');
    assert.deepEqual(resolved, { name: 'refs/heads/main', oid: second, peeled: null });
  });

  test('packed annotated tag with peeled id', async () => {
    const resolved = await resolveRef(await layoutOf(repo.dir), 'refs/tags/v1');
    assert.deepEqual(resolved, { name: 'refs/tags/v1', oid: tagObject, peeled: first });
    assert.notEqual(tagObject, first);
  });

  test('packed lightweight tag and branch', async () => {
    const layout = await layoutOf(repo.dir);
    assert.equal((await resolveRef(layout, 'refs/tags/light'))?.oid, first);
    assert.equal((await resolveRef(layout, 'refs/tags/light'))?.peeled, null);
    assert.equal((await resolveRef(layout, 'refs/heads/feature'))?.oid, first);
  });

  test('HEAD follows the symbolic ref', async () => {
    const resolved = await resolveRef(await layoutOf(repo.dir), 'HEAD');
    assert.equal(resolved?.name, 'refs/heads/main');
    assert.equal(resolved?.oid, second);
  });

  test('symbolic ref chain', async () => {
    repo.git(['symbolic-ref', 'refs/heads/alias', 'refs/heads/feature']);
    const resolved = await resolveRef(await layoutOf(repo.dir), 'refs/heads/alias');
    assert.equal(resolved?.name, 'refs/heads/feature');
    assert.equal(resolved?.oid, first);
  });

  test('pseudo-ref ORIG_HEAD', async () => {
    repo.git(['reset', '-q', '--soft', 'HEAD']);
    const resolved = await resolveRef(await layoutOf(repo.dir), 'ORIG_HEAD');
    assert.equal(resolved?.oid, repo.git(['rev-parse', 'ORIG_HEAD']).trim());
  });

  test('missing refs', async () => {
    const layout = await layoutOf(repo.dir);
    assert.equal(await resolveRef(layout, 'refs/heads/nope'), null);
    assert.equal(await resolveRef(layout, 'refs/heads'), null);
    assert.equal(await resolveRef(layout, 'MERGE_HEAD'), null);
    // A suffix of an existing packed ref is not that ref.
    assert.equal(await resolveRef(layout, 'heads/feature'), null);
  });

  test('names that leave the git directory', async () => {
    const layout = await layoutOf(repo.dir);
    await assert.rejects(resolveRef(layout, 'refs/heads/../../config'), /Invalid ref name/);
    await assert.rejects(resolveRef(layout, '/etc/passwd'), /Invalid ref name/);
    await assert.rejects(resolveRef(layout, 'refs//heads/main'), /Invalid ref name/);
  });
});

describe('refs in a linked worktree', () => {
  let repo: TempRepo;
  let scratch: string;

  before(() => {
    repo = createTempRepo();
    commit(repo, 'a.txt', 'first');
    scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-refs-')));
  });
  after(() => {
    repo.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('HEAD is per worktree, branches are shared', async () => {
    const worktree = path.join(scratch, 'linked');
    repo.git(['worktree', 'add', '-q', '-b', 'topic', worktree]);
    const topicOid = repo.git(['rev-parse', 'topic']).trim();
    repo.git(['-C', worktree, 'commit', '-q', '--allow-empty', '-m', 'on topic']);
    const moved = repo.git(['rev-parse', 'topic']).trim();
    assert.notEqual(moved, topicOid);

    const layout = await layoutOf(worktree);
    assert.deepEqual(await readHead(layout), {
      oid: moved,
      ref: 'refs/heads/topic',
      detached: false,
    });
    assert.equal(
      (await resolveRef(layout, 'refs/heads/main'))?.oid,
      repo.git(['rev-parse', 'main']).trim(),
    );
    assert.equal((await resolveRef(layout, 'main-worktree/HEAD'))?.name, 'refs/heads/main');

    const main = await layoutOf(repo.dir);
    assert.equal((await readHead(main)).ref, 'refs/heads/main');
    assert.equal((await resolveRef(main, 'worktrees/linked/HEAD'))?.oid, moved);
  });
});
