import { spawnSync } from 'node:child_process';

/**
 * Returns the arguments of process `pid` as `ps` prints them, or null when `ps` fails.
 * NOTE: `ps` prints one line, split here at spaces, so an argument with a space reads as two.
 */
export function readProcessArguments(pid: number): string[] | null {
  const result = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], {
    encoding: 'utf8',
    timeout: 2000,
  });
  if (result.status !== 0 || typeof result.stdout !== 'string') return null;
  return result.stdout.trim().split(/\s+/);
}
