import { findLineIndex, type AddedText } from './added-lines.js';
import type { Finding } from './types.js';

/** Position of the secret value that a finding reports, on one line of the text a rule read. */
export interface SecretRange {
  /** 1-based line number, as the finding's `line`. */
  line: number;
  /** 0-based column of the value's first character. */
  start: number;
  /** 0-based column after the value's last character. */
  end: number;
}

/**
 * Ranges of the findings that report a secret value, outside the findings themselves, so that
 * no copy, JSON document, SARIF log or fossil of a finding carries them. The risk stage reads
 * them to find the exact values that an insight request must not contain.
 */
const ranges = new WeakMap<Finding, SecretRange>();

/** Records where the secret value that `finding` reports sits. */
export function recordSecretRange(finding: Finding, range: SecretRange): void {
  ranges.set(finding, range);
}

/** Returns where the secret value of `finding` sits, or undefined when its rule gave no range. */
export function readSecretRange(finding: Finding): SecretRange | undefined {
  return ranges.get(finding);
}

/** Records the range of `from` for `to`, a copy of the same finding. */
export function copySecretRange(from: Finding, to: Finding): void {
  const range = ranges.get(from);
  if (range !== undefined) ranges.set(to, range);
}

/**
 * Returns the range of the text from offset `start` to offset `end` of a file's added lines
 * joined, which must lie on one line.
 */
export function rangeInAddedText(added: AddedText, start: number, end: number): SecretRange {
  const index = findLineIndex(added.starts, start);
  const lineStart = added.starts[index] ?? 0;
  return { line: added.lineNumbers[index] ?? 1, start: start - lineStart, end: end - lineStart };
}
