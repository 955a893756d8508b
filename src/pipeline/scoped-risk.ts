import type { BatchAnalysis } from '../batches/types.js';
import type { RiskScope } from '../config/nearest.js';
import type { Config } from '../config/types.js';
import type { FootprintWithContent } from '../footprint/types.js';
import { assessRiskWithSecrets, type RiskAssessment, type RiskOptions } from '../risk/assess.js';

/**
 * Runs the risk rules once on the whole change, each staged path under the configuration
 * nearest to it (see findRiskScopes), so rules that compare files (a manifest and the root
 * lockfile, paths that differ in case) see them all. Paths with no nested configuration, and
 * findings about the whole change, follow the root configuration.
 */
export function assessScopedRisk(
  input: FootprintWithContent,
  analysis: BatchAnalysis,
  options: RiskOptions,
  scopes: ReadonlyMap<string, RiskScope>,
): RiskAssessment {
  const riskByPath = new Map<string, Config['risk']>();
  for (const [path, scope] of scopes) {
    if (scope.dir !== '') riskByPath.set(path, scope.risk);
  }
  const scoped = riskByPath.size === 0 ? options : { ...options, riskByPath };
  return assessRiskWithSecrets(input, analysis, scoped);
}
