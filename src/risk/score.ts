import type { Finding, Severity } from './types.js';

/**
 * Score range of each severity: a change whose most severe finding has this severity scores
 * from `floor` up to, but not reaching, `ceiling`. Any finding of one severity therefore
 * scores at least as high as any number of findings of lower severities, and one critical
 * finding alone gives 0.9.
 */
export const SEVERITY_BANDS: Readonly<Record<Severity, { floor: number; ceiling: number }>> = {
  info: { floor: 0, ceiling: 0 },
  low: { floor: 0.1, ceiling: 0.3 },
  medium: { floor: 0.3, ceiling: 0.5 },
  high: { floor: 0.5, ceiling: 0.9 },
  critical: { floor: 0.9, ceiling: 1 },
};

/**
 * Weight of one further finding of each severity, the share of its band's remaining room it
 * takes. Each is a rough estimate, chosen by hand, of how much such a finding adds to the risk.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  info: 0,
  low: 0.1,
  medium: 0.25,
  high: 0.5,
  critical: 0.9,
};

/** Factor applied to each further finding of one rule, so repeats of a rule count less and less. */
export const REPEAT_FACTOR = 0.5;

const RANK: Readonly<Record<Severity, number>> = {
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

/** Returns each finding's weight, with the n-th finding (from 0) of a rule weighted by REPEAT_FACTOR^n. */
function weighFindings(findings: readonly Finding[]): number[] {
  const byRule = new Map<string, number[]>();
  for (const finding of findings) {
    const weights = byRule.get(finding.rule) ?? [];
    weights.push(SEVERITY_WEIGHTS[finding.severity]);
    byRule.set(finding.rule, weights);
  }

  const weighted: number[] = [];
  for (const weights of byRule.values()) {
    weights.sort((a, b) => b - a);
    weights.forEach((weight, index) => weighted.push(weight * REPEAT_FACTOR ** index));
  }
  return weighted.sort((a, b) => b - a);
}

/**
 * Combines findings into a score in [0, 1]. The most severe finding sets the band (see
 * SEVERITY_BANDS) and the score starts at its floor; the other findings fill the band's room
 * as 1 − Π(1 − weight), where the n-th finding of one rule weighs REPEAT_FACTOR^n of its
 * severity's weight. So more findings never lower the score, dozens of low findings stay
 * below one medium finding, and a rule that fires on many files counts little more than
 * once. Rounded to four decimals, and kept below the band's ceiling.
 */
export function scoreFindings(findings: readonly Finding[]): number {
  let top: Severity = 'info';
  for (const finding of findings) if (RANK[finding.severity] > RANK[top]) top = finding.severity;
  const band = SEVERITY_BANDS[top];
  if (band.ceiling === band.floor) return band.floor;

  // The largest weight is the top finding's own, which the floor already counts.
  const others = weighFindings(findings).slice(1);
  let remaining = 1;
  for (const weight of others) remaining *= 1 - weight;

  const score = band.floor + (band.ceiling - band.floor) * (1 - remaining);
  const rounded = Math.round(score * 10_000) / 10_000;
  const belowCeiling = top === 'critical' ? band.ceiling : band.ceiling - 0.0001;
  return Math.min(belowCeiling, Math.max(band.floor, rounded));
}

/** Returns true when any finding is critical or has a severity the mode blocks on. */
export function isBlocking(findings: readonly Finding[], blockOn: readonly Severity[]): boolean {
  return findings.some(
    (finding) => finding.severity === 'critical' || blockOn.includes(finding.severity),
  );
}
