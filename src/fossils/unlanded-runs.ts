import { readReflogLines, type ReflogLine } from '../git/reflog.js';
import { resolveRef } from '../git/refs.js';
import type { RepositoryLayout } from '../git/types.js';
import { isAncestor } from '../learn/list-commits.js';
import { isFossilOfKind, type StoredFossil } from './types.js';

/** The run fields that tell where its ref had to move: the ref and the run's last commit. */
export interface RunTarget {
  ref: string;
  finalHead: string;
}

/** A ref's value and its reflog lines, or null for each when the ref or the reflog is absent. */
interface RefHistory {
  value: string | null;
  reflog: ReflogLine[] | null;
}

/** The reflog's account of a run: it moved the ref, it did not, or the reflog cannot tell. */
type ReflogVerdict = 'landed' | 'unlanded' | 'unknown';

/**
 * Returns the ids of the commit runs in `fossils` whose ref never pointed at the run's last
 * commit. A run writes its fossil before it moves the ref, so a run killed in between leaves a
 * fossil of commits that never landed. Each ref and its reflog are read once, and nothing is
 * written. See hasRunLanded for how a run is judged.
 */
export async function readUnlandedRunIds(
  layout: RepositoryLayout,
  fossils: readonly StoredFossil[],
): Promise<Set<string>> {
  const histories = new Map<string, Promise<RefHistory>>();
  const unlanded = new Set<string>();
  for (const { id, fossil } of fossils) {
    if (!isFossilOfKind(fossil, 'commit-run')) continue;

    const { ref } = fossil.payload;
    const history = histories.get(ref) ?? readRefHistory(layout, ref);
    histories.set(ref, history);
    if (!(await judgeRun(layout, fossil.payload, fossil.createdAt, await history))) {
      unlanded.add(id);
    }
  }
  return unlanded;
}

/**
 * Returns true when the run's ref pointed at the run's last commit at some time. The ref
 * decides first: it landed when the ref points at that commit or at a descendant of it. Else
 * the reflog decides. A line that moved the ref to that commit proves the move only when the
 * next line moves the ref away from it. The run appends its reflog lines before it renames the
 * lock over the ref, as git does, so a run killed in between leaves such a line.
 * A run counts as landed when the reflog cannot tell: the ref has no reflog, or the run is
 * older than the reflog's oldest line, which `git reflog expire` may have removed.
 */
export async function hasRunLanded(
  layout: RepositoryLayout,
  run: RunTarget,
  createdAt: string,
): Promise<boolean> {
  return judgeRun(layout, run, createdAt, await readRefHistory(layout, run.ref));
}

async function judgeRun(
  layout: RepositoryLayout,
  run: RunTarget,
  createdAt: string,
  history: RefHistory,
): Promise<boolean> {
  if (history.value === run.finalHead) return true;

  const verdict = judgeReflog(history.reflog, run.finalHead, createdAt);
  if (verdict !== 'unlanded') return true;
  // A ref that moved on from the run's last commit without a reflog line still contains it.
  return history.value !== null && (await isAncestor(layout, run.finalHead, history.value));
}

function judgeReflog(
  lines: readonly ReflogLine[] | null,
  finalHead: string,
  createdAt: string,
): ReflogVerdict {
  if (lines === null) return 'unknown';

  let named = false;
  for (const [index, line] of lines.entries()) {
    if (line.newOid !== finalHead) continue;
    named = true;
    if (lines[index + 1]?.oldOid === finalHead) return 'landed';
  }
  if (named) return 'unlanded';

  const oldest = lines[0]?.seconds ?? null;
  if (oldest === null) return 'unknown';
  // Reflog times are whole seconds, so a run in the second of the oldest line counts as
  // covered by the reflog.
  if (Math.floor(Date.parse(createdAt) / 1000) < oldest) return 'unknown';
  return 'unlanded';
}

async function readRefHistory(layout: RepositoryLayout, ref: string): Promise<RefHistory> {
  const [resolved, reflog] = await Promise.all([
    resolveRef(layout, ref),
    readReflogLines(layout, ref),
  ]);
  return { value: resolved?.oid ?? null, reflog };
}
