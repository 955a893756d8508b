import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildStrategyFossil } from '../../fossils/build-strategy.js';
import { FossilWriteError } from '../../fossils/fossil-write-error.js';
import { openFossilStore } from '../../fossils/store.js';
import { writeFileAtomic } from '../../fossils/write-atomic.js';
import { findUnsplittableReason } from '../../commit/preconditions.js';
import { discoverRepository } from '../../git/discover.js';
import { openRepository } from '../../git/open.js';
import type { RepositoryLayout } from '../../git/types.js';
import { buildAnalysisDocument } from '../../pipeline/document.js';
import { runPipeline, type PipelineRun } from '../../pipeline/run.js';
import {
  llmNoticeLine,
  strategyWriteFailedMessage,
  strategyWrittenMessage,
} from '../../output/messages.js';
import { displayPath, formatSummary } from '../../output/summary.js';
import { adviceInvocation, commandStartIn } from '../advice-invocation.js';
import { formatStatus } from '../../output/style.js';
import { UserError } from '../../errors.js';
import { withStrategyFile } from '../../strategy/build.js';
import { makeFolders } from '../../strategy/make-folders.js';
import { checkStrategyOutputPath } from '../../strategy/output-path.js';
import { recordWrittenStrategy } from '../../strategy/written-strategies.js';
import type { Strategy } from '../../strategy/types.js';
import { elapsedMs, type CommandContext } from '../context.js';
import { EXIT_BLOCKED, EXIT_OK } from '../exit-codes.js';
import {
  adviceOptions,
  pipelineOptions,
  writeJson,
  writeModelWarnings,
} from './pipeline-options.js';
import { formatStrategyText } from '../../strategy/format-text.js';

/**
 * `footprint strategy [--output FILE]`: writes the strategy to FILE, or to stdout without
 * --output. stdout carries at most one JSON document: the strategy when there is no --output,
 * or with `--json` the analysis document. The human summary goes to stderr, and not at all
 * with `--json`. FILE is checked before the pipeline runs (see checkStrategyOutputPath).
 */
export async function run(context: CommandContext): Promise<number> {
  const output = context.line.output;
  const layout =
    output === undefined ? null : await discoverRepository({ cwd: context.cwd, env: context.env });
  const target =
    output === undefined || layout === null ? null : await checkOutput(context, output, layout);
  if (output !== undefined) await checkSplittable(context);
  // The analysis fossil is the hook's record, but a reply is cached as precommit caches it.
  const options = { ...pipelineOptions(context, 'strategy', false), cacheReplies: true };
  const pipelineRun = await runPipeline(options);
  writeModelWarnings(context, pipelineRun.result);
  const { strategy } = pipelineRun;
  const fossilPath = await recordStrategyFossil(context, layout, pipelineRun);

  if (output !== undefined && target !== null && layout !== null) {
    const file = path.resolve(context.cwd, output);
    // Checked again: the file may have been edited while the pipeline (and an LLM) ran.
    await checkOutput(context, output, layout);
    // The check command in the file names the file as the user gave it, relative to the folder.
    const command = commandStartIn(context, context.cwd);
    const text = await writeStrategyFile(target, withStrategyFile(strategy, output, command));
    await recordWritten(context, layout, target, text);
    if (!context.line.json) {
      const options = {
        style: context.stderrStyle,
        cwd: context.cwd,
        elapsedMs: elapsedMs(context),
        ...adviceOptions(context),
      };
      context.stderr.write(formatSummary(pipelineRun, options));
      const written = {
        pathFromShell:
          context.line.cwd === undefined
            ? displayPath(file, context.cwd)
            : outputFromShell(context, output),
        file: displayPath(file, context.cwd),
        invocation: adviceInvocation(context),
      };
      context.stderr.write(
        strategyWrittenMessage(context.stderrStyle, written, strategy.batches.length),
      );
    }
  }

  // The document names the fossil this run wrote, the strategy's.
  if (context.line.json) {
    const result = { ...pipelineRun.result, fossilPath };
    writeJson(context, buildAnalysisDocument(result, pipelineRun.worktree));
  } else if (output === undefined) {
    // No summary is printed then, so the summary's line on the LLM insights is given alone.
    writeLlmNotice(context, pipelineRun);
    const command = commandStartIn(context, context.cwd);
    context.stdout.write(formatStrategyText(withStrategyFile(strategy, undefined, command)));
    if (strategy.batches.length === 0) {
      const note =
        'Nothing is staged, so this strategy has no batches. Stage changes with ' +
        '`git add` first, then write it again.';
      context.stderr.write(`${formatStatus(context.stderrStyle, 'info', note)}\n`);
    }
  }
  return EXIT_OK;
}

