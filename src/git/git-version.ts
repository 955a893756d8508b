import { childProcess } from './child-process.js';

/** A git version as major, minor and patch numbers: `[2, 39, 5]` for git 2.39.5. */
export type GitVersion = readonly [number, number, number];

let cached: Promise<GitVersion | null> | undefined;

/**
 * Parses the output of `git --version` (`git version 2.39.5`, `git version 2.40.0.windows.1`),
 * or returns null when it names no version.
 */
export function parseGitVersion(output: string): GitVersion | null {
  const match = /^git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(output.trim());
  if (match === null) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** Returns true when `version` is `minimum` or newer. */
export function isGitVersionAtLeast(version: GitVersion, minimum: GitVersion): boolean {
  for (let index = 0; index < 3; index += 1) {
    const difference = (version[index] as number) - (minimum[index] as number);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/**
 * Reads the version of the `git` that PATH in `env` finds, once per process. Returns null when
 * git does not run or prints no version.
 */
export function readGitVersion(env: NodeJS.ProcessEnv): Promise<GitVersion | null> {
  cached ??= new Promise((resolve) => {
    childProcess().execFile('git', ['--version'], { env, encoding: 'utf8' }, (error, stdout) =>
      resolve(error === null ? parseGitVersion(stdout) : null),
    );
  });
  return cached;
}
