import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { git } from './git-command.js';

/** The state a read-only command must leave unchanged: the index, HEAD and every ref. */
export interface RepoSnapshot {
  /** SHA-1 of the index file's bytes, or `missing` before the first `git add`. */
  index: string;
  head: string;
  /** Every ref with its object id, the stash included, as `git for-each-ref` lists them. */
  refs: string;
}

/** Takes a snapshot of the index, HEAD and refs of the repository at `dir`. */
export function takeSnapshot(dir: string): RepoSnapshot {
  const gitDir = path.resolve(dir, git(dir, ['rev-parse', '--git-dir']).trim());
  return {
    index: hashIndex(path.join(gitDir, 'index')),
    head: readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim(),
    refs: git(dir, ['for-each-ref', '--format=%(objectname) %(refname)']),
  };
}

/** Returns the parts that differ between two snapshots: `index`, `HEAD` and `refs`. */
export function compareSnapshots(before: RepoSnapshot, after: RepoSnapshot): string[] {
  const changed: string[] = [];
  if (before.index !== after.index) changed.push('index');
  if (before.head !== after.head) changed.push('HEAD');
  if (before.refs !== after.refs) changed.push('refs');
  return changed;
}

function hashIndex(indexFile: string): string {
  if (!existsSync(indexFile)) return 'missing';
  return createHash('sha1').update(readFileSync(indexFile)).digest('hex');
}
