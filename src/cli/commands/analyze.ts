import { runPipeline } from '../../pipeline/run.js';
import { formatSummary } from '../../output/summary.js';
import { elapsedMs, type CommandContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';
import { pipelineOptions, writeJson } from './pipeline-options.js';
import { writeSarif } from './sarif-output.js';

/**
 * `footprint analyze`: the summary (or, with `--json`, the analysis document) on stdout.
 * Writes no fossil and exits 0 even when a commit would be blocked.
 */
export async function run(context: CommandContext): Promise<number> {
  const pipelineRun = await runPipeline(pipelineOptions(context, 'analyze', false));
  if (context.line.format === 'sarif') {
    writeSarif(context, pipelineRun.result);
  } else if (context.line.json) {
    writeJson(context, pipelineRun.documents.analysis);
  } else {
    const options = { style: context.stdoutStyle, cwd: context.cwd, elapsedMs: elapsedMs(context) };
    context.stdout.write(formatSummary(pipelineRun, options));
  }
  return EXIT_OK;
}
