import type { CliIo } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { gitTestEnv } from '../helpers/repo.js';

export interface CapturedStream {
  text: string;
  isTTY: boolean;
  columns: number;
  write(chunk: string): boolean;
}

export function captureStream(isTTY = false): CapturedStream {
  return {
    text: '',
    isTTY,
    columns: 100,
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

/** Creates an io for main() whose streams record what was written. */
export function captureIo(
  options: { cwd?: string; env?: NodeJS.ProcessEnv; isTTY?: boolean } = {},
) {
  const stdout = captureStream(options.isTTY);
  const stderr = captureStream(options.isTTY);
  const io: CliIo = {
    stdout,
    stderr,
    env: { LC_ALL: 'C.UTF-8', ...options.env },
    cwd: options.cwd ?? process.cwd(),
  };
  return { io, stdout, stderr };
}

/** Runs main() in `cwd` with the test git environment and returns the exit code and output. */
export async function runCli(cwd: string, ...argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd, env: gitTestEnv() });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
