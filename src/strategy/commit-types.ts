import type { CommitType } from '../batches/types.js';

/** Every type a batch message may start with, as a record so the compiler finds one missing. */
const COMMIT_TYPES: Record<CommitType, true> = {
  feat: true,
  fix: true,
  refactor: true,
  test: true,
  docs: true,
  build: true,
  ci: true,
  chore: true,
  perf: true,
  style: true,
};

/** The known types as a message lists them: `feat, fix, refactor, ...`. */
export const TYPE_LIST = Object.keys(COMMIT_TYPES).join(', ');

/** Returns true when `type` is one of the Conventional Commits types that batches use. */
export function isCommitType(type: string): type is CommitType {
  return Object.hasOwn(COMMIT_TYPES, type);
}
