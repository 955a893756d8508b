import { nowMs } from '../log/clock.js';
import type { OutputStream, Style } from '../output/style.js';
import type { CommandLine } from './args.js';

/** The process facts main() runs with; tests pass their own. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Input of a command: the parsed line, the resolved folder, and styled streams. */
export interface CommandContext {
  line: CommandLine;
  /** Absolute folder the command runs in: `--cwd` resolved, or the process's folder. */
  cwd: string;
  /** The process's folder, which `--cwd` is relative to and a printed command is run in. */
  processCwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutputStream;
  stderr: OutputStream;
  stdoutStyle: Style;
  stderrStyle: Style;
  /** `nowMs()` when main() started, for the time shown in summaries. */
  startedAt: number;
}

/** Milliseconds since main() started. */
export function elapsedMs(context: CommandContext): number {
  return nowMs() - context.startedAt;
}
