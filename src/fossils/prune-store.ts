import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/types.js';
import { FOSSIL_EXTENSION, type FossilName } from './fossil-name.js';
import { selectExpired, sortForRetention } from './prune.js';
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
  /**
   * Fossils older than `olderThan` that stay because their kind keeps its newest regardless
   * of age (the newest model), and `keep` does not remove them.
   */
  keptRegardlessOfAge: FossilName[];
}

/**
 * Prunes the store (`footprint fossils prune`). A fossil goes when it is beyond the newest
 * `keep` of its kind or older than `olderThan`, except that `olderThan` never removes the
 * newest model. With neither, the configuration's retention applies, as it does after every
 * write. Fossils are chosen by their file names, so a corrupt
 * fossil is pruned like any other.
 */
export async function pruneStore(
  dir: string,
  request: PruneRequest,
  config: Config,
  now: Date,
): Promise<PruneReport> {
  const names = await readFossilNames(dir, { regularOnly: true });
  const removed: FossilName[] = [];
  const keptRegardlessOfAge: FossilName[] = [];
  for (const [kind, list] of groupByKind(names)) {
    if (request.kind !== undefined && kind !== request.kind) continue;
    const selection = selectRemoved(kind, sortForRetention(list, now), request, config, now);
    removed.push(...selection.removed);
    keptRegardlessOfAge.push(...selection.keptRegardlessOfAge);
  }
  removed.sort((a, b) => (a.id < b.id ? 1 : -1));

  if (!request.dryRun) {
    // `force`: a hook's retention may remove the same file at the same moment.
    await Promise.all(
      removed.map((name) => rm(path.join(dir, `${name.id}${FOSSIL_EXTENSION}`), { force: true })),
    );
  }
  return { removed, kept: names.length - removed.length, keptRegardlessOfAge };
}

/**
 * Chooses the fossils of one kind to remove. `olderThan` and `keep` spare the newest ones that
 * the kind's retention keeps whatever their age (the newest model), as retention after a write
 * does, unless the request names that kind: `--keep 0 --type model` removes the model.
 */
function selectRemoved(
  kind: string,
  newestFirst: readonly FossilName[],
  request: PruneRequest,
  config: Config,
  now: Date,
): { removed: FossilName[]; keptRegardlessOfAge: FossilName[] } {
  const { keep, olderThan } = request;
  const policy = retentionPolicyFor(kind, config.fossils);
  if (keep === undefined && olderThan === undefined) {
    return { removed: selectExpired(newestFirst, policy, now), keptRegardlessOfAge: [] };
  }

  const ageless = policy.keepRegardlessOfAge ?? 0;
  const spared = request.kind === kind ? 0 : ageless;
  const beyondKeep = (index: number): boolean =>
    keep !== undefined && index >= keep && index >= spared;
  const tooOld = (name: FossilName): boolean =>
    olderThan !== undefined && name.createdAt.getTime() < olderThan.getTime();
  const sparedByKeep = (index: number): boolean =>
    keep !== undefined && index >= keep && index < spared;
  return {
    removed: newestFirst.filter(
      (name, index) => beyondKeep(index) || (index >= ageless && tooOld(name)),
    ),
    keptRegardlessOfAge: newestFirst.filter(
      (name, index) =>
        (index < ageless && tooOld(name) && !beyondKeep(index)) || sparedByKeep(index),
    ),
  };
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
