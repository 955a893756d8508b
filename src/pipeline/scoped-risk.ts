import type { BatchAnalysis } from '../batches/types.js';
import type { RiskScope } from '../config/nearest.js';
import type { FootprintWithContent } from '../footprint/types.js';
import { assessRisk, type RiskOptions } from '../risk/assess.js';
import { isBlocking, scoreFindings } from '../risk/score.js';
import type { Finding, RiskReport } from '../risk/types.js';

/**
 * Runs the risk rules with the configuration nearest to each staged path (see
 * findRiskScopes). Without nested configurations this is one assessRisk call with the root
 * configuration. With them, the rules run once per configuration on the whole change, so
 * rules that look at several files still see them all, and each finding is kept from the run
 * of its own path's configuration. A finding on a path outside the staged change follows
 * the root configuration.
 */
export function assessScopedRisk(
  input: FootprintWithContent,
  analysis: BatchAnalysis,
  options: RiskOptions,
  scopes: ReadonlyMap<string, RiskScope>,
): RiskReport {
  const nested = [...new Set(scopes.values())].filter((scope) => scope.dir !== '');
  if (nested.length === 0) return assessRisk(input, analysis, options);

  const ownerOf = (finding: Finding): RiskScope | null => {
    const scope = scopes.get(finding.path);
    return scope === undefined || scope.dir === '' ? null : scope;
  };
  const findings = assessRisk(input, analysis, options).findings.filter(
    (finding) => ownerOf(finding) === null,
  );
  for (const scope of nested) {
    const config = { ...options.config, risk: scope.risk };
    const report = assessRisk(input, analysis, { ...options, config });
    findings.push(...report.findings.filter((finding) => ownerOf(finding) === scope));
  }

  // Each run sorts its findings by path, line and rule, and a stable sort by path keeps the rest.
  findings.sort(comparePaths);
  return {
    score: scoreFindings(findings),
    blocked: isBlocking(findings, options.config.blockOn[options.mode]),
    findings,
  };
}

function comparePaths(a: Finding, b: Finding): number {
  if (a.path === b.path) return 0;
  return a.path < b.path ? -1 : 1;
}
