import type { ChildProcessWithoutNullStreams, SpawnOptions } from 'node:child_process';

import { createDebug } from '../log/debug.js';
import { childProcess } from './child-process.js';
import type { RepositoryLayout } from './types.js';

const debug = createDebug('git');

/** Options placed before every subcommand. */
const GLOBAL_ARGS = [
  // Print paths as raw UTF-8 instead of octal escapes, so they equal the index's paths.
  '-c',
  'core.quotepath=false',
  // `git diff` against the worktree rewrites the index to refresh stat data even with
  // GIT_OPTIONAL_LOCKS=0 (seen with git 2.39); this setting turns that refresh off.
  '-c',
  'diff.autoRefreshIndex=false',
  // Replace refs (`git replace`) are followed, as by git's own commands: a repository that has
  // any is read through git, because the native reader reads objects as stored.
] as const;

/**
 * Inherited variables that choose git's configuration or helper programs, not which
 * repository it reads; every other GIT_* variable is removed. A hook's GIT_DIR, GIT_INDEX_FILE
 * or GIT_PREFIX must not leak into commands that name their repository explicitly.
 */
const KEPT_GIT_VARIABLES = new Set([
  'GIT_EXEC_PATH',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
]);
const KEPT_GIT_PATTERN = /^GIT_CONFIG_(?:KEY|VALUE)_\d+$/;

const DEFAULT_MAX_BUFFER = 256 * 1024 * 1024;

export interface RunGitOptions {
  input?: Buffer | string;
  /** Largest stdout accepted, in bytes; more fails the command. Default 256 MiB. */
  maxBuffer?: number;
}

/** A git command that failed: the command line, exit code and stderr. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';

  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    options: { cause?: unknown; reason?: string | undefined } = {},
  ) {
    const reason = options.reason ?? `exit code ${exitCode}`;
    const detail = stderr.trim() === '' ? '' : `: ${stderr.trim()}`;
    super(`${command} failed with ${reason}${detail}`, { cause: options.cause });
  }
}

/** The argument list, environment and folder for running git against `layout`. */
export interface GitInvocation {
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * Builds a git invocation that names the repository explicitly (`--git-dir`, `--work-tree` or
 * `--bare`, GIT_INDEX_FILE) and that does not rewrite the index: GIT_OPTIONAL_LOCKS=0 stops
 * `git status` from refreshing it and diff.autoRefreshIndex=false stops `git diff`.
 */
export function gitInvocation(
  layout: RepositoryLayout,
  args: readonly string[],
  baseEnv: NodeJS.ProcessEnv = process.env,
): GitInvocation {
  const location = layout.worktree
    ? [`--git-dir=${layout.gitDir}`, `--work-tree=${layout.worktree}`]
    : ['--bare', `--git-dir=${layout.gitDir}`];
  return {
    args: [...GLOBAL_ARGS, ...location, ...args],
    env: gitEnvironment(layout, baseEnv),
    cwd: layout.worktree ?? layout.gitDir,
  };
}

/** Returns `baseEnv` without inherited repository variables, plus the layout's and locale's. */
export function gitEnvironment(
  layout: RepositoryLayout,
  baseEnv: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(baseEnv)) {
    if (!key.startsWith('GIT_') || KEPT_GIT_VARIABLES.has(key) || KEPT_GIT_PATTERN.test(key)) {
      env[key] = value;
    }
  }

  env['GIT_INDEX_FILE'] = layout.indexFile;
  if (layout.commonDir !== layout.gitDir) env['GIT_COMMON_DIR'] = layout.commonDir;
  env['GIT_OPTIONAL_LOCKS'] = '0';
  env['LC_ALL'] = 'C';
  return env;
}

/** Runs git against `layout` and returns stdout; rejects with a GitCommandError on failure. */
export function runGit(
  layout: RepositoryLayout,
  args: readonly string[],
  options: RunGitOptions = {},
): Promise<Buffer> {
  const invocation = gitInvocation(layout, args);
  const command = formatCommand(args);
  const maxBuffer = options.maxBuffer ?? DEFAULT_MAX_BUFFER;
  debug(`run ${command}`);

  return new Promise((resolve, reject) => {
    const child = spawnGit(invocation);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutLength = 0;
    let failure: GitCommandError | null = null;

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutLength += chunk.length;
      if (stdoutLength <= maxBuffer) stdout.push(chunk);
      else if (!failure) {
        failure = new GitCommandError(command, null, '', {
          reason: `more than ${maxBuffer} bytes of output`,
        });
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(spawnFailure(command, error)));
    child.on('close', (code, signal) => {
      const stderrText = Buffer.concat(stderr).toString('utf8');
      const reason = signal === null ? undefined : `signal ${signal}`;
      if (failure) reject(failure);
      else if (code !== 0) reject(new GitCommandError(command, code, stderrText, { reason }));
      else resolve(Buffer.concat(stdout, stdoutLength));
    });
    writeInput(child, options.input);
  });
}

/** Runs git synchronously; for the few callers that cannot await. */
export function runGitSync(
  layout: RepositoryLayout,
  args: readonly string[],
  options: RunGitOptions = {},
): Buffer {
  const invocation = gitInvocation(layout, args);
  const command = formatCommand(args);
  debug(`run ${command}`);

  const result = childProcess().spawnSync('git', invocation.args, {
    cwd: invocation.cwd,
    env: invocation.env,
    input: options.input,
    maxBuffer: options.maxBuffer ?? DEFAULT_MAX_BUFFER,
  });
  if (result.error) throw spawnFailure(command, result.error);
  if (result.status !== 0) {
    throw new GitCommandError(command, result.status, result.stderr.toString('utf8'));
  }
  return result.stdout;
}

/**
 * Starts git with piped stdin, stdout and stderr, for long-running commands such as
 * `cat-file --batch`. The caller reads the streams and handles the exit.
 */
export function spawnGit(invocation: GitInvocation): ChildProcessWithoutNullStreams {
  const options: SpawnOptions = { cwd: invocation.cwd, env: invocation.env, stdio: 'pipe' };
  return childProcess().spawn('git', invocation.args, options) as ChildProcessWithoutNullStreams;
}

function writeInput(child: ChildProcessWithoutNullStreams, input: Buffer | string | undefined) {
  // git may exit before reading all of stdin; the exit code reports that, not EPIPE.
  child.stdin.on('error', () => {});
  if (input === undefined) child.stdin.end();
  else child.stdin.end(input);
}

function spawnFailure(command: string, error: Error): GitCommandError {
  return new GitCommandError(command, null, '', { cause: error, reason: error.message });
}

function formatCommand(args: readonly string[]): string {
  return ['git', ...args].join(' ');
}
