import { relativeToWorktree } from '../output/worktree-path.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import { maskFlaggedPaths } from './mask-flagged-paths.js';
import type { PipelineResult } from './types.js';

/** Version of the `--json` document of `analyze`, `precommit` and `strategy`. */
export const ANALYSIS_DOCUMENT_VERSION = 1;

/**
 * Builds the `--json` document of a pipeline run, the shape schemas/analysis.schema.json
 * describes. Batches sit at the top level, as the command-line contract fixes them. A
 * provider token in HEAD's ref name is masked, as in fossils, and so is a token in a path that
 * a secret-in-path finding flagged. The strategy file keeps such a path, for `footprint commit`.
 * The fossil's path is relative to `worktree`, the worktree root.
 */
export function buildAnalysisDocument(run: PipelineResult, worktree: string): object {
  const result = maskFlaggedPaths(run);
  const { head } = result.footprint;
  const ref = head.ref === null ? null : maskNameSecrets(head.ref);
  return {
    schemaVersion: ANALYSIS_DOCUMENT_VERSION,
    command: result.command,
    reader: result.reader,
    footprint: { ...result.footprint, head: { ...head, ref } },
    mode: result.analysis.mode,
    splitSuggested: result.analysis.splitSuggested,
    batches: result.analysis.batches,
    risk: result.risk,
    insights: result.insights,
    validation: result.validation,
    timings: result.timings,
    fossil: result.fossilPath === null ? null : relativeToWorktree(result.fossilPath, worktree),
    config: { file: result.config.file },
  };
}
