import { ACTIONS_KIND, kindOfPaths, OTHER_KIND } from './commit-kind.js';
import { RELEASE_KIND, type KindHeader } from './model-counts.js';

/** Commits of one kind a model needs before it names the repository's habit for them. */
export const MIN_KIND_COMMITS = 5;

/** Share of a kind's commits one choice needs to be the habit: a split history keeps the guess. */
const KIND_TYPE_SHARE = 0.6;

/**
 * Kinds whose newest headers a model keeps: releases, then kinds of files (see kindOfPaths), with
 * bumps of actions apart from other CI commits (see refineFileKind).
 */
export const HEADER_KINDS = [RELEASE_KIND, 'build', 'ci', ACTIONS_KIND, 'docs', 'test'] as const;

/** Returns the value that KIND_TYPE_SHARE of at least MIN_KIND_COMMITS values share, or null. */
function habitOf(values: readonly string[]): string | null {
  if (values.length < MIN_KIND_COMMITS) return null;
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);

  let best: [string, number] | null = null;
  for (const entry of [...counts].sort()) if (best === null || entry[1] > best[1]) best = entry;
  return best !== null && best[1] >= KIND_TYPE_SHARE * values.length ? best[0] : null;
}

/**
 * Returns the Conventional Commits type that most of the repository's newest commits of this
 * kind used, such as `chore` for dependency updates where another repository writes `build`.
 * Returns null for fewer than MIN_KIND_COMMITS such commits, or when no type has
 * KIND_TYPE_SHARE of them.
 */
export function chooseKindType(kind: string, headers: readonly KindHeader[]): string | null {
  return habitOf(headers.filter((header) => header[0] === kind).map((header) => header[1]));
}

/**
 * Returns the scope habit of a kind, as chooseKindType finds the type: `{ scope: 'release' }`
 * for `chore(release): v1.2.0`, `{ scope: null }` when most such commits have no scope, or
 * null without a habit.
 */
export function chooseKindScope(
  kind: string,
  headers: readonly KindHeader[],
): { scope: string | null } | null {
  const scope = habitOf(headers.filter((header) => header[0] === kind).map((header) => header[2]));
  if (scope === null) return null;
  return { scope: scope === '' ? null : scope };
}

/**
 * Returns the kind of a batch: a release, else the kind its paths share, `actions` for CI files
 * whose only edits bump actions (`bumpsActions`), or null for mixed paths.
 */
export function kindOfBatch(
  paths: readonly string[],
  release: boolean,
  bumpsActions = false,
): string | null {
  if (release) return RELEASE_KIND;
  const kind = kindOfPaths(paths);
  if (kind === 'ci' && bumpsActions) return ACTIONS_KIND;
  return kind === OTHER_KIND ? null : kind;
}

/**
 * Returns the type habit of a kind as chooseKindType does, except that bumps of actions without
 * a habit of their own take that of all other CI commits.
 */
export function chooseBatchType(kind: string, headers: readonly KindHeader[]): string | null {
  const type = chooseKindType(kind, headers);
  return type === null && kind === ACTIONS_KIND ? chooseKindType('ci', headers) : type;
}
