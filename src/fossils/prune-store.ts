import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/types.js';
import { FOSSIL_EXTENSION, type FossilName } from './fossil-name.js';
import { selectExpired, sortForRetention } from './prune.js';
import { findKeepReason } from './removal-guard.js';
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
  /** Also remove selected fossils that cannot be read as JSON (`--unreadable`). */
  unreadable?: boolean;
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
  /** Selected fossils kept because a newer footprint wrote them, newest first. */
  keptNewerVersion: FossilName[];
  /** Selected fossils kept because they cannot be read as JSON, without `unreadable`. */
  keptUnreadable: FossilName[];
}

/**
 * Prunes the store (`footprint fossils prune`). A fossil goes when it is beyond the newest
 * `keep` of its kind or older than `olderThan`, except that `olderThan` never removes the
 * newest model. With neither, the configuration's retention applies, as it does after every
 * write. Fossils are chosen by their file names, then each chosen file is read. One that a
 * newer footprint wrote stays, and so does one that is not valid JSON unless the request sets
 * `unreadable`, because either may be the record of another footprint version.
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
  const guarded = await keepGuarded(dir, removed, request.unreadable === true);

  if (!request.dryRun) {
    // `force`: a hook's retention may remove the same file at the same moment.
    await Promise.all(guarded.removed.map((name) => rm(fossilFile(dir, name), { force: true })));
  }
  return {
    removed: guarded.removed,
    kept: names.length - guarded.removed.length,
    keptRegardlessOfAge,
    keptNewerVersion: guarded.keptNewerVersion,
    keptUnreadable: guarded.keptUnreadable,
  };
}

function fossilFile(dir: string, name: FossilName): string {
  return path.join(dir, `${name.id}${FOSSIL_EXTENSION}`);
}

/**
 * Reads each selected fossil and moves those prune must keep (see findKeepReason) out of
 * `selected`. With `unreadable`, fossils that cannot be read as JSON stay selected.
 */
async function keepGuarded(
  dir: string,
  selected: readonly FossilName[],
  unreadable: boolean,
): Promise<Pick<PruneReport, 'removed' | 'keptNewerVersion' | 'keptUnreadable'>> {
  const result: Pick<PruneReport, 'removed' | 'keptNewerVersion' | 'keptUnreadable'> = {
    removed: [],
    keptNewerVersion: [],
    keptUnreadable: [],
  };
  // One file at a time, so that a store of thousands of fossils opens no more than one.
  for (const name of selected) {
    const reason = await findKeepReason(fossilFile(dir, name));
    if (reason === 'newer-version') result.keptNewerVersion.push(name);
    else if (reason === 'unreadable' && !unreadable) result.keptUnreadable.push(name);
    else result.removed.push(name);
  }
  return result;
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
