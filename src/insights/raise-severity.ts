import type { Finding, RiskReport, Severity } from '../risk/types.js';
import { scoreFindings } from '../risk/score.js';
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

const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/**
 * Returns the highest severity that does not block under `blockOn`: the one below the lowest
 * blocking severity, where critical always blocks. Returns null when even `info` blocks.
 */
export function highestPassingSeverity(blockOn: readonly Severity[]): Severity | null {
  const blocking = SEVERITIES.findIndex((severity) => isBlockingSeverity(severity, blockOn));
  return blocking <= 0 ? null : (SEVERITIES[blocking - 1] ?? null);
}

function isBlockingSeverity(severity: Severity, blockOn: readonly Severity[]): boolean {
  return severity === 'critical' || blockOn.includes(severity);
}

/**
 * Returns the finding with the highest of its notes applied. The note raises the severity no
 * higher than `ceiling`, so a note never makes a finding block. The message gains a sentence
 * that names the provider, the severity it rated and its note, also when nothing was raised.
 */
function raiseFinding(
  finding: Finding,
  notes: readonly RiskNote[],
  provider: string,
  ceiling: Severity | null,
): Finding {
  let highest: RiskNote | null = null;
  for (const note of notesOn(finding, notes)) {
    const floor = highest?.severity ?? finding.severity;
    if (SEVERITY_RANK[note.severity] > SEVERITY_RANK[floor]) highest = note;
  }
  if (highest === null) return finding;

  const rated = highest.severity;
  const target =
    ceiling === null || SEVERITY_RANK[rated] <= SEVERITY_RANK[ceiling] ? rated : ceiling;
  const raises = SEVERITY_RANK[target] > SEVERITY_RANK[finding.severity];
  const severity = raises ? target : finding.severity;
  debug(`${finding.rule} at ${finding.path} rated ${rated}, now ${severity}`);

  const by = `by the ${provider} insight provider`;
  let sentence = `Rated ${rated} ${by}`;
  if (raises) {
    sentence = `Raised from ${finding.severity} to ${target} ${by}`;
    if (target !== rated) sentence += `, which rated it ${rated}`;
  }
  const reason = formatNote(highest.note);
  const ended = endSentence(reason === '' ? sentence : `${sentence}: ${reason}`);
  const message = [endSentence(finding.message), ended].filter((part) => part !== '').join(' ');
  return { ...finding, severity, message };
}

/**
 * Applies risk notes to a risk report. A note may raise the severity of the findings of its
 * rule and path, and a note that would lower one or names no finding is dropped, so the
 * findings' severities never go down. A raise stops below the lowest severity that blocks
 * under `blockOn`, so `blocked` stays what the rules decided: a provider that is wrong, or
 * that follows text in the diff, can neither block a commit nor unblock one. Returns the
 * report and the notes applied.
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

  const ceiling = highestPassingSeverity(blockOn);
  const findings = risk.findings.map((finding) =>
    raiseFinding(finding, applicable, provider, ceiling),
  );
  // Unchanged findings keep the risk stage's report exactly as it was.
  if (findings.every((finding, index) => finding === risk.findings[index])) {
    return { risk, notes: applicable };
  }
  return {
    risk: {
      ...risk,
      score: Math.max(risk.score, scoreFindings(findings)),
      findings,
    },
    notes: applicable,
  };
}
