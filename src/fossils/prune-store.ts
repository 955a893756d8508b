import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/types.js';
import { FOSSIL_EXTENSION, type FossilName } from './fossil-name.js';
import { selectExpired } from './prune.js';
import { retentionPolicyFor } from './retention.js';
import { readFossilNames } from './store.js';

export interface PruneRequest {
  /** Only fossils of this kind; every kind when absent. */
  kind?: string;
  /** Keep the newest this many of each kind. */
  keep?: number;
  /** Remove fossils written before this time. */
  olderThan?: Date;
  /** List what would be removed and remove nothing. */
  dryRun: boolean;
}

export interface PruneReport {
  /** Fossils removed, or that would be with `dryRun`, newest first. */
  removed: FossilName[];
  /** Fossils left in the store, of every kind. */
  kept: number;
}

/**
 * Prunes the store (`footprint fossils prune`). A fossil goes when it is beyond the newest
 * `keep` of its kind or older than `olderThan`. With neither, the configuration's retention
 * applies, as it does after every write. Fossils are chosen by their file names, so a corrupt
 * fossil is pruned like any other.
 */
export async function pruneStore(
  dir: string,
  request: PruneRequest,
  config: Config,
  now: Date,
): Promise<PruneReport> {
  const names = await readFossilNames(dir);
  const removed: FossilName[] = [];
  for (const [kind, list] of groupByKind(names)) {
    if (request.kind !== undefined && kind !== request.kind) continue;
    removed.push(...selectRemoved(kind, list, request, config, now));
  }
  removed.sort((a, b) => (a.id < b.id ? 1 : -1));

  if (!request.dryRun) {
    // `force`: a hook's retention may remove the same file at the same moment.
    await Promise.all(
      removed.map((name) => rm(path.join(dir, `${name.id}${FOSSIL_EXTENSION}`), { force: true })),
    );
  }
  return { removed, kept: names.length - removed.length };
}

function selectRemoved(
  kind: string,
  newestFirst: readonly FossilName[],
  request: PruneRequest,
  config: Config,
  now: Date,
): FossilName[] {
  const { keep, olderThan } = request;
  if (keep === undefined && olderThan === undefined) {
    return selectExpired(newestFirst, retentionPolicyFor(kind, config.fossils), now);
  }
  return newestFirst.filter(
    (name, index) =>
      (keep !== undefined && index >= keep) ||
      (olderThan !== undefined && name.createdAt.getTime() < olderThan.getTime()),
  );
}

/** Groups names by kind; each group keeps the newest-first order. */
function groupByKind(names: readonly FossilName[]): Map<string, FossilName[]> {
  const groups = new Map<string, FossilName[]>();
  for (const name of names) {
    const group = groups.get(name.kind);
    if (group) group.push(name);
    else groups.set(name.kind, [name]);
  }
  return groups;
}
