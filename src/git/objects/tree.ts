import { hash } from 'node:crypto';

import { hexText } from '../buffer-text.js';
import { decodeGitPath, encodeGitPath } from '../path-bytes.js';
import type { FileMode } from '../types.js';
import { ObjectFormatError, type ObjectType } from './types.js';

/** Id of the tree with no entries, the tree an unborn branch is compared against. */
export const EMPTY_TREE_OID = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** Id of the empty blob, which `git add -N` records for intent-to-add entries. */
export const EMPTY_BLOB_OID = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';

const HASH_LENGTH = 20;
const SLASH = Buffer.from('/');

export interface TreeEntry {
  /** File or directory name (one path component). */
  name: string;
  /** Canonical mode, `040000` for a subtree, as git's diff compares modes. */
  mode: FileMode;
  oid: string;
}

/** A character that is not ASCII, so a name read as Latin-1 must be decoded as UTF-8 instead. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Parses a tree object: entries of `<octal mode> <name>\0<20-byte id>`, in stored order. The
 * entries are found in a Latin-1 copy of the content with string built-ins, because those stay
 * fast before the JIT has compiled this code. A name that is not ASCII is decoded as UTF-8,
 * with any byte that is not valid UTF-8 escaped as path-bytes.ts describes.
 */
export function parseTree(content: Buffer): TreeEntry[] {
  const text = content.toString('latin1');
  const entries: TreeEntry[] = [];
  let position = 0;
  while (position < text.length) {
    const space = text.indexOf(' ', position);
    const nul = space < 0 ? -1 : text.indexOf('\0', space + 1);
    if (nul < 0 || nul + 1 + HASH_LENGTH > text.length) {
      throw new ObjectFormatError(`A tree object is truncated at byte ${position}.`);
    }

    const mode = canonicalMode(parseInt(text.slice(position, space), 8));
    const latin1Name = text.slice(space + 1, nul);
    const name = NON_ASCII.test(latin1Name) ? decodeGitPath(content, space + 1, nul) : latin1Name;
    const oid = hexText(content, nul + 1, nul + 1 + HASH_LENGTH);
    entries.push({ name, mode, oid });
    position = nul + 1 + HASH_LENGTH;
  }
  return entries;
}

/** Parses the one entry of a tree's content that starts at byte `start`. */
export function parseTreeEntryAt(content: Buffer, start: number): TreeEntry {
  const nul = content.indexOf(0, start);
  const end = nul < 0 ? content.length : Math.min(nul + 1 + HASH_LENGTH, content.length);
  const [entry] = parseTree(content.subarray(start, end));
  if (entry === undefined)
    throw new ObjectFormatError(`A tree object has no entry at byte ${start}.`);
  return entry;
}

/**
 * Reduces a mode to the five git records, as git does when it reads old trees: any regular
 * file is 100644 unless its owner may execute it.
 */
export function canonicalMode(mode: number): FileMode {
  const type = mode & 0o170000;
  if (type === 0o040000) return '040000';
  if (type === 0o120000) return '120000';
  if (type === 0o160000) return '160000';
  return mode & 0o100 ? '100755' : '100644';
}

/**
 * Serializes entries into tree content, sorted in git's tree order: by name bytes, where a
 * subtree's name compares as if it ended with `/`.
 */
export function serializeTree(entries: readonly TreeEntry[]): Buffer {
  const encoded = entries.map((entry) => {
    const name = encodeGitPath(entry.name);
    const sortKey = entry.mode === '040000' ? Buffer.concat([name, SLASH]) : name;
    return { entry, name, sortKey };
  });
  encoded.sort((left, right) => Buffer.compare(left.sortKey, right.sortKey));

  const parts: Buffer[] = [];
  for (const { entry, name } of encoded) {
    // Trees store a subtree's mode without the leading zero.
    const mode = entry.mode === '040000' ? '40000' : entry.mode;
    parts.push(Buffer.from(`${mode} `, 'latin1'), name, Buffer.from([0]));
    parts.push(Buffer.from(entry.oid, 'hex'));
  }
  return Buffer.concat(parts);
}

/** Returns the SHA-1 id git gives `content` stored as an object of `type`. */
export function hashObject(type: ObjectType, content: Buffer): string {
  // One buffer and one call of crypto.hash cost less than a Hash object with two updates.
  const header = `${type} ${content.length}\0`;
  const object = Buffer.allocUnsafe(header.length + content.length);
  object.write(header, 0, 'latin1');
  content.copy(object, header.length);
  return hash('sha1', object, 'hex');
}

export interface Commit {
  tree: string;
  parents: string[];
  /** Raw `author` header value: name, email, timestamp and time zone. */
  author: string;
  committer: string;
  message: string;
}

/** Parses a commit object's headers (continuation lines of `gpgsig` and `mergetag` skipped) and message. */
export function parseCommit(content: Buffer): Commit {
  const text = content.toString('utf8');
  const headerEnd = text.indexOf('\n\n');
  const headers = (headerEnd < 0 ? text : text.slice(0, headerEnd)).split('\n');
  const commit: Commit = { tree: '', parents: [], author: '', committer: '', message: '' };
  for (const line of headers) {
    if (line.startsWith(' ')) continue;

    const space = line.indexOf(' ');
    const name = line.slice(0, space);
    const value = line.slice(space + 1);
    if (name === 'tree') commit.tree = value;
    else if (name === 'parent') commit.parents.push(value);
    else if (name === 'author') commit.author = value;
    else if (name === 'committer') commit.committer = value;
  }
  if (!/^[0-9a-f]{40}$/.test(commit.tree)) {
    throw new ObjectFormatError('A commit object has no valid tree header.');
  }
  commit.message = headerEnd < 0 ? '' : text.slice(headerEnd + 2);
  return commit;
}
