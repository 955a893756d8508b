import { spawnSync } from 'node:child_process';

/**
 * Returns the environment for every command the benchmark runs. It has no system or global git
 * configuration, a fixed identity, and none of the GIT_*, FOOTPRINT* or ANTHROPIC* variables of
 * the shell or hook that started the benchmark, so every run reads the repository the same way.
 */
export function benchEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(GIT_|FOOTPRINT|ANTHROPIC)/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Bench Author',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench Author',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    ...extra,
  };
}

/** Runs git in `cwd` and returns stdout. Throws with git's stderr when git fails. */
export function git(cwd: string, args: readonly string[], input?: string): string {
  const result = spawnSync('git', args, {
    cwd,
    env: benchEnv(),
    encoding: 'utf8',
    input,
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
