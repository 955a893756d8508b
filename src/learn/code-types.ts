import { WORD_PREFIX } from '../batches/code-features.js';
import type { CodeTypeCount } from './counts-document.js';

/** Code commits a model needs before it names a type for changed code. */
export const MIN_CODE_COMMITS = 30;

/** Share of the posterior the most likely type needs to be named: as likely as all others. */
const CODE_TYPE_SHARE = 0.5;

/** A type for changed code, its share of the posterior in [0, 1], and the history's counts. */
export interface CodeTypeGuess {
  type: string;
  share: number;
  /** The posterior share of every type, by type. */
  shares: Readonly<Record<string, number>>;
  /** Code commits of each type in the learned history, by type. */
  commits: Readonly<Record<string, number>>;
}

/** The code commits of one type: how many, and how many had each feature. */
interface TypeEvidence {
  commits: number;
  features: Map<string, number>;
}

/** Returns the evidence per type, with the commits of all types. */
function indexCodeTypes(entries: readonly CodeTypeCount[]): {
  types: Map<string, TypeEvidence>;
  commits: number;
} {
  const types = new Map<string, TypeEvidence>();
  let commits = 0;
  for (const [type, feature, count] of entries) {
    const evidence = types.get(type) ?? { commits: 0, features: new Map<string, number>() };
    if (feature === '') {
      evidence.commits = count;
      commits += count;
    } else evidence.features.set(feature, count);
    types.set(type, evidence);
  }
  return { types, commits };
}

/**
 * Weight of a feature's share among all code commits in its estimate for one type (an
 * m-estimate): a type of few commits stays near that share, so rare features do not favour
 * rare types.
 */
const PRIOR_WEIGHT = 30;

/**
 * Weight of each path word in the log-likelihood. A change has several words that often go
 * together, so at full weight they would count the same evidence several times.
 */
const WORD_WEIGHT = 0.5;

/**
 * Builds a naive Bayes classifier of the types of a repository's code commits by their
 * features (see codeFeatures). It returns the most likely type, the posterior share of each
 * type and the code commits of each type, or null under MIN_CODE_COMMITS commits or under
 * CODE_TYPE_SHARE. Each feature present counts, estimated per type with PRIOR_WEIGHT, and path
 * words with WORD_WEIGHT. A feature no learned commit had is left out.
 */
export function createCodeTypeClassifier(
  entries: readonly CodeTypeCount[],
): (features: readonly string[]) => CodeTypeGuess | null {
  const { types, commits } = indexCodeTypes(entries);
  const commitsByType = Object.fromEntries(
    [...types].map(([type, { commits }]) => [type, commits]),
  );
  const totals = new Map<string, number>();
  for (const evidence of types.values()) {
    evidence.features.forEach((count, name) => totals.set(name, (totals.get(name) ?? 0) + count));
  }

  return (features) => {
    if (commits < MIN_CODE_COMMITS) return null;
    const present = features.flatMap((feature) => {
      const total = totals.get(feature);
      const weight = feature.startsWith(WORD_PREFIX) ? WORD_WEIGHT : 1;
      return total === undefined ? [] : [{ feature, share: total / commits, weight }];
    });
    const scores = [...types].map(([type, evidence]) => {
      let score = Math.log((evidence.commits + 1) / (commits + types.size));
      for (const { feature, share, weight } of present) {
        const count = evidence.features.get(feature) ?? 0;
        const likelihood = (count + PRIOR_WEIGHT * share) / (evidence.commits + PRIOR_WEIGHT);
        score += weight * Math.log(likelihood);
      }
      return { type, score };
    });
    const best = bestShare(scores);
    return best === null ? null : { ...best, commits: commitsByType };
  };
}

/** Returns the type with the highest score with the posterior share of every type, or null. */
function bestShare(
  scores: ReadonlyArray<{ type: string; score: number }>,
): Omit<CodeTypeGuess, 'commits'> | null {
  const top = Math.max(...scores.map(({ score }) => score));
  const total = scores.reduce((sum, { score }) => sum + Math.exp(score - top), 0);
  const shares = Object.fromEntries(
    scores.map(({ type, score }) => [type, Math.exp(score - top) / total]),
  );
  const best = [...scores].sort((a, b) => b.score - a.score || (a.type < b.type ? -1 : 1))[0];
  if (best === undefined) return null;
  const share = shares[best.type] ?? 0;
  return share >= CODE_TYPE_SHARE ? { type: best.type, share, shares } : null;
}
