import { relativeToWorktree } from '../output/worktree-path.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import type { StrategyProblem } from '../strategy/types.js';
import type { CommitOutcome } from './run-commit.js';
import { describeStrategyOrigin } from './strategy-origin.js';
import type { PlannedChange, PlannedCommit } from './types.js';
import type { UndoResult } from './undo.js';

/**
 * Returns the `--json` document of `footprint commit`, valid against schemas/commit.schema.json.
 * A token in the branch name, a path or the strategy file's name is masked, as in fossils.
 */
export function commitResultDocument(outcome: CommitOutcome): object {
  const plan = outcome.kind === 'planned' ? outcome.plan : outcome.run.plan;
  const written = outcome.kind === 'committed' ? outcome.run.commits : [];
  const run = outcome.kind === 'committed' ? outcome.run : null;

  return {
    schemaVersion: 1,
    command: 'commit',
    result: outcome.kind,
    ref: maskNameSecrets(plan.ref),
    startHead: plan.startHead,
    finalHead: run?.finalHead ?? null,
    stagedTree: plan.stagedTree,
    strategy: describeStrategyOrigin(plan.strategy),
    commits: plan.commits.map((planned, index) => commitEntry(planned, written[index])),
    signing: run?.signing ?? null,
    commitMsgHook: run?.commitMsgHook ?? null,
    fossil: run === null ? null : relativeToWorktree(run.fossilPath, outcome.worktree),
  };
}

/** Returns the `--json` document of `footprint undo`, valid against schemas/undo.schema.json. */
export function undoResultDocument(result: UndoResult): object {
  return {
    schemaVersion: 1,
    command: 'undo',
    ref: maskNameSecrets(result.ref),
    from: result.from,
    to: result.to,
    commits: result.commits,
    fossilId: result.fossilId,
  };
}

/**
 * Returns the `--json` document of a rejected `footprint undo`, valid against the `Refused`
 * definition of schemas/undo.schema.json.
 */
export function refusedUndoDocument(reason: string): object {
  return { schemaVersion: 1, command: 'undo', result: 'refused', reason };
}

/** The facts of a rejected `footprint commit` that its `--json` document lists. */
export interface CommitRefusal {
  reason: string;
  /** Absolute path of the strategy file, or null when the strategy is planned. */
  file: string | null;
  /** The strategy's problems when they are the reason, as `validate --json` lists them. */
  problems: readonly StrategyProblem[];
  /** The strategy's warnings, as `validate --json` lists them. */
  warnings: readonly StrategyProblem[];
}

/**
 * Returns the `--json` document of a rejected `footprint commit`, valid against the `Refused`
 * definition of schemas/commit.schema.json.
 */
export function refusedCommitDocument(refusal: CommitRefusal): object {
  return {
    schemaVersion: 1,
    command: 'commit',
    result: 'refused',
    reason: refusal.reason,
    file: refusal.file,
    problems: refusal.problems.map((problem) => ({ ...problem })),
    warnings: refusal.warnings.map((warning) => ({ ...warning })),
  };
}

/** Builds the entry of a planned commit, with the id and stored message of the commit written for it, if any. */
function commitEntry(
  planned: PlannedCommit,
  written: { oid: string; message: string } | undefined,
) {
  return {
    batch: planned.batch,
    oid: written?.oid ?? null,
    tree: planned.tree,
    message: written?.message ?? planned.message,
    changes: planned.changes.map(changeEntry),
  };
}

/** Builds the entry of a planned change, with provider tokens in its paths masked. */
function changeEntry(change: PlannedChange) {
  return {
    path: maskNameSecrets(change.path),
    ...(change.oldPath === undefined ? {} : { oldPath: maskNameSecrets(change.oldPath) }),
    ...(change.hunks === undefined
      ? {}
      : {
          hunks: change.hunks.map(({ oldStart, oldLines, newStart, newLines }) => ({
            oldStart,
            oldLines,
            newStart,
            newLines,
          })),
        }),
    totalHunks: change.totalHunks,
  };
}
