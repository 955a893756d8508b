import type { Mode } from '../batches/types.js';
import type { CodeTypeGuess } from './code-types.js';

/**
 * Co-change of two paths in the learned commits, in association-rule terms. Support is a
 * number of commits, not a fraction of them.
 */
export interface CoChangeStats {
  /** Commits that changed both paths. */
  support: number;
  /** Share of the commits that changed the first path that also changed the second, in [0, 1]. */
  confidence: number;
  /**
   * Observed co-changes divided by those expected if the two paths changed independently:
   * 1 is chance, above 1 a real tie.
   */
  lift: number;
}

/** How often one file changed, and how often a fix changed it. */
export interface HotspotStats {
  /** Commits that changed the file. */
  changes: number;
  /** Fix, bug, revert and hotfix commits that changed the file. */
  fixes: number;
  /** Lines those fix commits deleted from the file: an estimate of the lines fixes rewrote. */
  fixLines: number;
  /** Rank of the file among the model's files by fixes and changes, in (0, 1]; 1 is the top. */
  score: number;
}

/** The size up to which a batch still looks like one of the repository's usual commits. */
export interface SizeTarget {
  files: number;
  hunks: number;
  lines: number;
}

/** One step between two kinds of change, as consecutive commits of one author made it. */
export interface KindTransition {
  from: string;
  to: string;
  /** Times a commit of kind `to` directly followed one of kind `from`. */
  count: number;
}

/**
 * Read access to a model learned from the repository's history (`footprint learn`). Lookups
 * take paths relative to the worktree root, with `/` separators, as git writes them.
 */
/** The use of one scope in a repository's commits. */
export interface ScopeUse {
  /**
   * Share of the commits in the paths' nearest folders with scoped commits whose header names
   * the scope, in [0, 1], averaged over the paths, or null when no such folder is known.
   */
  share: number | null;
  /** Commits whose header names the scope, in all the learned history. */
  commits: number;
}

export interface Model {
  /** The commit HEAD pointed at when the model was last learned. */
  readonly head: string;
  /** Non-merge commits the model counts. */
  readonly commits: number;
  /**
   * Returns how `pathA` and `pathB` changed together, with `confidence` read as "when A
   * changed, B changed too". Returns null when no learned commit changed both.
   */
  coChange(pathA: string, pathB: string): CoChangeStats | null;
  /** Same as coChange for folders (`src/parser`, or `` for the root). */
  folderCoChange(folderA: string, folderB: string): CoChangeStats | null;
  /** Returns the change and fix counts of a file, or null when no learned commit changed it. */
  hotspot(path: string): HotspotStats | null;
  /** Conventional Commits scopes the repository uses, most used first. */
  readonly scopes: readonly string[];
  /** Returns the scope the repository's commits most often used for these paths, or null. */
  scopeFor(paths: readonly string[]): string | null;
  /** Returns how the repository's commits use `scope`, for these paths and in all. */
  scopeUseFor(paths: readonly string[], scope: string): ScopeUse;
  /**
   * False when the repository's conventional headers rarely name a scope (under 20%), true
   * when they often do, null for too few conventional commits to tell.
   */
  readonly usesScopes: boolean | null;
  /** True when most commits follow Conventional Commits (`type(scope): subject`). */
  readonly usesConventionalCommits: boolean;
  /** Conventional Commits types the repository uses, most used first. */
  readonly commitTypes: readonly string[];
  /**
   * Returns the type the repository's newest commits mostly use for a change of only the kind
   * of files these paths are (dependencies and build files, CI, docs or tests), or null. With
   * `release`, it is the type of releases. With `bumpsActions`, it is the type of bumps of
   * workflow actions, or of other CI commits when such bumps show no habit.
   */
  typeFor(paths: readonly string[], release?: boolean, bumpsActions?: boolean): string | null;
  /**
   * Returns the scope habit for the same commits as typeFor: `{ scope: null }` when most have
   * none, or null without a habit.
   */
  kindScopeFor(
    paths: readonly string[],
    release?: boolean,
    bumpsActions?: boolean,
  ): { scope: string | null } | null;
  /**
   * Returns the type the repository's code commits with these features (see codeFeatures)
   * most likely have, with its share of the posterior, or null when the evidence is weak.
   */
  codeTypeFor(features: readonly string[]): CodeTypeGuess | null;
  /** Batch size targets per mode, from the distribution of the repository's commit sizes. */
  readonly sizeTargets: Readonly<Record<Mode, SizeTarget>>;
  /** Kinds of change (`refactor`, `feat`, `test`, ...) in the order a series of commits usually takes them. */
  readonly kindOrder: readonly string[];
  readonly kindTransitions: readonly KindTransition[];
}
