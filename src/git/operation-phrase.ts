import type { InProgressOperation } from './types.js';

/**
 * Names an operation in progress with its article for a sentence: "a merge", "a cherry-pick",
 * and "a git am session" for the one whose name is a command, not a noun.
 */
export function operationPhrase(operation: InProgressOperation): string {
  return operation === 'am' ? 'a git am session' : `a ${operation}`;
}

/** Returns the same phrase for the start of a sentence: "A merge", "A git am session". */
export function capitalizedOperationPhrase(operation: InProgressOperation): string {
  const phrase = operationPhrase(operation);
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}`;
}
