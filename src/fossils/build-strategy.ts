import type { Footprint } from '../footprint/types.js';
import { maskBatch, maskFinding } from '../pipeline/mask-flagged-paths.js';
import { createPathSecretMask } from '../risk/path-secret-mask.js';
import type { Finding } from '../risk/types.js';
import type { Strategy } from '../strategy/types.js';
import { copyBatch, copyFinding } from './copy-fields.js';
import { describeRepositoryState } from './repository-state.js';
import type { FossilDraft } from './types.js';

/**
 * Builds the strategy fossil of a strategy made for `footprint`, whose risk stage reported
 * `findings`. Fields are copied by name, and mitigations keep their masked values only. The
 * tokens of paths that a secret-in-path finding flagged are masked as in the analysis fossil.
 * The strategy file itself keeps the staged paths, because `footprint commit` looks them up
 * in the index.
 */
export function buildStrategyFossil(
  strategy: Strategy,
  footprint: Footprint,
  findings: readonly Finding[],
): FossilDraft<'strategy'> {
  const mask = createPathSecretMask(footprint, findings) ?? ((text: string) => text);
  return {
    repository: describeRepositoryState(footprint.head, strategy.stagedTree),
    payload: {
      schemaVersion: strategy.schemaVersion,
      kind: strategy.kind,
      createdAt: strategy.createdAt,
      mode: strategy.mode,
      head: strategy.head,
      stagedTree: strategy.stagedTree,
      batches: strategy.batches.map((batch) => copyBatch(maskBatch(batch, mask))),
      mitigations: strategy.mitigations.map((finding) => copyFinding(maskFinding(finding, mask))),
      validation: [...strategy.validation],
    },
  };
}
