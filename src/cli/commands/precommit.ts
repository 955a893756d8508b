import { MERGE_HOOK_VARIABLE } from '../../git/merge-heads.js';
import {
  fossilFailClosedMessage,
  fossilNotWrittenMessage,
  frameworkStageSkippedMessage,
  skippedMessage,
} from '../../output/messages.js';
import { formatSummary } from '../../output/summary.js';
import { elapsedMs, type CommandContext } from '../context.js';
import { EXIT_BLOCKED, EXIT_OK } from '../exit-codes.js';
import { findFrameworkStage } from '../framework-stage.js';
import {
  adviceOptions,
  pipelineOptions,
  writeJson,
  writeModelWarnings,
} from './pipeline-options.js';

/**
 * The stages, as git hook names, at which the pre-commit framework may run footprint, and
 * `manual`, which runs only on request. At any other, such as commit-msg, the staged change
 * was checked already.
 */
const RUN_STAGES: ReadonlySet<string> = new Set(['pre-commit', 'pre-merge-commit', 'manual']);

/**
 * `footprint precommit`: the hook pipeline, run by the pre-commit hook and by the
 * pre-merge-commit hook of a merge that git merge commits. The summary goes to stderr, which
 * git shows for hooks. `--json` puts the analysis document on stdout and `--format sarif` the
 * risk findings as SARIF, and neither prints a summary.
 * `--merge` marks the change as a merge: the pre-merge-commit hook passes it.
 * When the pre-commit framework runs it at another stage (see RUN_STAGES), it prints why it
 * skips the analysis and exits 0.
 * Exits 1 when the risk blocks the commit, whether or not the fossil was written, and when
 * the fossil was not written under `failClosed`.
 */
export async function run(context: CommandContext): Promise<number> {
  if (context.env['FOOTPRINT'] === '0') {
    context.stderr.write(skippedMessage(context.stderrStyle));
    return EXIT_OK;
  }
  const stage = await findFrameworkStage(context.env);
  if (stage !== null && !RUN_STAGES.has(stage)) {
    context.stderr.write(frameworkStageSkippedMessage(context.stderrStyle, stage));
    return EXIT_OK;
  }
  // Test hook: lets end-to-end tests check how a crash in the hook is handled.
  if (context.env['FOOTPRINT_TEST_CRASH'] === '1') {
    throw new Error('Simulated crash, because FOOTPRINT_TEST_CRASH=1.');
  }

  // Loaded here so that a skipped hook never loads the pipeline.
  const { runPipeline } = await import('../../pipeline/run.js');
  const merge = context.line.merge || stage === 'pre-merge-commit';
  const options = pipelineOptions(withMergeHook(context, merge), 'precommit', true);
  const pipelineRun = await runPipeline(options);
  writeModelWarnings(context, pipelineRun.result);
  if (context.line.format === 'sarif') {
    const { writeSarif } = await import('./sarif-output.js');
    writeSarif(context, pipelineRun.result);
  } else if (context.line.json) {
    writeJson(context, pipelineRun.documents.analysis);
  } else {
    const options = {
      style: context.stderrStyle,
      cwd: context.cwd,
      elapsedMs: elapsedMs(context),
      ...adviceOptions(context),
    };
    context.stderr.write(formatSummary(pipelineRun, options));
  }
  const { fossilWarning, config } = pipelineRun.result;
  if (fossilWarning !== undefined) {
    context.stderr.write(fossilNotWrittenMessage(context.stderrStyle, fossilWarning));
    if (config.config.failClosed) {
      context.stderr.write(fossilFailClosedMessage(context.stderrStyle));
      return EXIT_BLOCKED;
    }
  }
  return pipelineRun.result.risk.blocked ? EXIT_BLOCKED : EXIT_OK;
}

/**
 * Returns the context with MERGE_HOOK_VARIABLE set under `--merge` or at pre-commit's
 * pre-merge-commit stage, so the git readers, which
 * take the environment, count the change as a merge even when GIT_REFLOG_ACTION does not say so.
 */
function withMergeHook(context: CommandContext, merge: boolean): CommandContext {
  if (!merge) return context;
  return { ...context, env: { ...context.env, [MERGE_HOOK_VARIABLE]: '1' } };
}
