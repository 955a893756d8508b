import type { Finding, RiskReport, Severity } from '../risk/types.js';
import { isBlocking, scoreFindings } from '../risk/score.js';
import { createDebug } from '../log/debug.js';
import { redactSecrets } from './redact.js';
import type { RiskNote } from './types.js';

const debug = createDebug('insights');

const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

/** Maximum length of a model's note in a finding's message, which the summary prints. */
const MAX_NOTE_LENGTH = 300;

/**
 * Characters removed from a note, because they could make it look like other text, such as
 * a verdict. They are control characters, the bidirectional overrides, embeddings, isolates
 * and marks, zero-width characters, and the status marks footprint's lines start with.
 */
const CONTROL_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  /(?:[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\u2139\u26a0\u2714\u2716]|\ufe0f)+/g;

function notesOn(finding: Finding, notes: readonly RiskNote[]): RiskNote[] {
  return notes.filter((note) => note.rule === finding.rule && note.path === finding.path);
}

/**
 * Returns a note as one line for a finding's message: redacted, each run of control characters
 * and whitespace made one space, and cut to MAX_NOTE_LENGTH characters (code points). The
 * reader redacts notes already, and this redacts again because a note can also come from
 * another provider or from a test.
 */
function formatNote(note: string): string {
  const line = redactSecrets(note).replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  const characters = [...line];
  if (characters.length <= MAX_NOTE_LENGTH) return line;
  return `${characters
    .slice(0, MAX_NOTE_LENGTH - 3)
    .join('')
    .trimEnd()}...`;
}

/** Returns the text with a period at its end, unless it ends a sentence already. */
function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed === '' || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Returns the finding at the highest severity its notes give, or the finding itself. The raised
 * finding's message ends with who raised it and the note that gave that severity, because the
 * note is the reason a commit may now be blocked.
 */
/** Words that end the sentence a raised finding's message gains, which isRaisedByInsights finds. */
const RAISED_SUFFIX = 'insight provider';
const RAISED_SENTENCE = new RegExp(`Raised from \\w+ to \\w+ by the \\S+ ${RAISED_SUFFIX}`);

/** Returns true when an insight provider raised the finding's severity. */
export function isRaisedByInsights(finding: Finding): boolean {
  return RAISED_SENTENCE.test(finding.message);
}

function raiseFinding(finding: Finding, notes: readonly RiskNote[], provider: string): Finding {
  let highest: RiskNote | null = null;
  for (const note of notesOn(finding, notes)) {
    const floor = highest?.severity ?? finding.severity;
    if (SEVERITY_RANK[note.severity] > SEVERITY_RANK[floor]) highest = note;
  }
  if (highest === null) return finding;

  debug(
    `${finding.rule} at ${finding.path} raised from ${finding.severity} to ${highest.severity}`,
  );
  const raised = `Raised from ${finding.severity} to ${highest.severity} by the ${provider} ${RAISED_SUFFIX}`;
  const reason = formatNote(highest.note);
  const sentence = endSentence(reason === '' ? raised : `${raised}: ${reason}`);
  const message = [endSentence(finding.message), sentence].filter((part) => part !== '').join(' ');
  return { ...finding, severity: highest.severity, message };
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
      ...risk,
      score: Math.max(risk.score, scoreFindings(findings)),
      blocked: risk.blocked || isBlocking(findings, blockOn),
      findings,
    },
    notes: applicable,
  };
}
