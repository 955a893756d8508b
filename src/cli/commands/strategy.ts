import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runPipeline } from '../../pipeline/run.js';
import { strategyWriteFailedMessage, strategyWrittenMessage } from '../../output/messages.js';
import { displayPath, formatSummary } from '../../output/summary.js';
import { UserError } from '../../errors.js';
import { withStrategyFile } from '../../strategy/build.js';
import type { Strategy } from '../../strategy/types.js';
import { elapsedMs, type CommandContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';
import { pipelineOptions, writeJson } from './pipeline-options.js';

/**
 * `footprint strategy [--output FILE]`: writes the strategy to FILE, or to stdout without
 * --output. stdout carries at most one JSON document: the strategy when there is no --output,
 * or with `--json` the analysis document. The human summary goes to stderr, and not at all
 * with `--json`.
 */
export async function run(context: CommandContext): Promise<number> {
  const pipelineRun = await runPipeline(pipelineOptions(context, 'strategy', false));
  const { strategy } = pipelineRun;
  const output = context.line.output;

  if (output !== undefined) {
    const file = path.resolve(context.cwd, output);
    // The check command in the file names the file as the user gave it, relative to the folder.
    await writeStrategyFile(file, withStrategyFile(strategy, output));
    if (!context.line.json) {
      const options = {
        style: context.stderrStyle,
        cwd: context.cwd,
        elapsedMs: elapsedMs(context),
      };
      context.stderr.write(formatSummary(pipelineRun, options));
      const shown = displayPath(file, context.cwd);
      context.stderr.write(
        strategyWrittenMessage(context.stderrStyle, shown, strategy.batches.length),
      );
    }
  }

  if (context.line.json) writeJson(context, pipelineRun.documents.analysis);
  else if (output === undefined) writeJson(context, strategy);
  return EXIT_OK;
}

/** Writes the strategy, making its folder; a path that cannot be written is the user's to fix. */
async function writeStrategyFile(file: string, strategy: Strategy): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(strategy, null, 2)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UserError(strategyWriteFailedMessage(file, code), { cause: error });
  }
}
