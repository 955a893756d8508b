import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { readGitConfig } from '../../src/git/config.js';
import { discoverRepository } from '../../src/git/discover.js';
import {
  moveRef,
  RefChangedError,
  RefLockedError,
  type RefMove,
} from '../../src/git/ref-update.js';
import { NULL_OID } from '../../src/git/reflog.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const IDENTITY = 'Test Committer <committer@example.com> 1767225600 +0000';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** A repository with two commits on main; returns their ids, oldest first. */
function twoCommits(): { repo: TempRepo; first: string; second: string } {
  const created = createTempRepo();
  repo = created;
  created.write('a.txt', 'one\n');
  created.git(['add', 'a.txt']);
  created.git(['commit', '-qm', 'first']);
  created.write('a.txt', 'two\n');
  created.git(['commit', '-qam', 'second']);
  const first = created.git(['rev-parse', 'HEAD~1']).trim();
  const second = created.git(['rev-parse', 'HEAD']).trim();
  return { repo: created, first, second };
}

async function open(dir: string) {
  const env = gitTestEnv();
  const layout = await discoverRepository({ cwd: dir, env });
  const config = await readGitConfig(layout, { env });
  return { layout, config };
}

function branchMove(overrides: Partial<RefMove>): RefMove {
  return {
    ref: 'refs/heads/main',
    oldOid: null,
    newOid: null,
    throughHead: true,
    identity: IDENTITY,
    message: 'commit (footprint): feat: x',
    ...overrides,
  };
}

test('move branch writes ref and both reflogs', async () => {
  const { repo, first, second } = twoCommits();
  const { layout, config } = await open(repo.dir);

  await moveRef(layout, config, branchMove({ oldOid: second, newOid: first }));

  assert.equal(repo.git(['rev-parse', 'refs/heads/main']).trim(), first);
  const expected = `${second} ${first} ${IDENTITY}\tcommit (footprint): feat: x`;
  const branchLog = readFileSync(path.join(repo.dir, '.git/logs/refs/heads/main'), 'utf8');
  const headLog = readFileSync(path.join(repo.dir, '.git/logs/HEAD'), 'utf8');
  assert.equal(branchLog.trimEnd().split('\n').at(-1), expected);
  assert.equal(headLog.trimEnd().split('\n').at(-1), expected);
  assert.equal(repo.git(['reflog', '-1', '--format=%gs']).trim(), 'commit (footprint): feat: x');
  assert.equal(existsSync(path.join(repo.dir, '.git/refs/heads/main.lock')), false);
  assert.equal(existsSync(path.join(repo.dir, '.git/HEAD.lock')), false);
});

test('move branch rejects a changed old value', async () => {
  const { repo, first, second } = twoCommits();
  const { layout, config } = await open(repo.dir);

  await assert.rejects(
    moveRef(layout, config, branchMove({ oldOid: first, newOid: first })),
    (error: unknown) =>
      error instanceof RefChangedError && error.actual === second && error.expected === first,
  );
  assert.equal(repo.git(['rev-parse', 'refs/heads/main']).trim(), second);
  assert.equal(existsSync(path.join(repo.dir, '.git/refs/heads/main.lock')), false);
  assert.equal(existsSync(path.join(repo.dir, '.git/HEAD.lock')), false);
});

test('move branch rejects an existing lock', async () => {
  const { repo, first, second } = twoCommits();
  const { layout, config } = await open(repo.dir);
  const lock = path.join(repo.dir, '.git/refs/heads/main.lock');
  writeFileSync(lock, '');

  await assert.rejects(
    moveRef(layout, config, branchMove({ oldOid: second, newOid: first })),
    (error: unknown) => error instanceof RefLockedError && error.lockFile === lock,
  );
  assert.equal(repo.git(['rev-parse', 'refs/heads/main']).trim(), second);
  assert.equal(existsSync(lock), true, "another process's lock is left alone");
  assert.equal(existsSync(path.join(repo.dir, '.git/HEAD.lock')), false);
});

test('move branch checks packed value', async () => {
  const { repo, first, second } = twoCommits();
  repo.git(['pack-refs', '--all']);
  const { layout, config } = await open(repo.dir);
  assert.equal(existsSync(path.join(repo.dir, '.git/refs/heads/main')), false);

  await moveRef(layout, config, branchMove({ oldOid: second, newOid: first }));

  assert.equal(repo.git(['rev-parse', 'refs/heads/main']).trim(), first);
  assert.equal(repo.gitResult(['fsck']).status, 0);
});

