import type { Hunk } from '../footprint/types.js';

export type Mode = 'conservative' | 'balanced' | 'aggressive';

/** The part of one path that a batch takes: the whole file when `hunks` is absent. */
export interface BatchChange {
  path: string;
  hunks?: Hunk[];
}

export const COMMIT_TYPES = [
  'feat',
  'fix',
  'refactor',
  'test',
  'docs',
  'build',
  'ci',
  'chore',
  'perf',
  'style',
] as const;

export type CommitType = (typeof COMMIT_TYPES)[number];

export interface Batch {
  /** Stable id within one analysis: `b1`, `b2`, ... in order. */
  id: string;
  /** Conventional Commits header, e.g. `feat(parser): add tokens for templates`. */
  message: string;
  type: CommitType;
  scope: string | null;
  /** One line naming the relation that holds the batch together. */
  rationale: string;
  changes: BatchChange[];
  /** Ids of earlier batches this one needs (imports, uses). */
  dependsOn: string[];
}

export interface BatchAnalysis {
  mode: Mode;
  batches: Batch[];
  /**
   * False while a merge, rebase, cherry-pick or revert is in progress, or when the change has
   * more files than `fileLimit`, because no split is suggested then.
   */
  splitSuggested: boolean;
  /** The number of files above which no split is suggested, present only when it applied. */
  fileLimit?: number;
}

/**
 * Kind of relation between two changed hunks or files. A batch's rationale names the kinds that
 * hold it together.
 */
export type RelationKind =
  | 'test-source'
  | 'manifest-lockfile'
  | 'dependency-use'
  | 'submodule'
  | 'file-folder'
  | 'new-package'
  | 'import'
  | 'definition-use'
  | 'rename'
  | 'similar-edit'
  | 'moved-lines'
  | 'shared-identifiers'
  | 'similar-text'
  | 'same-definition'
  | 'same-file'
  | 'co-change'
  | 'docs'
  | 'config'
  | 'ci'
  | 'same-folder'
  | 'nearby-folder'
  | 'same-area'
  | 'unseparated'
  | 'leftover';

/** One end of a relation: a changed path, or one hunk of it (index into `FileChange.hunks`). */
export interface RelationEnd {
  path: string;
  hunk?: number;
}

/** A weighted edge between two changed files or hunks. */
export interface Relation {
  kind: RelationKind;
  from: RelationEnd;
  to: RelationEnd;
  /** Strength of the tie between the two ends, in (0, 1]; 1 means they belong in one commit. */
  weight: number;
  /** True when `from` cannot work before `to` exists, e.g. an import of a file the change adds. */
  requires: boolean;
}
