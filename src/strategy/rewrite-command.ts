/**
 * Placeholder for the strategy file in problem messages. validateStrategy does not know the
 * file's path, and the validate command's output puts it in.
 */
export const STRATEGY_FILE_PLACEHOLDER = 'FILE';

/** Returns the command that writes a fresh strategy to `file`, in backticks as messages show it. */
export function rewriteCommand(file: string = STRATEGY_FILE_PLACEHOLDER): string {
  return `\`footprint strategy --output ${file}\``;
}
