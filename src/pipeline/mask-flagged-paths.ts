import type { Batch, BatchAnalysis } from '../batches/types.js';
import type { Footprint } from '../footprint/types.js';
import type { Insights } from '../insights/types.js';
import { createPathSecretMask } from '../risk/path-secret-mask.js';
import type { Finding, RiskReport } from '../risk/types.js';
import type { StrategyValidation } from '../strategy/types.js';
import type { PipelineResult } from './types.js';

type Mask = (text: string) => string;

/**
 * Returns a copy of a pipeline result with the tokens masked in the footprint, the batches,
 * every finding, the insights and the validation problems. The tokens are those of the paths
 * that a secret-in-path finding flagged and of the old paths of renames away from a token. The
 * summary, the `--json` document and the analysis fossil are built from it, so the token
 * reaches none of them. Returns the result itself when there is nothing to mask.
 * The strategy keeps the staged paths, because `footprint commit` maps them to the index.
 */
export function maskFlaggedPaths(result: PipelineResult): PipelineResult {
  const mask = createPathSecretMask(result.footprint, result.risk.findings);
  if (mask === null) return result;

  const masked: PipelineResult = {
    ...result,
    footprint: maskFootprint(result.footprint, mask),
    analysis: maskAnalysis(result.analysis, mask),
    risk: maskRisk(result.risk, mask),
    insights: maskInsights(result.insights, mask),
    validation: maskValidation(result.validation, mask),
  };

  // The summary looks up a finding's configuration by the finding's path, now masked.
  if (result.riskScopes !== undefined) {
    const scopes = [...result.riskScopes].map(([path, scope]) => [mask(path), scope] as const);
    masked.riskScopes = new Map(scopes);
  }
  return masked;
}

function maskFootprint(footprint: Footprint, mask: Mask): Footprint {
  return {
    ...footprint,
    files: footprint.files.map((file) => {
      const copy = { ...file, path: mask(file.path) };
      if (file.oldPath !== undefined) copy.oldPath = mask(file.oldPath);
      return copy;
    }),
    unmerged: footprint.unmerged.map(mask),
    intentToAdd: footprint.intentToAdd.map(mask),
  };
}

function maskAnalysis(analysis: BatchAnalysis, mask: Mask): BatchAnalysis {
  return { ...analysis, batches: analysis.batches.map((batch) => maskBatch(batch, mask)) };
}

/** Returns a copy of a batch with `mask` applied to its message, rationale and paths. */
export function maskBatch(batch: Batch, mask: Mask): Batch {
  return {
    ...batch,
    message: mask(batch.message),
    rationale: mask(batch.rationale),
    changes: batch.changes.map((change) => ({ ...change, path: mask(change.path) })),
  };
}

/**
 * Masks every finding, not only the secret-in-path ones: another rule's finding on a flagged
 * path, such as a `debugger` line, names the same path in its path and may repeat it in its text.
 */
function maskRisk(risk: RiskReport, mask: Mask): RiskReport {
  return { ...risk, findings: risk.findings.map((finding) => maskFinding(finding, mask)) };
}

/** Returns a copy of a finding with `mask` applied to its path and texts. */
export function maskFinding(finding: Finding, mask: Mask): Finding {
  const copy = {
    ...finding,
    path: mask(finding.path),
    message: mask(finding.message),
    fix: mask(finding.fix),
  };
  if (finding.masked !== undefined) copy.masked = mask(finding.masked);
  return copy;
}

function maskInsights(insights: Insights, mask: Mask): Insights {
  const messages = Object.fromEntries(
    Object.entries(insights.messages).map(([batch, message]) => [batch, mask(message)]),
  );
  return {
    ...insights,
    summary: mask(insights.summary),
    messages,
    riskNotes: insights.riskNotes.map((note) => ({
      ...note,
      path: mask(note.path),
      note: mask(note.note),
    })),
  };
}

function maskValidation(validation: StrategyValidation, mask: Mask): StrategyValidation {
  return {
    valid: validation.valid,
    problems: validation.problems.map((problem) => {
      const copy = { ...problem, message: mask(problem.message) };
      if (problem.path !== undefined) copy.path = mask(problem.path);
      return copy;
    }),
  };
}
