import { spawnSync } from 'node:child_process';

/**
 * Runs git in `cwd` and returns stdout. User-wide and system configuration are not read, and
 * the GIT_* variables of the calling shell or hook are dropped, so every run reads the
 * repository the same way. Throws with git's stderr when git fails.
 */
export function git(cwd: string, args: readonly string[]): string {
  const env: NodeJS.ProcessEnv = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(GIT_|FOOTPRINT)/.test(key)) env[key] = value;
  }

  const result = spawnSync('git', args, {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `git ${args.join(' ')} failed in ${cwd} with exit ${result.status}: ${result.stderr.trim()}`,
    );
  }
  return result.stdout;
}