test('move branch rejects when HEAD switched', async () => {
  const { repo, first, second } = twoCommits();
  repo.git(['branch', 'other']);
  repo.git(['symbolic-ref', 'HEAD', 'refs/heads/other']);
  const { layout, config } = await open(repo.dir);

  await assert.rejects(
    moveRef(layout, config, branchMove({ oldOid: second, newOid: first })),
    (error: unknown) => error instanceof RefChangedError && error.ref === 'HEAD',
  );
  assert.equal(repo.git(['rev-parse', 'refs/heads/main']).trim(), second);
});

test('move detached HEAD logs HEAD only', async () => {
  const { repo, first, second } = twoCommits();
  repo.git(['checkout', '-q', '--detach']);
  const { layout, config } = await open(repo.dir);
  const branchLogBefore = readFileSync(path.join(repo.dir, '.git/logs/refs/heads/main'), 'utf8');

  await moveRef(layout, config, {
    ...branchMove({ oldOid: second, newOid: first }),
    ref: 'HEAD',
    throughHead: false,
  });

  assert.equal(readFileSync(path.join(repo.dir, '.git/HEAD'), 'utf8'), `${first}\n`);
  assert.equal(repo.git(['rev-parse', 'refs/heads/main']).trim(), second);
  const headLog = readFileSync(path.join(repo.dir, '.git/logs/HEAD'), 'utf8');
  assert.match(headLog.trimEnd().split('\n').at(-1) ?? '', new RegExp(`^${second} ${first} `));
  const branchLogAfter = readFileSync(path.join(repo.dir, '.git/logs/refs/heads/main'), 'utf8');
  assert.equal(branchLogAfter, branchLogBefore);
});

test('move unborn branch creates it', async () => {
  const { repo, first } = twoCommits();
  repo.git(['symbolic-ref', 'HEAD', 'refs/heads/fresh/start']);
  const { layout, config } = await open(repo.dir);

  await moveRef(layout, config, branchMove({ ref: 'refs/heads/fresh/start', newOid: first }));

  assert.equal(repo.git(['rev-parse', 'HEAD']).trim(), first);
  const log = readFileSync(path.join(repo.dir, '.git/logs/refs/heads/fresh/start'), 'utf8');
  assert.ok(log.startsWith(`${NULL_OID} ${first} `), log);
});

test('move unborn branch rejects an existing one', async () => {
  const { repo, first, second } = twoCommits();
  const { layout, config } = await open(repo.dir);

  await assert.rejects(
    moveRef(layout, config, branchMove({ oldOid: null, newOid: first })),
    (error: unknown) => error instanceof RefChangedError && error.actual === second,
  );
});

test('delete branch removes loose, packed and reflog', async () => {
  const { repo, second } = twoCommits();
  repo.git(['pack-refs', '--all', '--no-prune']);
  const { layout, config } = await open(repo.dir);

  await moveRef(layout, config, branchMove({ oldOid: second, newOid: null }));

  assert.equal(repo.gitResult(['rev-parse', '--verify', '-q', 'refs/heads/main']).status, 1);
  assert.doesNotMatch(
    readFileSync(path.join(repo.dir, '.git/packed-refs'), 'utf8'),
    /refs\/heads\/main/,
  );
  assert.equal(existsSync(path.join(repo.dir, '.git/logs/refs/heads/main')), false);
  assert.equal(repo.git(['symbolic-ref', 'HEAD']).trim(), 'refs/heads/main');
});

test('reflog not created when logAllRefUpdates is false', async () => {
  const { repo, first } = twoCommits();
  repo.git(['config', 'core.logAllRefUpdates', 'false']);
  repo.git(['symbolic-ref', 'HEAD', 'refs/heads/quiet']);
  const { layout, config } = await open(repo.dir);

  await moveRef(layout, config, branchMove({ ref: 'refs/heads/quiet', newOid: first }));

  assert.equal(existsSync(path.join(repo.dir, '.git/logs/refs/heads/quiet')), false);
  const headLog = readFileSync(path.join(repo.dir, '.git/logs/HEAD'), 'utf8');
  const lastLine = headLog.trimEnd().split('\n').at(-1) ?? '';
  assert.match(
    lastLine,
    /\tcommit \(footprint\): feat: x$/,
    'an existing reflog still gets the line',
  );
});

test('reflog message whitespace collapses', async () => {
  const { repo, first, second } = twoCommits();
  const { layout, config } = await open(repo.dir);

  await moveRef(
    layout,
    config,
    branchMove({ oldOid: second, newOid: first, message: 'a\n\tb  c ' }),
  );

  assert.equal(repo.git(['reflog', '-1', '--format=%gs', 'refs/heads/main']).trim(), 'a b c');
});
