import type { BatchAnalysis } from '../batches/types.js';
import type { Footprint } from '../footprint/types.js';
import type { Insights } from '../insights/types.js';
import { createPathSecretMask } from '../risk/path-secret-mask.js';
import type { StrategyValidation } from '../strategy/types.js';
import type { PipelineResult } from './types.js';

type Mask = (text: string) => string;

/**
 * Returns a copy of a pipeline result in which the tokens of the paths that a secret-in-path
 * finding flagged are masked: in the footprint, the batches, the insights and the validation
 * problems. The summary, the `--json` document and the analysis fossil are built from it, so
 * the token reaches none of them. Returns the result itself when no path was flagged.
 * The strategy keeps the staged paths, because `footprint commit` maps them to the index.
 */
export function maskFlaggedPaths(result: PipelineResult): PipelineResult {
  const mask = createPathSecretMask(result.footprint, result.risk.findings);
  if (mask === null) return result;

  return {
    ...result,
    footprint: maskFootprint(result.footprint, mask),
    analysis: maskAnalysis(result.analysis, mask),
    insights: maskInsights(result.insights, mask),
    validation: maskValidation(result.validation, mask),
  };
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
  return {
    ...analysis,
    batches: analysis.batches.map((batch) => ({
      ...batch,
      message: mask(batch.message),
      rationale: mask(batch.rationale),
      changes: batch.changes.map((change) => ({ ...change, path: mask(change.path) })),
    })),
  };
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
