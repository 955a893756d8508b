import { spawn } from 'node:child_process';
import { footprintBin, gitTestEnv } from '../helpers/repo.js';

/** The outcome of a process run with runAsync. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Returns the test environment without the machine's ANTHROPIC_ variables, plus `extra`. */
export function hermeticEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = gitTestEnv();
  for (const name of Object.keys(env)) {
    if (name.startsWith('ANTHROPIC_')) delete env[name];
  }
  return { ...env, LC_ALL: 'C.UTF-8', ...extra };
}

/**
 * Runs a command without blocking the event loop, because a fake Messages API server in the
 * test process must respond while it runs.
 */
export function runAsync(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<RunResult> {
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs the built footprint CLI in `cwd` with runAsync. */
export function runFootprint(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<RunResult> {
  return runAsync(process.execPath, [footprintBin, ...args], cwd, env);
}
