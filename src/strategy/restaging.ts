import type { Config } from '../config/types.js';
import { recordedPath } from '../fossils/compare-commit.js';
import { findStrategyFossil } from '../fossils/find-strategy-fossil.js';
import { openFossilStore } from '../fossils/store.js';
import type { Footprint, Hunk } from '../footprint/types.js';
import { hunkKey } from '../footprint/hunk-key.js';
import { isNullableString, isObject, type ShapeChange } from './shape.js';

/**
 * The staged paths that a strategy was written for, each with its staged hunks, or null for a
 * path the strategy takes whole (footprint lists no hunks for added, deleted, renamed and
 * binary files). A path keeps the tokens that its strategy fossil masked.
 */
export type StagedRecord = ReadonlyMap<string, ReadonlySet<string> | null>;

/**
 * Facts of a path or hunk problem that restaging can cause: a batch `names` a path or hunk
 * that is not staged now, or one is `staged` now that no batch takes.
 */
export interface RestagingClue {
  side: 'names' | 'staged';
  path: string;
  /** The hunk involved, absent when the problem is about the whole path. */
  hunk?: Hunk;
  /** Staged hunks of the path now, for a staged path that no batch takes. */
  hunks?: readonly Hunk[];
}

/**
 * Records the staged paths and hunks that the batches of a strategy, as footprint made it,
 * take. Such a strategy takes every staged hunk, so it records the whole staged change.
 */
export function recordStaging(
  batches: ReadonlyArray<{ changes: readonly ShapeChange[] }>,
): StagedRecord {
  const record = new Map<string, Set<string> | null>();
  for (const change of batches.flatMap((batch) => batch.changes)) {
    const known = record.get(change.path);
    if (change.hunks === undefined || known === null) {
      record.set(change.path, null);
      continue;
    }
    const keys = known ?? new Set<string>();
    for (const hunk of change.hunks) keys.add(hunkKey(hunk));
    record.set(change.path, keys);
  }
  return record;
}

/** Returns true when the two hunk lists have the same hunks, by all four numbers. */
function isSameHunks(recorded: ReadonlySet<string>, hunks: readonly Hunk[]): boolean {
  return recorded.size === hunks.length && hunks.every((hunk) => recorded.has(hunkKey(hunk)));
}

/**
 * Returns true when restaging explains the problem of `clue`: the named path or hunk was staged
 * when the strategy was made and is not now, or the staged one was not staged then. A staged
 * path that no batch takes counts as restaged when it was not staged then or its hunks changed.
 * NOTE: a path recorded whole (an added or binary file) has no hunks to compare, so it counts
 * as unchanged even when restaged. That ends when strategy fossils record each path's blob id.
 */
export function isExplainedByRestaging(clue: RestagingClue, record: StagedRecord): boolean {
  const path = recordedPath(clue.path, record);
  const recorded = record.get(path);
  const hasHunk = clue.hunk !== undefined && recorded?.has(hunkKey(clue.hunk)) === true;
  if (clue.side === 'names') return clue.hunk === undefined ? record.has(path) : hasHunk;
  if (clue.hunk !== undefined) return !hasHunk;
  if (recorded === undefined) return true;
  return recorded !== null && !isSameHunks(recorded, clue.hunks ?? []);
}

/**
 * Loads the staged change that a strategy document was made for, from the strategy fossil
 * that `footprint strategy` wrote with it (see findStrategyFossil). Returns undefined when the
 * strategy was made for the current staged tree, its ids cannot be read, or no fossil matches.
 */
export async function loadStagedRecord(
  strategy: unknown,
  footprint: Footprint,
  store: { worktree: string; config: Config },
): Promise<StagedRecord | undefined> {
  if (!isObject(strategy)) return undefined;
  const { head, stagedTree } = strategy;
  if (!isNullableString(head) || !isNullableString(stagedTree)) return undefined;
  if (stagedTree === footprint.stagedTree) return undefined;

  const fossils = openFossilStore(store.worktree, store.config);
  const binding = { head: head as string | null, stagedTree: stagedTree as string | null };
  const made = await findStrategyFossil(fossils, binding);
  return made === null ? undefined : recordStaging(made.batches);
}
