import type { Finding, RiskReport, Severity } from '../risk/types.js';
import { isBlocking, scoreFindings } from '../risk/score.js';
import { createDebug } from '../log/debug.js';
import type { RiskNote } from './types.js';

const debug = createDebug('insights');

const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

function notesOn(finding: Finding, notes: readonly RiskNote[]): RiskNote[] {
  return notes.filter((note) => note.rule === finding.rule && note.path === finding.path);
}

/** Returns the finding at the highest severity its notes give, or the finding itself. */
function raiseFinding(finding: Finding, notes: readonly RiskNote[], provider: string): Finding {
  const highest = notesOn(finding, notes).reduce<Severity>(
    (severity, note) =>
      SEVERITY_RANK[note.severity] > SEVERITY_RANK[severity] ? note.severity : severity,
    finding.severity,
  );
  if (highest === finding.severity) return finding;

  debug(`${finding.rule} at ${finding.path} raised from ${finding.severity} to ${highest}`);
  const reason = ` Raised from ${finding.severity} to ${highest} by the ${provider} insight provider.`;
  return { ...finding, severity: highest, message: `${finding.message}${reason}` };
}

/**
 * Applies risk notes to a risk report. A note may raise the severity of the findings of its
 * rule and path, and a note that would lower one or names no finding is dropped, so the
 * findings' severities never go down. When a severity rises, `blocked` becomes the old value
 * or whether the raised findings block under `blockOn`, so a provider can block a commit but
 * never unblock one. Returns the report and the notes applied.
 */
export function raiseSeverities(
  risk: RiskReport,
  notes: readonly RiskNote[],
  blockOn: readonly Severity[],
  provider: string,
): { risk: RiskReport; notes: RiskNote[] } {
  const applicable = notes.filter((note) =>
    risk.findings.some(
      (finding) =>
        note.rule === finding.rule &&
        note.path === finding.path &&
        SEVERITY_RANK[note.severity] >= SEVERITY_RANK[finding.severity],
    ),
  );
  if (applicable.length < notes.length)
    debug(
      `dropped ${notes.length - applicable.length} risk notes that would lower a severity or name no finding`,
    );

  const findings = risk.findings.map((finding) => raiseFinding(finding, applicable, provider));
  // Unchanged findings keep the risk stage's report exactly as it was.
  if (findings.every((finding, index) => finding === risk.findings[index])) {
    return { risk, notes: applicable };
  }
  return {
    risk: {
      score: Math.max(risk.score, scoreFindings(findings)),
      blocked: risk.blocked || isBlocking(findings, blockOn),
      findings,
    },
    notes: applicable,
  };
}
