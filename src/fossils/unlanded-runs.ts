import { readReflogValues, type ReflogValues } from '../git/reflog.js';
import type { RepositoryLayout } from '../git/types.js';
import { isFossilOfKind, type StoredFossil } from './types.js';

/**
 * Returns the ids of the commit runs in `fossils` whose ref never pointed at the run's last
 * commit. A run writes its fossil before it moves the ref, so a run killed in between leaves a
 * fossil of commits that never landed. Each ref's reflog is read once and nothing is written.
 *
 * A run counts as landed when the reflog of its ref records its last commit. It also counts
 * as landed when the reflog cannot decide: the ref has no reflog, or the run is older than the
 * reflog's oldest line, which `git reflog expire` may have removed.
 */
export async function readUnlandedRunIds(
  layout: RepositoryLayout,
  fossils: readonly StoredFossil[],
): Promise<Set<string>> {
  const reflogs = new Map<string, Promise<ReflogValues | null>>();
  const unlanded = new Set<string>();
  for (const { id, fossil } of fossils) {
    if (!isFossilOfKind(fossil, 'commit-run')) continue;

    const { ref, finalHead } = fossil.payload;
    const reflog = reflogs.get(ref) ?? readReflogValues(layout, ref);
    reflogs.set(ref, reflog);
    const values = await reflog;
    if (values === null || values.values.has(finalHead)) continue;
    if (values.oldestSeconds === null) continue;
    // Reflog times are whole seconds, so a run in the second of the oldest line counts as
    // covered by the reflog.
    if (Math.floor(Date.parse(fossil.createdAt) / 1000) < values.oldestSeconds) continue;
    unlanded.add(id);
  }
  return unlanded;
}
