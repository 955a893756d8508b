import type { CoChangeModel } from '../batches/co-change.js';
import type { CoChangeStats, Model } from './model-types.js';

/** Pairs that changed together fewer times than this may have met by chance. */
export const MIN_SUPPORT = 2;

/**
 * Returns the strength of a co-change tie in [0, 1]: the higher of the two confidences,
 * discounted by support/(support + 1) so that few commits weigh less than many. A pair seen
 * fewer than MIN_SUPPORT times, or no more often than chance (lift <= 1, as with a file that
 * changes in every commit), has no strength.
 */
export function coChangeStrength(
  forward: CoChangeStats | null,
  backward: CoChangeStats | null,
): number {
  if (forward === null || backward === null) return 0;
  if (forward.support < MIN_SUPPORT || forward.lift <= 1) return 0;
  const confidence = Math.max(forward.confidence, backward.confidence);
  return confidence * (forward.support / (forward.support + 1));
}

/** What batch analysis may read of a model besides CoChangeModel's lookups. */
export interface LearnedHabits {
  sizeTargets: Model['sizeTargets'];
  kindOrder: Model['kindOrder'];
  usesConventionalCommits: boolean;
  scopes: Model['scopes'];
  commitTypes: Model['commitTypes'];
}

/**
 * Adapts a learned model to what batch analysis reads: a co-change strength and a scope, plus
 * the size targets, kind order and message vocabulary for analysis that reads them.
 */
export function toCoChangeModel(model: Model): CoChangeModel & LearnedHabits {
  return {
    coChange: (pathA, pathB) =>
      coChangeStrength(model.coChange(pathA, pathB), model.coChange(pathB, pathA)),
    scopeFor: (paths) => model.scopeFor(paths),
    scopeUseFor: (paths, scope) => model.scopeUseFor(paths, scope),
    usesScopes: model.usesScopes,
    typeFor: (paths, release, bumpsActions) => model.typeFor(paths, release, bumpsActions),
    kindScopeFor: (paths, release, bumpsActions) =>
      model.kindScopeFor(paths, release, bumpsActions),
    codeTypeFor: (features) => model.codeTypeFor(features),
    sizeTargets: model.sizeTargets,
    kindOrder: model.kindOrder,
    usesConventionalCommits: model.usesConventionalCommits,
    scopes: model.scopes,
    commitTypes: model.commitTypes,
  };
}
