import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readSync,
  statSync,
} from 'node:fs';
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

/**
 * The end of a hook run: its exit code, the signal that killed it, or a failure to start with
 * its reason, such as a missing `#!` interpreter (see describeStartFailure).
 */
export type HookExit =
  | { kind: 'exited'; code: number }
  | { kind: 'killed'; signal: NodeJS.Signals }
  | { kind: 'not-started'; reason: string; interpreter: boolean };

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
    const cwd = layout.worktree ?? layout.gitDir;
    const child = childProcess().spawn(hook.file, options.args, {
      cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => options.output(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => options.output(chunk.toString('utf8')));
    child.on('error', (error) => resolve(describeStartFailure(hook.file, cwd, error)));
    child.on('close', (code, signal) => {
      if (code !== null) resolve({ kind: 'exited', code });
      else if (signal !== null) resolve({ kind: 'killed', signal });
      else
        resolve({
          kind: 'not-started',
          reason: 'it ended without an exit code',
          interpreter: false,
        });
    });
  });
}

/** Bytes of a hook file read to find its `#!` line. */
const SHEBANG_BYTES = 1024;

/**
 * Explains why a hook file that exists could not be started. The kernel reports a missing or
 * unusable `#!` interpreter as an error of the hook file itself, so the interpreter is read from
 * the file and checked here.
 */
function describeStartFailure(file: string, cwd: string, error: Error): HookExit {
  const fallback = { kind: 'not-started', reason: error.message, interpreter: false } as const;
  const interpreter = readInterpreter(file);
  if (interpreter === null) return fallback;

  // A name with a character JSON escapes, such as a carriage return, is shown escaped.
  const escaped = JSON.stringify(interpreter);
  const named = escaped === `"${interpreter}"` ? interpreter : escaped;
  const names = `its #! line names the interpreter ${named}`;
  const windows = interpreter.endsWith('\r')
    ? ', because the line ends in a carriage return (Windows line ends)'
    : '';
  // The kernel resolves a relative interpreter from the hook's working folder.
  if (!existsSync(path.resolve(cwd, interpreter))) {
    return {
      kind: 'not-started',
      reason: `${names}, which does not exist${windows}`,
      interpreter: true,
    };
  }
  if (!isExecutableFile(path.resolve(cwd, interpreter))) {
    return {
      kind: 'not-started',
      reason: `${names}, which is not an executable file`,
      interpreter: true,
    };
  }
  return fallback;
}

/** Returns the program of a file's `#!` line, or null when the file has no such line. */
function readInterpreter(file: string): string | null {
  let start: string;
  try {
    const descriptor = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(SHEBANG_BYTES);
      start = buffer.toString('utf8', 0, readSync(descriptor, buffer, 0, SHEBANG_BYTES, 0));
    } finally {
      closeSync(descriptor);
    }
  } catch {
    return null;
  }
  if (!start.startsWith('#!')) return null;
  // The kernel splits the line at spaces and tabs only, so a carriage return stays in the name.
  const line = start.slice(2).split('\n', 1)[0] ?? '';
  const program = line.replace(/^[ \t]+/, '').split(/[ \t]/, 1)[0] ?? '';
  return program === '' ? null : program;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
