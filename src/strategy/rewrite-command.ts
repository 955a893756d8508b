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

/**
 * Puts `file`, quoted for a shell, in place of the placeholder in each problem's message, in a
 * command that starts with `invocation`.
 */
export function fillStrategyFile(
  problems: readonly StrategyProblem[],
  file: string,
  invocation = 'footprint',
): StrategyProblem[] {
  const command = rewriteCommand(shellPath(file), invocation);
  return problems.map((problem) => ({
    ...problem,
    message: problem.message.replaceAll(rewriteCommand(), command),
  }));
}
