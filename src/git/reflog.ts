import { appendFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { GitConfig } from './config.js';
import {
  applySharedPermissions,
  makeSharedDirectory,
  readSharedPermissions,
} from './shared-permissions.js';
import type { RepositoryLayout } from './types.js';

/** The id a reflog records for a ref that did not exist or no longer exists. */
export const NULL_OID = '0000000000000000000000000000000000000000';

/** Refs whose reflog `core.logAllRefUpdates=true` creates, besides HEAD. */
const LOGGED_PREFIXES = ['refs/heads/', 'refs/remotes/', 'refs/notes/'];

/** One reflog line's content: the move, who made it and why. */
export interface ReflogEntry {
  oldOid: string | null;
  newOid: string | null;
  /** Committer identity with its time: `Name <email> 1700000000 +0100`. */
  identity: string;
  message: string;
}

/** Returns the reflog file of a ref: `logs/HEAD` in the worktree's git directory, else shared. */
export function reflogPath(layout: RepositoryLayout, ref: string): string {
  const dir = ref === 'HEAD' ? layout.gitDir : layout.commonDir;
  return path.join(dir, 'logs', ref);
}

/**
 * Formats a reflog line as git writes it: `<old> <new> <identity>\t<message>\n`. Whitespace
 * runs in the message, newlines included, become one space, as git collapses them.
 */
export function formatReflogLine(entry: ReflogEntry): string {
  const message = entry.message.replace(/\s+/g, ' ').trim();
  return `${entry.oldOid ?? NULL_OID} ${entry.newOid ?? NULL_OID} ${entry.identity}\t${message}\n`;
}

/**
 * Appends a line to a ref's reflog when git would: always when the reflog exists, and
 * otherwise when `core.logAllRefUpdates` requires one. Unset, that setting is true in a
 * repository with a worktree and false in a bare one. `true` logs HEAD and branch,
 * remote-tracking and notes refs, and `always` logs every ref.
 */
export function appendReflog(
  layout: RepositoryLayout,
  config: GitConfig,
  ref: string,
  entry: ReflogEntry,
): void {
  const file = reflogPath(layout, ref);
  const exists = existsSync(file);
  if (!exists && !shouldCreateReflog(layout, config, ref)) return;

  const shared = readSharedPermissions(config);
  makeSharedDirectory(path.dirname(file), shared);
  appendFileSync(file, formatReflogLine(entry));
  if (!exists) applySharedPermissions(file, shared);
}

function shouldCreateReflog(layout: RepositoryLayout, config: GitConfig, ref: string): boolean {
  const value = config.get('core.logAllRefUpdates');
  if (typeof value === 'string' && value.toLowerCase() === 'always') return true;

  const enabled = config.getBool('core.logAllRefUpdates') ?? layout.worktree !== null;
  if (!enabled) return false;
  return ref === 'HEAD' || LOGGED_PREFIXES.some((prefix) => ref.startsWith(prefix));
}

/** One line of a reflog: the ref's value before and after the move, and when it moved. */
export interface ReflogLine {
  oldOid: string;
  newOid: string;
  /** Time of the move in seconds since the epoch, or null when the line has none. */
  seconds: number | null;
}

/**
 * Reads the lines of the ref's reflog, oldest first, or returns null when the ref has no
 * reflog (`core.logAllRefUpdates` off, or the reflog was deleted).
 */
export async function readReflogLines(
  layout: RepositoryLayout,
  ref: string,
): Promise<ReflogLine[] | null> {
  let text: string;
  try {
    text = await readFile(reflogPath(layout, ref), 'latin1');
  } catch {
    return null;
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [oldOid = '', newOid = ''] = line.split(' ', 2);
      return { oldOid, newOid, seconds: lineSeconds(line) };
    });
}

/** Returns the time of a reflog line: the number before the time zone, before the tab. */
function lineSeconds(line: string): number | null {
  const identity = line.split('\t', 1)[0] ?? '';
  const match = / (\d+) [+-]\d{4}$/.exec(identity);
  return match === null ? null : Number(match[1]);
}

/**
 * Returns true when a line of the ref's reflog moved it to `oid`, false when none did, and null
 * when the ref has no reflog (`core.logAllRefUpdates` off, or the reflog was deleted).
 */
export async function reflogRecordsValue(
  layout: RepositoryLayout,
  ref: string,
  oid: string,
): Promise<boolean | null> {
  const lines = await readReflogLines(layout, ref);
  return lines === null ? null : lines.some((line) => line.newOid === oid);
}
