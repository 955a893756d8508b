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

/** Starts of the git commands in problem messages: `git reset` and `git add -- PATH`. */
const PATH_COMMANDS = ['reset ', 'add -- '];

/**
 * Puts `file`, quoted for a shell, in place of the placeholder in each problem's message, in a
 * command that starts with `invocation`. `worktree` is the path of the worktree's top folder
 * from the shell's folder. Unless it is `''`, each of those git commands gets `-C worktree`,
 * because a shell outside the worktree runs git in no repository or in another one.
 */
export function fillStrategyFile(
  problems: readonly StrategyProblem[],
  file: string,
  invocation = 'footprint',
  worktree = '',
): StrategyProblem[] {
  const command = rewriteCommand(shellPath(file), invocation);
  return problems.map((problem) => {
    let message = problem.message.replaceAll(rewriteCommand(), command);
    if (worktree !== '') {
      for (const start of PATH_COMMANDS) {
        message = message.replaceAll(`\`git ${start}`, `\`git -C ${shellPath(worktree)} ${start}`);
      }
    }
    return { ...problem, message };
  });
}

/**
 * Returns the path of `worktree` from `shellFolder`, as fillStrategyFile takes it. It is `''`
 * when the shell's folder is the worktree or a folder inside it, also through symbolic links,
 * where top-folder pathspecs need no `-C`.
 */
export async function findWorktreeFromShell(
  worktree: string,
  shellFolder: string,
): Promise<string> {
  const [top, shell] = await Promise.all(
    [worktree, shellFolder].map((folder) => realpath(folder).catch(() => path.resolve(folder))),
  );
  const relative = path.relative(shell ?? shellFolder, top ?? worktree);
  const inside = relative.split(path.sep).every((segment) => segment === '..' || segment === '');
  return inside ? '' : relative;
}
