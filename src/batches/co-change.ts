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
   * most likely have, with its share of the posterior in [0, 1] and the code commits of each
   * type, or null for weak evidence.
   */
  codeTypeFor?(features: readonly string[]): LearnedCodeType | null;
  /**
   * Returns how the repository's commits use `scope`: the share of the commits in these
   * paths' folders that name it, null when no folder is known, and its commits in all.
   */
  scopeUseFor?(paths: readonly string[], scope: string): { share: number | null; commits: number };
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

/** The type a learned model gives changed code, with the posterior and the history's counts. */
export interface LearnedCodeType {
  type: string;
  share: number;
  /** The posterior share of every type, by type. */
  shares: Readonly<Record<string, number>>;
  /** Code commits of each type in the learned history, by type. */
  commits: Readonly<Record<string, number>>;
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

/**
 * Reads the repository's own type for a batch of code with these features, or null. The
 * guessed type counts as evidence as strong as the history's own counts. So the learned type
 * must beat the guess's posterior by the factor by which the history's code commits of
 * `guessed` outnumber its own. With 3.5 fixes per chore, a `fix` becomes a `chore` only when
 * `chore` has 3.5 times the posterior of `fix`.
 */
export function readLearnedCodeType(
  model: CoChangeModel | undefined,
  features: readonly string[],
  guessed?: CommitType,
): CommitType | null {
  if (features.length === 0) return null;
  const learned = model?.codeTypeFor?.(features) ?? null;
  if (learned === null || !KNOWN_TYPES.has(learned.type)) return null;
  if (guessed !== undefined && !outweighsGuess(learned, guessed)) return null;
  return learned.type as CommitType;
}

/** Returns true when the learned type's posterior beats the guess's by the counts' ratio. */
function outweighsGuess(learned: LearnedCodeType, guessed: string): boolean {
  const guessedCommits = learned.commits[guessed] ?? 0;
  const learnedCommits = learned.commits[learned.type] ?? 0;
  if (guessedCommits <= learnedCommits) return true;
  const guessedShare = learned.shares[guessed] ?? 0;
  return learned.share * learnedCommits >= guessedShare * guessedCommits;
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
