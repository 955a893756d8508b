import type { PipelineOptions } from '../../pipeline/run.js';
import type { PipelineResult } from '../../pipeline/types.js';
import { skippedFossilMessage } from '../../output/messages.js';
import type { SummaryOptions } from '../../output/summary.js';
import { stringifyJsonForTerminal } from '../../output/terminal-text.js';
import { adviceInvocation } from '../advice-invocation.js';
import type { CommandContext } from '../context.js';
import { readLlmSwitch } from '../../insights/llm-variable.js';

/** Builds the pipeline's options from the command line. */
export function pipelineOptions(
  context: CommandContext,
  command: PipelineOptions['command'],
  writeFossil: boolean,
): PipelineOptions {
  const options: PipelineOptions = {
    command,
    cwd: context.cwd,
    env: context.env,
    noLlm: context.line.noLlm,
    writeFossil,
  };
  if (context.line.mode !== undefined) options.mode = context.line.mode;
  return options;
}

/**
 * Writes one JSON document and a newline. C1, bidirectional and invisible characters in its
 * strings are written as `\u009b` escapes, so printing it cannot change the terminal.
 */
export function writeJson(context: CommandContext, document: object): void {
  context.stdout.write(`${stringifyJsonForTerminal(document, 2)}\n`);
}

/**
 * Returns the summary options that make the summary's advice repeat `--cwd` (also as git's
 * `-C`), `--mode` and `--no-llm`, which FOOTPRINT_LLM=0 stands for when only this run had it.
 * The footprint command is looked up once, when the summary first prints it.
 */
export function adviceOptions(
  context: CommandContext,
): Pick<SummaryOptions, 'invocation' | 'modeOption' | 'noLlm' | 'cwdOption'> {
  let invocation: string | undefined;
  const options: Pick<SummaryOptions, 'invocation' | 'modeOption' | 'noLlm' | 'cwdOption'> = {
    invocation: () => (invocation ??= adviceInvocation(context)),
  };
  if (context.line.mode !== undefined) options.modeOption = context.line.mode;
  if (context.line.noLlm || llmSwitchedOff(context.env)) options.noLlm = true;
  if (context.line.cwd !== undefined) options.cwdOption = context.line.cwd;
  return options;
}

/** Returns true when FOOTPRINT_LLM turns the provider off. An invalid value stopped the run. */
function llmSwitchedOff(env: NodeJS.ProcessEnv): boolean {
  try {
    return readLlmSwitch(env).off;
  } catch {
    return false;
  }
}

/**
 * Writes one line on stderr per model fossil the run skipped, as `footprint fossils list`
 * does, also with `--json`, so a user learns that the newest model stopped loading.
 */
export function writeModelWarnings(context: CommandContext, result: PipelineResult): void {
  for (const warning of result.modelWarnings ?? []) {
    context.stderr.write(skippedFossilMessage(context.stderrStyle, warning));
  }
}
