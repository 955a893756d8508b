import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { childProcess } from './child-process.js';
import type { GitConfig } from './config.js';
import type { RepositoryLayout } from './types.js';

/** A hook file found in the hooks folder. */
export interface FoundHook {
  file: string;
  /** False when the file exists but may not be executed; git then skips it with a hint. */
  executable: boolean;
}

/**
 * Finds a hook as git does: in `core.hooksPath` when set (relative to the worktree root, `~/`
 * expanded), else in `<common git dir>/hooks`. Returns null when there is no such file.
 */
export function findHook(
  layout: RepositoryLayout,
  config: GitConfig,
  name: string,
  env: NodeJS.ProcessEnv,
): FoundHook | null {
  const file = path.join(hooksFolder(layout, config, env), name);
  try {
    if (!statSync(file).isFile()) return null;
  } catch {
    return null;
  }

  try {
    accessSync(file, constants.X_OK);
    return { file, executable: true };
  } catch {
    return { file, executable: false };
  }
}

function hooksFolder(layout: RepositoryLayout, config: GitConfig, env: NodeJS.ProcessEnv): string {
  const configured = config.get('core.hooksPath');
  if (configured === undefined || configured === null || configured === '') {
    return path.join(layout.commonDir, 'hooks');
  }
  const expanded = configured.startsWith('~/')
    ? path.join(env['HOME'] ?? homedir(), configured.slice(2))
    : configured;
  return path.resolve(layout.worktree ?? layout.gitDir, expanded);
}

export interface RunHookOptions {
  args: readonly string[];
  /** The whole environment of the hook. */
  env: NodeJS.ProcessEnv;
  /** Receives the hook's stdout and stderr, as git shows both on stderr. */
  output: (chunk: string) => void;
}

/** The end of a hook run: its exit code, the signal that killed it, or a failure to start. */
export type HookExit =
  | { kind: 'exited'; code: number }
  | { kind: 'killed'; signal: NodeJS.Signals }
  | { kind: 'not-started' };

/**
 * Runs a hook in the worktree root (the git directory of a bare repository), as git does,
 * with no stdin, and returns how it ended.
 */
export function runHook(
  layout: RepositoryLayout,
  hook: FoundHook,
  options: RunHookOptions,
): Promise<HookExit> {
  return new Promise((resolve) => {
    const child = childProcess().spawn(hook.file, options.args, {
      cwd: layout.worktree ?? layout.gitDir,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => options.output(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => options.output(chunk.toString('utf8')));
    child.on('error', (error) => {
      options.output(`${hook.file}: ${error.message}\n`);
      resolve({ kind: 'not-started' });
    });
    child.on('close', (code, signal) => {
      if (code !== null) resolve({ kind: 'exited', code });
      else if (signal !== null) resolve({ kind: 'killed', signal });
      else resolve({ kind: 'not-started' });
    });
  });
}
