import type { Finding, Severity } from './types.js';

/**
 * Weight of one finding of each severity in the risk score. Each is a rough estimate, chosen by
 * hand, of the chance that such a finding is a real problem in the commit. With these weights
 * `info` findings never raise the score, a critical finding alone gives 0.9 and two high
 * findings give 0.75.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  info: 0,
  low: 0.1,
  medium: 0.25,
  high: 0.5,
  critical: 0.9,
};

/**
 * Combines findings into a score in [0, 1] as 1 − Π(1 − weight): each finding adds its weight
 * of the risk that is left, so more findings never lower the score and it never exceeds 1.
 * Rounded to four decimals so the same findings always print the same score.
 */
export function scoreFindings(findings: readonly Finding[]): number {
  let remaining = 1;
  for (const finding of findings) remaining *= 1 - SEVERITY_WEIGHTS[finding.severity];
  const score = Math.round((1 - remaining) * 10_000) / 10_000;
  return Math.min(1, Math.max(0, score));
}

/** Returns true when any finding is critical or has a severity the mode blocks on. */
export function isBlocking(findings: readonly Finding[], blockOn: readonly Severity[]): boolean {
  return findings.some(
    (finding) => finding.severity === 'critical' || blockOn.includes(finding.severity),
  );
}
