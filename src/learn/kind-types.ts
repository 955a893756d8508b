import { kindOfPaths, OTHER_KIND } from './commit-kind.js';

/** Commits of one kind a model needs before it names the type the repository uses for them. */
export const MIN_KIND_COMMITS = 5;

/** Share of a kind's commits one type needs to be the habit: a split history keeps the guess. */
const KIND_TYPE_SHARE = 0.6;

/** Kinds of files whose commits a model counts by type: see kindOfPaths. */
export const FILE_KINDS = ['build', 'ci', 'docs', 'test'] as const;

/**
 * Returns the Conventional Commits type that most of the repository's newest commits of only
 * this kind of files used, such as `chore` for dependency updates where another repository
 * writes `build`. `kindTypes` holds [kind, type, time] of those commits. Returns null for fewer
 * than MIN_KIND_COMMITS such commits, or when no type has KIND_TYPE_SHARE of them.
 */
export function chooseKindType(
  kind: string,
  kindTypes: ReadonlyArray<[string, string, number]>,
): string | null {
  const counts = new Map<string, number>();
  for (const [entryKind, type] of kindTypes) {
    if (entryKind === kind) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (total < MIN_KIND_COMMITS) return null;

  let best: [string, number] | null = null;
  for (const entry of [...counts].sort()) if (best === null || entry[1] > best[1]) best = entry;
  return best !== null && best[1] >= KIND_TYPE_SHARE * total ? best[0] : null;
}

/** Returns the repository's type for a change of these paths (see chooseKindType), or null. */
export function chooseTypeForPaths(
  paths: readonly string[],
  kindTypes: ReadonlyArray<[string, string, number]>,
): string | null {
  const kind = kindOfPaths(paths);
  return kind === OTHER_KIND ? null : chooseKindType(kind, kindTypes);
}
