/**
 * Copies of the shared types that take each allowed field by name. A stage may attach more
 * to its objects at run time (content, a matched secret), and a copy made here leaves it behind.
 */
import type { Batch, BatchChange } from '../batches/types.js';
import type { FileChange, Footprint, Hunk } from '../footprint/types.js';
import type { HeadState } from '../git/types.js';
import type { Finding } from '../risk/types.js';
import type { StrategyProblem, StrategyValidation } from '../strategy/types.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';

export function copyHunk(hunk: Hunk): Hunk {
  return {
    oldStart: hunk.oldStart,
    oldLines: hunk.oldLines,
    newStart: hunk.newStart,
    newLines: hunk.newLines,
  };
}

// Paths are copied as given. buildAnalysisFossil masks the tokens of flagged paths before.
export function copyFileChange(file: FileChange): FileChange {
  const copy: FileChange = {
    path: file.path,
    status: file.status,
    oldMode: file.oldMode,
    newMode: file.newMode,
    oldOid: file.oldOid,
    newOid: file.newOid,
    size: file.size,
    oldSize: file.oldSize,
    binary: file.binary,
    lfs: file.lfs,
    symlink: file.symlink,
    category: file.category,
    language: file.language,
    additions: file.additions,
    deletions: file.deletions,
    hunks: file.hunks.map(copyHunk),
  };
  if (file.oldPath !== undefined) copy.oldPath = file.oldPath;
  if (file.similarity !== undefined) copy.similarity = file.similarity;
  if (file.opaque !== undefined) copy.opaque = file.opaque;
  return copy;
}

/** Copies HEAD's state with a provider token in its ref name masked. */
function copyHead(head: HeadState): HeadState {
  const ref = head.ref === null ? null : maskNameSecrets(head.ref);
  return { oid: head.oid, ref, detached: head.detached };
}

export function copyFootprint(footprint: Footprint): Footprint {
  const { totals } = footprint;
  return {
    head: copyHead(footprint.head),
    headTree: footprint.headTree,
    stagedTree: footprint.stagedTree,
    operation: footprint.operation,
    files: footprint.files.map(copyFileChange),
    unmerged: [...footprint.unmerged],
    intentToAdd: [...footprint.intentToAdd],
    totals: {
      files: totals.files,
      additions: totals.additions,
      deletions: totals.deletions,
      hunks: totals.hunks,
    },
  };
}

function copyBatchChange(change: BatchChange): BatchChange {
  const copy: BatchChange = { path: change.path };
  if (change.hunks !== undefined) copy.hunks = change.hunks.map(copyHunk);
  return copy;
}

export function copyBatch(batch: Batch): Batch {
  return {
    id: batch.id,
    message: batch.message,
    type: batch.type,
    scope: batch.scope,
    rationale: batch.rationale,
    changes: batch.changes.map(copyBatchChange),
    dependsOn: [...batch.dependsOn],
  };
}

/** Copies a finding with its masked value only, so a raw match never comes along. */
export function copyFinding(finding: Finding): Finding {
  const copy: Finding = {
    rule: finding.rule,
    severity: finding.severity,
    path: finding.path,
    message: finding.message,
    fix: finding.fix,
  };
  if (finding.line !== undefined) copy.line = finding.line;
  if (finding.masked !== undefined) copy.masked = finding.masked;
  return copy;
}

function copyProblem(problem: StrategyProblem): StrategyProblem {
  const copy: StrategyProblem = { code: problem.code, message: problem.message };
  if (problem.batch !== undefined) copy.batch = problem.batch;
  if (problem.path !== undefined) copy.path = problem.path;
  if (problem.cause !== undefined) copy.cause = problem.cause;
  return copy;
}

export function copyValidation(validation: StrategyValidation): StrategyValidation {
  return { valid: validation.valid, problems: validation.problems.map(copyProblem) };
}
