import { runPipeline } from '../../pipeline/run.js';
import { formatSummary } from '../../output/summary.js';
import { elapsedMs, type CommandContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';
import {
  adviceOptions,
  pipelineOptions,
  writeJson,
  writeModelWarnings,
} from './pipeline-options.js';
import { writeSarif } from './sarif-output.js';

/**
 * `footprint analyze`: the footprint, batches and risk, as the summary (or, with `--json`, the
 * analysis document) on stdout. It runs offline as if `--no-llm` were given, so it sends no LLM
 * request and writes no fossil, not even an insight cache, and exits 0 even when a commit would
 * be blocked.
 */
export async function run(context: CommandContext): Promise<number> {
  const options = { ...pipelineOptions(context, 'analyze', false), noLlm: true };
  const pipelineRun = await runPipeline(options);
  writeModelWarnings(context, pipelineRun.result);
  if (context.line.format === 'sarif') {
    writeSarif(context, pipelineRun.result);
  } else if (context.line.json) {
    writeJson(context, pipelineRun.documents.analysis);
  } else {
    const options = {
      style: context.stdoutStyle,
      cwd: context.cwd,
      elapsedMs: elapsedMs(context),
      ...adviceOptions(context),
    };
    context.stdout.write(formatSummary(pipelineRun, options));
  }
  return EXIT_OK;
}
