import path from 'node:path';
import type { Insights } from '../insights/types.js';
import { maskFlaggedPaths } from '../pipeline/mask-flagged-paths.js';
import type { PipelineResult, StageName } from '../pipeline/types.js';
import type { RiskReport } from '../risk/types.js';
import { copyBatch, copyFinding, copyFootprint, copyValidation } from './copy-fields.js';
import { describeRepositoryState } from './repository-state.js';
import type { AnalysisOutcome, FossilDraft, InsightsMetadata } from './types.js';

const STAGES: readonly StageName[] = [
  'footprint',
  'batches',
  'risk',
  'insights',
  'validation',
  'fossil',
];

/** Copies the provider's metadata only, because its summary, messages and notes may quote content. */
function copyInsightsMetadata(insights: Insights): InsightsMetadata {
  const metadata: InsightsMetadata = {
    provider: insights.provider,
    model: insights.model,
    durationMs: insights.durationMs,
    cached: insights.cached,
  };
  if (insights.fallbackReason !== undefined) metadata.fallbackReason = insights.fallbackReason;
  return metadata;
}

function copyRisk(risk: RiskReport): RiskReport {
  const copy: RiskReport = {
    score: risk.score,
    blocked: risk.blocked,
    findings: risk.findings.map(copyFinding),
  };
  if (risk.skippedRules !== undefined) copy.skippedRules = [...risk.skippedRules];
  return copy;
}

function copyTimings(timings: PipelineResult['timings']): PipelineResult['timings'] {
  const copy: PipelineResult['timings'] = {};
  for (const stage of STAGES) {
    const milliseconds = timings[stage];
    if (milliseconds !== undefined) copy[stage] = milliseconds;
  }
  return copy;
}

/**
 * Builds the analysis fossil of a pipeline run. Every field is copied by name from the
 * footprint, batches, findings (masked values only), insights metadata, validation and
 * timings, so no file content or secret that a stage attached to its objects can reach it.
 * A token in a path that a secret-in-path finding flagged is masked as the finding masks it.
 */
export function buildAnalysisFossil(
  result: PipelineResult,
  outcome: AnalysisOutcome,
): FossilDraft<'analysis'> {
  const masked = maskFlaggedPaths(result);
  const { footprint, analysis, risk } = masked;
  return {
    repository: describeRepositoryState(footprint.head, footprint.stagedTree),
    payload: {
      command: result.command,
      outcome,
      mode: analysis.mode,
      reader: { reader: result.reader.reader, reasons: [...result.reader.reasons] },
      // The configuration file sits at the worktree root, so its name locates it.
      configFile: result.config.file === null ? null : path.basename(result.config.file),
      footprint: copyFootprint(footprint),
      splitSuggested: analysis.splitSuggested,
      batches: analysis.batches.map(copyBatch),
      risk: copyRisk(risk),
      insights: copyInsightsMetadata(masked.insights),
      validation: copyValidation(masked.validation),
      timings: copyTimings(result.timings),
    },
  };
}
