import type { CommitType } from './types.js';
import { formatSubject, type Subject } from './subject.js';

/** Maximum header length, by the common git convention for subject lines. */
export const MAX_HEADER_LENGTH = 72;

/**
 * Writes a Conventional Commits header `type(scope): subject` of at most MAX_HEADER_LENGTH
 * characters, naming fewer things, then only counting them, until it fits.
 */
export function writeMessage(type: CommitType, scope: string | null, subject: Subject): string {
  const prefix = scope === null ? `${type}: ` : `${type}(${scope}): `;
  let header = '';
  for (const maxNames of [3, 2, 1, 0]) {
    header = prefix + formatSubject(subject, maxNames);
    if (header.length <= MAX_HEADER_LENGTH) return header;
  }
  return header.slice(0, MAX_HEADER_LENGTH);
}
