import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareNewestFirst, parseFossilName, type FossilName } from './fossil-name.js';
import { startsWithNewerVersion } from './removal-guard.js';
import { TEMPORARY_PREFIX, TEMPORARY_SUFFIX } from './write-atomic.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A temporary file this old belongs to a writer that was killed before its rename. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

export interface RetentionPolicy {
  /** Fossils of one kind kept at most. */
  keep: number;
  maxAgeDays: number;
  /** The newest this many are kept whatever their age; 0 when absent. */
  keepRegardlessOfAge?: number;
}

/**
 * A fossil named more than this far after the current time was written while the clock was
 * wrong, or renamed by hand.
 */
const FUTURE_TOLERANCE_MS = DAY_MS;

/**
 * Orders names newest first for retention, except that names dated more than a day after
 * `now` come last. Sorted by their dates, they would count as the newest until that date
 * passes and take one of the kept places in every prune until then.
 */
export function sortForRetention(names: readonly FossilName[], now: Date): FossilName[] {
  const latest = now.getTime() + FUTURE_TOLERANCE_MS;
  const dated = names.filter((name) => name.createdAt.getTime() <= latest);
  const future = names.filter((name) => name.createdAt.getTime() > latest);
  return [...dated.sort(compareNewestFirst), ...future.sort(compareNewestFirst)];
}

/** Returns the fossils of `kind` to remove, newest kept first, by the names alone. */
export function selectExpired(
  names: readonly FossilName[],
  policy: RetentionPolicy,
  now: Date,
): FossilName[] {
  const oldestKept = now.getTime() - policy.maxAgeDays * DAY_MS;
  const newestFirst = sortForRetention(names, now);
  const ageless = policy.keepRegardlessOfAge ?? 0;
  return newestFirst.filter(
    (name, index) =>
      index >= policy.keep || (index >= ageless && name.createdAt.getTime() < oldestKept),
  );
}

function removeStaleTemporaryFiles(dir: string, entries: string[], now: Date): void {
  const temporaries = entries.filter(
    (entry) => entry.startsWith(TEMPORARY_PREFIX) && entry.endsWith(TEMPORARY_SUFFIX),
  );
  for (const entry of temporaries) {
    const file = path.join(dir, entry);
    const modified = modifiedTimeMs(file);
    if (modified !== null && now.getTime() - modified > STALE_TEMPORARY_MS) {
      rmSync(file, { force: true });
    }
  }
}

/** Returns a file's modification time, or null when its writer removed or renamed it meanwhile. */
function modifiedTimeMs(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Applies the retention policy to the fossils of one kind in `dir` and removes temporary
 * files left by killed writers. Returns the ids removed. Other kinds are left alone, so
 * frequent analysis fossils never push out a rare model fossil.
 */
export function pruneFossils(
  dir: string,
  kind: string,
  policy: RetentionPolicy,
  now: Date,
): string[] {
  // Synchronous: it runs after every hook's fossil is written, and once the store is full
  // every run removes one fossil. Promise-based calls would start libuv's thread pool (four
  // threads) and wait for it about a dozen times for that one removal.
  // Only regular files: footprint writes no links, and a link named like a fossil is not one.
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const names = entries
    .map((entry) => parseFossilName(entry))
    .filter((name): name is FossilName => name !== null && name.kind === kind);

  // A newer footprint sharing the store prunes its own fossils, by rules this one may not know.
  const expired = selectExpired(names, policy, now).filter(
    (name) => !startsWithNewerVersion(path.join(dir, `${name.id}.json`)),
  );
  // `force` because another writer may prune the same file at the same moment.
  for (const name of expired) rmSync(path.join(dir, `${name.id}.json`), { force: true });
  removeStaleTemporaryFiles(dir, entries, now);
  return expired.map((name) => name.id);
}
