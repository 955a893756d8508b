import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import type { StrategyProblem } from './types.js';

/**
 * Masks the provider tokens in each problem's path and message (`keys/ghp_********.txt`).
 * A strategy file names staged paths as they are, and a path that contains a token may no longer
 * be staged, so no risk finding flags it, yet the message would copy it to a terminal or a CI
 * log. A token path that `risk.allow` allows is masked here too, since validation reads no
 * risk configuration.
 */
export function maskProblemSecrets(problems: readonly StrategyProblem[]): StrategyProblem[] {
  return problems.map((problem) => {
    const copy = { ...problem, message: maskNameSecrets(problem.message) };
    if (problem.path !== undefined) copy.path = maskNameSecrets(problem.path);
    return copy;
  });
}
