import { kindOfPaths, OTHER_KIND } from './commit-kind.js';

/** Commits of one kind a model needs before it names the type the repository uses for them. */
export const MIN_KIND_COMMITS = 5;

/** Share of a kind's commits one type needs to be the habit: a split history keeps the guess. */
const KIND_TYPE_SHARE = 0.6;

/** Kinds of files whose commits a model counts by type: see kindOfPaths. */
export const FILE_KINDS = ['build', 'ci', 'docs', 'test'] as const;

/**
 * Returns the Conventional Commits type that most of the repository's commits of only this
 * kind of files used, such as `chore` for dependency updates where another repository writes
 * `build`. Returns null for fewer than MIN_KIND_COMMITS such commits, or when no type has
 * KIND_TYPE_SHARE of them.
 */
export function chooseKindType(
  kind: string,
  kindTypes: ReadonlyArray<[string, string, number]>,
): string | null {
  let total = 0;
  let best: [string, number] | null = null;
  for (const [entryKind, type, commits] of kindTypes) {
    if (entryKind !== kind) continue;
    total += commits;
    if (best === null || commits > best[1]) best = [type, commits];
  }
  if (best === null || total < MIN_KIND_COMMITS) return null;
  return best[1] >= KIND_TYPE_SHARE * total ? best[0] : null;
}

/** Returns the repository's type for a change of these paths (see chooseKindType), or null. */
export function chooseTypeForPaths(
  paths: readonly string[],
  kindTypes: ReadonlyArray<[string, string, number]>,
): string | null {
  const kind = kindOfPaths(paths);
  return kind === OTHER_KIND ? null : chooseKindType(kind, kindTypes);
}
