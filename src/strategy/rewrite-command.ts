import { realpath } from 'node:fs/promises';
import path from 'node:path';

import { shellPath } from '../output/shell-quote.js';
import type { StrategyProblem } from './types.js';

/**
 * Placeholder for the strategy file in problem messages. validateStrategy does not know the
 * file's path, and the validate command's output puts it in.
 */
export const STRATEGY_FILE_PLACEHOLDER = 'FILE';

/**
 * Returns the command that writes a fresh strategy to `file`, in backticks as messages show it.
 * `invocation` starts the command (see footprintInvocation).
 */
export function rewriteCommand(
  file: string = STRATEGY_FILE_PLACEHOLDER,
  invocation = 'footprint',
): string {
  return `\`${invocation} strategy --output ${file}\``;
}

/** Start of a `git reset` command in problem messages. Its paths are from the worktree's top. */
const GIT_RESET = '`git reset ';

/**
 * Puts `file`, quoted for a shell, in place of the placeholder in each problem's message, in a
 * command that starts with `invocation`. `worktree` is the path of the worktree's top folder
 * from the shell's folder. Unless it is `''`, each `git reset` command gets `-C worktree`.
 */
export function fillStrategyFile(
  problems: readonly StrategyProblem[],
  file: string,
  invocation = 'footprint',
  worktree = '',
): StrategyProblem[] {
  const command = rewriteCommand(shellPath(file), invocation);
  const reset = worktree === '' ? GIT_RESET : `\`git -C ${shellPath(worktree)} reset `;
  return problems.map((problem) => ({
    ...problem,
    message: problem.message.replaceAll(rewriteCommand(), command).replaceAll(GIT_RESET, reset),
  }));
}

/**
 * Returns the path of `worktree` from `shellFolder`, as fillStrategyFile takes it. It is `''`
 * when both are the same folder, also through symbolic links.
 */
export async function findWorktreeFromShell(
  worktree: string,
  shellFolder: string,
): Promise<string> {
  const [top, shell] = await Promise.all(
    [worktree, shellFolder].map((folder) => realpath(folder).catch(() => path.resolve(folder))),
  );
  return path.relative(shell ?? shellFolder, top ?? worktree);
}
