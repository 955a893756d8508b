import { createHash } from 'node:crypto';

import { hexText } from '../buffer-text.js';
import { canonicalMode, type TreeEntry } from '../objects/tree.js';
import { ObjectFormatError } from '../objects/types.js';
import { decodeGitPath } from '../path-bytes.js';

/** Object id format of a repository (`extensions.objectFormat`). */
export type ObjectFormat = 'sha1' | 'sha256';

/** Ids of the tree with no entries, which git accepts without storing it. */
export const EMPTY_TREE_OIDS: Readonly<Record<ObjectFormat, string>> = {
  sha1: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  sha256: '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321',
};

const HASH_LENGTHS: Readonly<Record<ObjectFormat, number>> = { sha1: 20, sha256: 32 };

/** Returns true when `text` is a full object id of `format`: lowercase hex of the hash's length. */
export function isObjectId(format: ObjectFormat, text: string): boolean {
  return text.length === HASH_LENGTHS[format] * 2 && /^[0-9a-f]+$/.test(text);
}

/** Returns the id git gives `content` stored as a tree object in `format`. */
export function hashTreeObject(format: ObjectFormat, content: Buffer): string {
  return createHash(format)
    .update(`tree ${content.length}\0`, 'latin1')
    .update(content)
    .digest('hex');
}

/**
 * Parses tree content whose ids are `format`-sized; objects/tree.ts's parseTree reads SHA-1
 * trees only, and the git command line reader also serves SHA-256 repositories.
 */
export function parseTreeObject(format: ObjectFormat, content: Buffer): TreeEntry[] {
  const hashLength = HASH_LENGTHS[format];
  const entries: TreeEntry[] = [];
  let position = 0;
  while (position < content.length) {
    const space = content.indexOf(0x20, position);
    const nul = space < 0 ? -1 : content.indexOf(0, space + 1);
    if (nul < 0 || nul + 1 + hashLength > content.length) {
      throw new ObjectFormatError(`A tree object is truncated at byte ${position}.`);
    }

    const mode = canonicalMode(parseInt(content.toString('latin1', position, space), 8));
    const name = decodeGitPath(content, space + 1, nul);
    const oid = hexText(content, nul + 1, nul + 1 + hashLength);
    entries.push({ name, mode, oid });
    position = nul + 1 + hashLength;
  }
  return entries;
}

/** Returns the tree id from a commit object's first header line. */
export function readCommitTreeId(content: Buffer): string {
  const match = /^tree ([0-9a-f]{40}|[0-9a-f]{64})\n/.exec(content.toString('latin1', 0, 80));
  if (!match) throw new ObjectFormatError('A commit object has no valid tree header.');
  return match[1] as string;
}
