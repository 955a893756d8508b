import { readdirSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareNewestFirst, parseFossilName, type FossilName } from './fossil-name.js';
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

/** Returns the fossils of `kind` to remove, newest kept first, by the names alone. */
export function selectExpired(
  names: readonly FossilName[],
  policy: RetentionPolicy,
  now: Date,
): FossilName[] {
  const oldestKept = now.getTime() - policy.maxAgeDays * DAY_MS;
  const newestFirst = [...names].sort(compareNewestFirst);
  const ageless = policy.keepRegardlessOfAge ?? 0;
  return newestFirst.filter(
    (name, index) =>
      index >= policy.keep || (index >= ageless && name.createdAt.getTime() < oldestKept),
  );
}

async function removeStaleTemporaryFiles(dir: string, entries: string[], now: Date): Promise<void> {
  const temporaries = entries.filter(
    (entry) => entry.startsWith(TEMPORARY_PREFIX) && entry.endsWith(TEMPORARY_SUFFIX),
  );
  for (const entry of temporaries) {
    const file = path.join(dir, entry);
    const stats = await stat(file).catch(() => null);
    if (stats !== null && now.getTime() - stats.mtimeMs > STALE_TEMPORARY_MS) {
      await rm(file, { force: true });
    }
  }
}

/**
 * Applies the retention policy to the fossils of one kind in `dir` and removes temporary
 * files left by killed writers. Returns the ids removed. Other kinds are left alone, so
 * frequent analysis fossils never push out a rare model fossil.
 */
export async function pruneFossils(
  dir: string,
  kind: string,
  policy: RetentionPolicy,
  now: Date,
): Promise<string[]> {
  // Synchronous: it runs after every hook's fossil is written, and the listing is one call.
  const entries = readdirSync(dir);
  const names = entries
    .map((entry) => parseFossilName(entry))
    .filter((name): name is FossilName => name !== null && name.kind === kind);

  const expired = selectExpired(names, policy, now);
  // `force` because another writer may prune the same file at the same moment.
  await Promise.all(expired.map((name) => rm(path.join(dir, `${name.id}.json`), { force: true })));
  await removeStaleTemporaryFiles(dir, entries, now);
  return expired.map((name) => name.id);
}
