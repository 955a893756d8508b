import type { GitReader } from '../git/types.js';
import { hasStrategyShape } from './shape.js';

/**
 * Returns true when `strategy` was made at a HEAD other than `currentHead` that names no
 * commit in the repository of `reader`: a strategy from another repository, or one whose
 * commit was removed. Returns false for a malformed document, which the schema check reports.
 */
export async function isStrategyHeadMissing(
  reader: GitReader,
  strategy: unknown,
  currentHead: string | null,
): Promise<boolean> {
  if (!hasStrategyShape(strategy)) return false;
  const head = strategy.head;
  if (head === null || head === currentHead || reader.hasCommit === undefined) return false;
  return !(await reader.hasCommit(head));
}
