import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

import { createDebug } from '../log/debug.js';
import type { GitConfig } from './config.js';
import { appendReflog, reflogPath } from './reflog.js';
import { resolveRef } from './refs.js';
import {
  applySharedPermissions,
  makeSharedDirectory,
  readSharedPermissions,
  type SharedPermissions,
} from './shared-permissions.js';
import type { RepositoryLayout } from './types.js';
import { toGitWriteError } from './write-error.js';

const debug = createDebug('git');

const LOCK_SUFFIX = '.lock';
const BRANCH_PREFIX = 'refs/heads/';

/** One ref move, checked against the value the caller read earlier. */
export interface RefMove {
  /** The ref that moves: a branch (`refs/heads/main`), or `HEAD` when HEAD is detached. */
  ref: string;
  /** Value the ref must still have; null when it must not exist yet (an unborn branch). */
  oldOid: string | null;
  /** New value, or null to delete the ref. */
  newOid: string | null;
  /** True when HEAD is a symbolic ref to `ref`: HEAD is locked too and its reflog gets the line. */
  throughHead: boolean;
  /** Committer identity with its time, for the reflog: `Name <email> 1700000000 +0100`. */
  identity: string;
  /** Reflog message, such as `commit (footprint): feat: add tokens`. */
  message: string;
}

/**
 * Points in a move where a test may stop the process: the lock holds the new value, the
 * reflogs record the move but the ref has not moved, or the ref moved.
 */
export type RefMoveStep = 'locked' | 'logged' | 'renamed';

/** A lock file exists, so another git process is updating the ref, or one was killed while it did. */
export class RefLockedError extends Error {
  override readonly name = 'RefLockedError';

