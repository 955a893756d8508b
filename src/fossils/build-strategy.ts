import type { HeadState } from '../git/types.js';
import type { Strategy } from '../strategy/types.js';
import { copyBatch, copyFinding } from './copy-fields.js';
import { describeRepositoryState } from './repository-state.js';
import type { FossilDraft } from './types.js';

/**
 * Builds the strategy fossil of a strategy made for the repository at `head`. Fields are
 * copied by name, and mitigations keep their masked values only.
 */
export function buildStrategyFossil(strategy: Strategy, head: HeadState): FossilDraft<'strategy'> {
  return {
    repository: describeRepositoryState(head, strategy.stagedTree),
    payload: {
      schemaVersion: strategy.schemaVersion,
      kind: strategy.kind,
      createdAt: strategy.createdAt,
      mode: strategy.mode,
      head: strategy.head,
      stagedTree: strategy.stagedTree,
      batches: strategy.batches.map(copyBatch),
      mitigations: strategy.mitigations.map(copyFinding),
      validation: [...strategy.validation],
    },
  };
}
