import { chmodSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { UserError } from '../errors.js';
import type { GitConfig } from './config.js';

/**
 * Permission bits that `core.sharedRepository` gives the files and folders git creates in the
 * git directory: `bits` are added to what the umask leaves, or replace it when `exact`.
 */
export interface SharedPermissions {
  bits: number;
  exact: boolean;
}

const GROUP: SharedPermissions = { bits: 0o660, exact: false };
const EVERYBODY: SharedPermissions = { bits: 0o664, exact: false };
const FALSE_WORDS = new Set(['false', 'no', 'off', '']);
const TRUE_WORDS = new Set(['true', 'yes', 'on']);

/**
 * Reads `core.sharedRepository` as git 2.39.5 does. Returns null when files keep the umask's
 * permissions: unset, `umask`, false or 0. Like git, it rejects other words and an octal mode
 * without owner read and write.
 */
export function readSharedPermissions(config: GitConfig): SharedPermissions | null {
  const value = config.get('core.sharedRepository');
  if (value === undefined) return null;
  if (value === null || value === 'group') return GROUP;
  if (value === 'umask') return null;
  if (value === 'all' || value === 'world' || value === 'everybody') return EVERYBODY;
  if (/^[0-7]+$/.test(value)) return readOctal(value);

  const word = value.toLowerCase();
  if (TRUE_WORDS.has(word)) return GROUP;
  if (FALSE_WORDS.has(word)) return null;
  throw new UserError(
    `Invalid value "${value}" for core.sharedRepository: expected umask, group, all, true, ` +
      'false or an octal mode such as 0660. Fix it with `git config core.sharedRepository group`.',
  );
}

function readOctal(value: string): SharedPermissions | null {
  const mode = Number.parseInt(value, 8);
  // git reads 0, 1 and 2 as umask, group and everybody, not as modes.
  if (mode === 0) return null;
  if (mode === 1) return GROUP;
  if (mode === 2) return EVERYBODY;
  if ((mode & 0o600) !== 0o600) {
    throw new UserError(
      `Invalid value "${value}" for core.sharedRepository: the owner of files must always ` +
        'have read and write permission. Fix it with `git config core.sharedRepository 0660`.',
    );
  }
  return { bits: mode & 0o666, exact: true };
}

/**
 * Changes the permissions of a file or folder that footprint created in the git directory to
 * those git 2.39.5 gives it. A file gets the shared bits, without write bits when it is
 * read-only. A folder or an executable also gets execute bits wherever it has read bits, and
 * a folder gets the set-group-id bit. Does nothing when `shared` is null.
 */
export function applySharedPermissions(file: string, shared: SharedPermissions | null): void {
  if (shared === null) return;

  const stats = statSync(file);
  const mode = stats.mode & 0o7777;
  let bits = shared.bits;
  if ((mode & 0o200) === 0) bits &= ~0o222;
  if ((mode & 0o100) !== 0) bits |= (bits & 0o444) >> 2;
  let next = shared.exact ? (mode & ~0o777) | bits : mode | bits;
  if (stats.isDirectory()) next |= ((next & 0o444) >> 2) | 0o2000;
  if (next !== mode) chmodSync(file, next);
}

/** Creates `dir` and its missing parents, each with the shared permissions as git sets them. */
export function makeSharedDirectory(dir: string, shared: SharedPermissions | null): void {
  const first = mkdirSync(dir, { recursive: true });
  if (first === undefined || shared === null) return;

  const created = [dir];
  for (let folder = dir; folder !== first; folder = path.dirname(folder)) {
    created.unshift(path.dirname(folder));
  }
  for (const folder of created) applySharedPermissions(folder, shared);
}
