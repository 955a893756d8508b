import { COMMIT_TYPES, type CommitType } from './types.js';

/**
 * What batch analysis reads from a model learned from the repository's history. Learning fills
 * it; without a model every relation still works, and only these signals are missing.
 */
export interface CoChangeModel {
  /**
   * Returns how strongly two paths changed together in past commits, in [0, 1]: 0 when they
   * never did or the model does not know them, 1 when every commit that touched one touched
   * the other. The order of the two paths does not matter.
   */
  coChange(pathA: string, pathB: string): number;
  /**
   * Returns the Conventional Commits scope the repository's own commits use for changes to
   * these paths, or null when its history names none.
   */
  scopeFor?(paths: readonly string[]): string | null;
  /**
   * Returns the Conventional Commits type the repository's own commits mostly use for a
   * change of only the kind of files these paths are (dependencies, CI, docs or tests), or
   * null. With `release`, it is the type of releases, and with `bumpsActions`, of bumps of
   * workflow actions.
   */
  typeFor?(paths: readonly string[], release?: boolean, bumpsActions?: boolean): string | null;
  /**
   * Returns the type the repository's code commits with these features (see codeFeatures)
   * most likely have, with its share of the posterior in [0, 1], or null for weak evidence.
   */
  codeTypeFor?(features: readonly string[]): { type: string; share: number } | null;
  /** False when the repository's headers rarely name a scope, so batches get none either. */
  readonly usesScopes?: boolean | null;
  /**
   * Returns the scope habit of the same commits: `{ scope: null }` when most have none, or
   * null when the history shows no habit.
   */
  kindScopeFor?(
    paths: readonly string[],
    release?: boolean,
    bumpsActions?: boolean,
  ): { scope: string | null } | null;
}

/** Reads the co-change strength of two paths, clamped to [0, 1]; 0 without a model. */
export function readCoChange(model: CoChangeModel | undefined, a: string, b: string): number {
  if (!model || a === b) return 0;
  const value = model.coChange(a, b);
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(value, 1);
}

const SCOPE_TEXT = /^[a-z0-9][\w.-]{0,23}$/i;

/** Reads the repository's own scope for paths, or null without a model or a usable name. */
export function readLearnedScope(
  model: CoChangeModel | undefined,
  paths: readonly string[],
): string | null {
  const scope = model?.scopeFor?.(paths) ?? null;
  return scope !== null && SCOPE_TEXT.test(scope) ? scope : null;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(COMMIT_TYPES);

/** Reads the repository's own type for a batch of these paths, or null when it has none. */
export function readLearnedType(
  model: CoChangeModel | undefined,
  paths: readonly string[],
  release = false,
  bumpsActions = false,
): CommitType | null {
  const type = model?.typeFor?.(paths, release, bumpsActions) ?? null;
  return type !== null && KNOWN_TYPES.has(type) ? (type as CommitType) : null;
}

/** Reads the repository's own type for a batch of code with these features, or null. */
export function readLearnedCodeType(
  model: CoChangeModel | undefined,
  features: readonly string[],
): CommitType | null {
  if (features.length === 0) return null;
  const type = model?.codeTypeFor?.(features)?.type ?? null;
  return type !== null && KNOWN_TYPES.has(type) ? (type as CommitType) : null;
}

/**
 * Reads the repository's scope habit for a batch of these paths: `{ scope: null }` for a habit
 * of no scope, or null without a habit or with a scope that is no usable name.
 */
export function readKindScope(
  model: CoChangeModel | undefined,
  paths: readonly string[],
  release = false,
  bumpsActions = false,
): { scope: string | null } | null {
  const habit = model?.kindScopeFor?.(paths, release, bumpsActions) ?? null;
  if (habit === null || habit.scope === null) return habit;
  return SCOPE_TEXT.test(habit.scope) ? habit : null;
}
