import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { HeadState, RepositoryLayout } from './types.js';

/** A ref resolved to an object id, after following symbolic refs. */
export interface ResolvedRef {
  /** Full name of the ref that contains the id, after symbolic refs. */
  name: string;
  oid: string;
  /** The object a tag ref peels to, when `packed-refs` records it; null otherwise. */
  peeled: string | null;
}

/** git stops following symbolic refs after this many steps. */
const MAX_SYMREF_DEPTH = 5;
const OID_AT_START = /^([0-9a-f]{40}|[0-9a-f]{64})(?:\s|$)/;
const SYMREF = /^ref:\s*(\S+)\s*$/;
/** Refs under these prefixes belong to one worktree and live in its git directory. */
const PER_WORKTREE_PREFIXES = ['refs/worktree/', 'refs/bisect/', 'refs/rewritten/'];

/**
 * Reads HEAD of the layout's worktree: symbolic (a branch, which may be unborn: oid null) or
 * detached (an object id).
 */
export async function readHead(layout: RepositoryLayout): Promise<HeadState> {
  const content = readFileSync(path.join(layout.gitDir, 'HEAD'), 'utf8');
  const symbolic = SYMREF.exec(content);
  if (symbolic) {
    const ref = symbolic[1] as string;
    const resolved = await resolveRef(layout, ref);
    return { oid: resolved?.oid ?? null, ref, detached: false };
  }

  const oid = OID_AT_START.exec(content)?.[1];
  if (oid === undefined) {
    const file = path.join(layout.gitDir, 'HEAD');
    throw new Error(`Invalid ${file}: expected "ref: <name>" or an object id.`);
  }
  return { oid, ref: null, detached: true };
}

/**
 * Resolves a full ref name (`HEAD`, `refs/heads/main`, `MERGE_HEAD`) through loose refs, then
 * `packed-refs`. Returns null when the ref does not exist, as on an unborn branch.
 */
export async function resolveRef(
  layout: RepositoryLayout,
  name: string,
): Promise<ResolvedRef | null> {
  return resolveRefSync(layout, name, 0);
}

function resolveRefSync(layout: RepositoryLayout, name: string, depth: number): ResolvedRef | null {
  checkRefName(name);
  if (depth > MAX_SYMREF_DEPTH) {
    throw new Error(`Ref ${name} is part of a symbolic ref chain longer than ${MAX_SYMREF_DEPTH}.`);
  }

  const { dir, relativeName } = refLocation(layout, name);
  const loose = readLooseRef(path.join(dir, relativeName));
  if (loose?.target !== undefined) return resolveRefSync(layout, loose.target, depth + 1);
  if (loose?.oid !== undefined) return { name, oid: loose.oid, peeled: null };

  if (!relativeName.startsWith('refs/')) return null;
  return findPackedRef(path.join(dir, 'packed-refs'), relativeName);
}

/**
 * Per-worktree refs (pseudo-refs such as HEAD and MERGE_HEAD, `refs/worktree/`, `refs/bisect/`,
 * `refs/rewritten/`) live in the git directory; the rest are shared in the common directory.
 * `main-worktree/<ref>` and `worktrees/<id>/<ref>` name another worktree's refs.
 */
function refLocation(layout: RepositoryLayout, name: string) {
  const other = /^worktrees\/([^/]+)\/(.+)$/.exec(name);
  if (other) {
    const dir = path.join(layout.commonDir, 'worktrees', other[1] as string);
    return { dir, relativeName: other[2] as string };
  }
  if (name.startsWith('main-worktree/')) {
    return { dir: layout.commonDir, relativeName: name.slice('main-worktree/'.length) };
  }

  const perWorktree =
    !name.startsWith('refs/') || PER_WORKTREE_PREFIXES.some((prefix) => name.startsWith(prefix));
  return { dir: perWorktree ? layout.gitDir : layout.commonDir, relativeName: name };
}

function readLooseRef(file: string): { oid?: string; target?: string } | null {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A folder of the same name (`refs/heads` asked as a ref) is no ref either.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw error;
  }

  const target = SYMREF.exec(content)?.[1];
  if (target !== undefined) return { target };
  const oid = OID_AT_START.exec(content)?.[1];
  return oid === undefined ? null : { oid };
}

/**
 * Finds `<oid> <name>` in `packed-refs` by searching its bytes, without splitting the file into
 * lines. A `^<oid>` line after it is the peeled id of an annotated tag.
 */
function findPackedRef(file: string, name: string): ResolvedRef | null {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }

  const needle = Buffer.from(` ${name}\n`, 'utf8');
  for (let at = content.indexOf(needle); at >= 0; at = content.indexOf(needle, at + 1)) {
    const lineStart = content.lastIndexOf(0x0a, at) + 1;
    const oid = content.toString('latin1', lineStart, at);
    if (!/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(oid)) continue;

    const next = at + needle.length;
    const peeledMatch = /^\^([0-9a-f]{40}|[0-9a-f]{64})/.exec(
      content.toString('latin1', next, next + 66),
    );
    return { name, oid, peeled: peeledMatch?.[1] ?? null };
  }
  return null;
}

/** Rejects names that could leave the git directory or that git never creates. */
function checkRefName(name: string): void {
  const parts = name.split('/');
  const invalid =
    name === '' ||
    name.includes('\0') ||
    name.includes('\\') ||
    parts.some((part) => part === '' || part === '.' || part === '..' || part.endsWith('.lock'));
  if (invalid) throw new Error(`Invalid ref name "${name}".`);
}