  constructor(
    readonly lockFile: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${lockFile} exists.`, options);
  }
}

/** The ref no longer has the value the caller read, so someone else moved it. */
export class RefChangedError extends Error {
  override readonly name = 'RefChangedError';

  constructor(
    readonly ref: string,
    readonly expected: string | null,
    /** The value found: an object id, `ref: <name>` for a symbolic ref, or null when absent. */
    readonly actual: string | null,
  ) {
    super(`${ref} is ${actual ?? 'absent'}, expected ${expected ?? 'absent'}.`);
  }
}

/** A lock file this process created and still holds. */
interface HeldLock {
  target: string;
  lockFile: string;
  fd: number | null;
}

/**
 * Moves one ref with git's lock-file protocol: create `<ref>.lock` exclusively, check that the
 * ref still has `oldOid`, write the new value and fsync it, append the reflog lines, then rename
 * the lock over the ref. With `throughHead`, `HEAD.lock` is held first, as `git commit` does, so
 * no checkout can switch branches meanwhile, and HEAD must still point at `ref`. Killed at any
 * moment, the ref has its old or its new value; a lock file may be left behind. `onStep` lets
 * tests stop the process at the steps named by RefMoveStep. A lock, ref or reflog file that the
 * file system rejects before the ref moves throws GitWriteError.
 */
export async function moveRef(
  layout: RepositoryLayout,
  config: GitConfig,
  move: RefMove,
  onStep: (step: RefMoveStep) => void = () => {},
): Promise<void> {
  checkMovableRef(move.ref);
  const shared = readSharedPermissions(config);
  const held: HeldLock[] = [];
  const progress = { moved: false };
  try {
    if (move.throughHead) {
      held.push(createLock(refFile(layout, 'HEAD'), shared));
      await checkHeadPointsAt(layout, move.ref);
    }
    const lock = createLock(refFile(layout, move.ref), shared);
    held.push(lock);
    await checkOldValue(layout, move);

    if (move.newOid === null) {
      deleteRef(layout, move, lock, { shared, progress, onStep });
    } else {
      writeLock(lock, `${move.newOid}\n`);
      onStep('locked');
      appendReflogs(layout, config, move);
      onStep('logged');
      commitLock(lock);
      progress.moved = true;
      onStep('renamed');
    }
    debug(`moved ${move.ref} from ${move.oldOid ?? 'nothing'} to ${move.newOid ?? 'nothing'}`);
  } catch (error) {
    const writeError = progress.moved ? null : toGitWriteError(error, refFile(layout, move.ref));
    throw writeError ?? error;
  } finally {
    for (const lock of held.reverse()) releaseLock(lock);
  }
}

/** Only HEAD and branches: other refs may be per-worktree or symbolic, which this does not handle. */
function checkMovableRef(ref: string): void {
  if (ref === 'HEAD' || ref.startsWith(BRANCH_PREFIX)) return;
  throw new Error(`Moving ${ref} is not supported: only HEAD and refs/heads/ branches move.`);
}

/** Returns the file of HEAD (in the worktree's git directory) or of a branch (shared). */
function refFile(layout: RepositoryLayout, ref: string): string {
  return path.join(ref === 'HEAD' ? layout.gitDir : layout.commonDir, ref);
}

/** Creates `target`'s lock file exclusively, with the permissions git gives a new file. */
function createLock(target: string, shared: SharedPermissions | null): HeldLock {
  const lockFile = `${target}${LOCK_SUFFIX}`;
  makeSharedDirectory(path.dirname(lockFile), shared);
  let fd: number;
  try {
    fd = openSync(lockFile, 'wx', 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new RefLockedError(lockFile, { cause: error });
    }
    throw error;
  }
  const lock = { target, lockFile, fd };
  try {
    applySharedPermissions(lockFile, shared);
  } catch (error) {
    releaseLock(lock);
    throw error;
  }
  return lock;
}

/**
 * Throws RefChangedError unless HEAD points at `ref`, directly or through branches that are
 * symbolic refs themselves (HEAD to `refs/heads/alias` to `refs/heads/main`).
 */
async function checkHeadPointsAt(layout: RepositoryLayout, ref: string): Promise<void> {
  const content = readFileSync(refFile(layout, 'HEAD'), 'utf8');
  const target = /^ref:\s*(\S+)\s*$/.exec(content)?.[1];
  const final = target === undefined ? undefined : (await resolveRef(layout, target))?.name;
  if (target !== ref && final !== ref) {
    const actual = target === undefined ? content.trim() : `ref: ${target}`;
    throw new RefChangedError('HEAD', `ref: ${ref}`, actual);
  }
}

/** Reads the ref under its lock, from its loose file or `packed-refs`, and compares it. */
async function checkOldValue(layout: RepositoryLayout, move: RefMove): Promise<void> {
  const resolved = await resolveRef(layout, move.ref);
  let actual: string | null = resolved?.oid ?? null;
  if (resolved !== null && resolved.name !== move.ref) actual = `ref: ${resolved.name}`;
  if (actual !== move.oldOid) throw new RefChangedError(move.ref, move.oldOid, actual);
}

function writeLock(lock: HeldLock, content: string): void {
  const fd = lock.fd as number;
  writeSync(fd, content);
  fsyncSync(fd);
  closeSync(fd);
  lock.fd = null;
}

function appendReflogs(layout: RepositoryLayout, config: GitConfig, move: RefMove): void {
  const entry = {
    oldOid: move.oldOid,
    newOid: move.newOid,
    identity: move.identity,
    message: move.message,
  };
  appendReflog(layout, config, move.ref, entry);
  if (move.throughHead) appendReflog(layout, config, 'HEAD', entry);
}

/** Renames the lock over its target; the lock is then no longer held. */
function commitLock(lock: HeldLock): void {
  renameSync(lock.lockFile, lock.target);
  lock.lockFile = '';
}

/**
 * Deletes a branch as `git update-ref -d` does: its loose file, its `packed-refs` line and its
 * reflog. The lock is held throughout, so no other writer reads a half-deleted ref.
 */
function deleteRef(
  layout: RepositoryLayout,
  move: RefMove,
  lock: HeldLock,
  steps: {
    shared: SharedPermissions | null;
    /** Set once the ref is gone, so that a later failure is not reported as "nothing moved". */
    progress: { moved: boolean };
    onStep: (step: RefMoveStep) => void;
  },
): void {
  const { shared, progress, onStep } = steps;
  closeSync(lock.fd as number);
  lock.fd = null;
  onStep('locked');

  removePackedRef(layout, move.ref, shared);
  rmSync(lock.target, { force: true });
  progress.moved = true;
  rmSync(reflogPath(layout, move.ref), { force: true });
  onStep('renamed');
}

/** Rewrites `packed-refs` without `ref` (and its peeled line), under `packed-refs.lock`. */
function removePackedRef(
  layout: RepositoryLayout,
  ref: string,
  shared: SharedPermissions | null,
): void {
  const file = path.join(layout.commonDir, 'packed-refs');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }

  const lines = content.split('\n');
  const at = lines.findIndex((line) => line.endsWith(` ${ref}`) && !line.startsWith('#'));
  if (at < 0) return;

  const peeled = lines[at + 1]?.startsWith('^') === true ? 2 : 1;
  lines.splice(at, peeled);
  const lock = createLock(file, shared);
  try {
    writeLock(lock, lines.join('\n'));
    commitLock(lock);
  } finally {
    releaseLock(lock);
  }
}

/** Closes and removes a lock that was not renamed over its target. */
function releaseLock(lock: HeldLock): void {
  if (lock.fd !== null) {
    closeSync(lock.fd);
    lock.fd = null;
  }
  if (lock.lockFile !== '') {
    rmSync(lock.lockFile, { force: true });
    lock.lockFile = '';
  }
}
