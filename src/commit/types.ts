import type { MessageCleanup } from '../message/cleanup-setting.js';
import type { Mode } from '../batches/types.js';
import type { Hunk } from '../footprint/types.js';
import type { PendingObject } from '../git/object-writer.js';
import type { SigningFormat } from '../git/signing.js';

/** Origin of the executed strategy: planned from the staged change, or a file. */
export interface StrategySource {
  kind: 'planned' | 'file';
  /** Absolute path of the strategy file, or null when planned. */
  file: string | null;
}

/** The executed strategy's origin, as a commit run records it. */
export interface StrategyOrigin extends StrategySource {
  /** When the strategy was made. */
  createdAt: string;
  mode: Mode;
}

/** The part of one staged path that one batch commit takes. */
export interface PlannedChange {
  path: string;
  /** Source path of a rename, removed in the same commit. */
  oldPath?: string;
  /** The hunks this commit takes; absent when it takes the whole file. */
  hunks?: Hunk[];
  /** Staged hunks of the path in all, to show `2 of 5 hunks`. */
  totalHunks: number;
  /**
   * The mode change a file split across batches makes in this commit, the first that takes
   * one of its hunks, as `100644 -> 100755`. Absent otherwise.
   */
  modeChange?: string;
}

/** One commit to make: its batch, tree and message. */
export interface PlannedCommit {
  batch: string;
  /** The strategy's message, cleaned up as `git commit -F` cleans it under commit.cleanup. */
  message: string;
  /**
   * The message as `git commit` hands it to the commit-msg hook: with whitespace cleaned and
   * comment lines kept, or unchanged under commit.cleanup=verbatim.
   */
  hookMessage: string;
  /** Tree of the base plus this batch and every earlier one. */
  tree: string;
  changes: PlannedChange[];
}

/** The commits a run makes and the objects it must store for them, before any write. */
export interface CommitPlan {
  /** Full name of the ref that moves (`refs/heads/main`), or `HEAD` when detached. */
  ref: string;
  /** HEAD's commit when the run started, or null on an unborn branch. */
  startHead: string | null;
  /** The staged tree, which the last commit's tree equals. */
  stagedTree: string;
  commits: PlannedCommit[];
  /** New blobs and trees the commits need, which the object store does not have yet. */
  objects: PendingObject[];
  strategy: StrategyOrigin;
  /** The commit.cleanup settings of the messages and of the commit-msg hook's output. */
  cleanup: MessageCleanup;
}

/** One commit object written by a run. */
export interface WrittenCommit {
  oid: string;
  batch: string;
  tree: string;
  /** The message as stored, after the commit-msg hook. */
  message: string;
}

/** The commit-msg hook's part in a run: it ran, --no-verify skipped it, or there is none. */
export type CommitMsgHookUse = 'ran' | 'skipped' | 'absent';

/** The record of a run that moved the ref. */
export interface CommitRun {
  plan: CommitPlan;
  commits: WrittenCommit[];
  finalHead: string;
  signing: SigningFormat | null;
  commitMsgHook: CommitMsgHookUse;
  /** Path of the commit-run fossil. */
  fossilPath: string;
}