/** Writes the summary's line on the LLM insights: the fallback, or where the change went. */
function writeLlmNotice(context: CommandContext, pipelineRun: PipelineRun): void {
  const line = llmNoticeLine(context.stderrStyle, pipelineRun.result.insights);
  if (line !== null) context.stderr.write(`${line}\n`);
}

/** Rejects an `--output` path whose content a strategy would destroy (checkStrategyOutputPath). */
function checkOutput(
  context: CommandContext,
  output: string,
  layout: RepositoryLayout,
): Promise<string> {
  const file = path.resolve(context.cwd, output);
  return checkStrategyOutputPath(file, output, layout, outputFromShell(context, output));
}

/**
 * Rejects a staged change that footprint commit would not commit, such as one during a merge or
 * nothing at all, before a strategy file is written for it (see findUnsplittableReason).
 */
async function checkSplittable(context: CommandContext): Promise<void> {
  const reader = await openRepository({ cwd: context.cwd, env: context.env });
  try {
    const reason = findUnsplittableReason(await reader.readStagedChange());
    if (reason !== null) throw new UserError(reason, { exitCode: EXIT_BLOCKED });
  } finally {
    await reader.close();
  }
}

/**
 * Returns the `--output` path for the shell's folder. A relative path is relative to the folder
 * of `--cwd DIR`, so it is joined to DIR as given, which is relative to the shell's folder.
 */
function outputFromShell(context: CommandContext, output: string): string {
  const cwdOption = context.line.cwd;
  if (cwdOption === undefined || path.isAbsolute(output)) return output;
  return path.join(cwdOption, output);
}

/**
 * Writes the strategy fossil, the record of what was suggested, and returns its path. A store
 * that cannot be written costs only the record, so it is a warning, and the path is null.
 */
async function recordStrategyFossil(
  context: CommandContext,
  known: RepositoryLayout | null,
  pipelineRun: PipelineRun,
): Promise<string | null> {
  const layout = known ?? (await discoverRepository({ cwd: context.cwd, env: context.env }));
  if (layout.worktree === null) return null;
  const { config, footprint, risk } = pipelineRun.result;
  try {
    const store = openFossilStore(layout.worktree, config.config);
    const fossil = buildStrategyFossil(pipelineRun.strategy, footprint, risk.findings);
    return await store.write('strategy', fossil);
  } catch (error) {
    if (!(error instanceof FossilWriteError)) throw error;
    context.stderr.write(formatStatus(context.stderrStyle, 'warning', error.message) + '\n');
    return null;
  }
}

/**
 * Records the digest of the strategy file written. A failure only means the next write to it
 * is rejected as if the file had been edited, so it is a warning, not an error.
 */
async function recordWritten(
  context: CommandContext,
  layout: RepositoryLayout,
  file: string,
  text: string,
): Promise<void> {
  try {
    await recordWrittenStrategy(layout, file, text);
  } catch (error) {
    const cause = (error as NodeJS.ErrnoException).code ?? String(error);
    const message =
      `footprint could not record that it wrote ${displayPath(file, context.cwd)} (${cause}), ` +
      'so a later `footprint strategy --output` to that file will not replace it.';
    context.stderr.write(formatStatus(context.stderrStyle, 'warning', message) + '\n');
  }
}

/** The permission bits of a file mode, without its file type. */
const PERMISSION_BITS = 0o7777;

/**
 * Writes the strategy through a temporary file and a rename, making its folder, so an
 * interrupted write leaves the earlier file whole. A replaced file keeps its permissions, such
 * as the 0600 of a `mktemp` file. Returns the text written. A path that cannot be written is the
 * user's to fix.
 */
async function writeStrategyFile(file: string, strategy: Strategy): Promise<string> {
  const text = formatStrategyText(strategy);
  try {
    await makeFolders(path.dirname(file));
    const previous = await stat(file).catch(() => null);
    await writeFileAtomic(file, text);
    if (previous !== null) await chmod(file, previous.mode & PERMISSION_BITS);
    return text;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UserError(strategyWriteFailedMessage(file, code), { cause: error });
  }
}
