import type { CommitType } from '../batches/types.js';
import { isCommitType } from '../strategy/commit-types.js';
import { findForbiddenCharacters } from '../strategy/message-characters.js';

/** Header lengths a provider's message must stay under, so it fits git's 72-column subject line. */
export const MAX_PROVIDER_HEADER_LENGTH = 72;

/** `type(scope)!: subject`, with the scope and `!` optional and a subject that is not blank. */
const HEADER = /^([a-z]+)(?:\(([A-Za-z0-9][\w./-]{0,39})\))?!?: (\S.*)$/;

export interface ParsedHeader {
  type: CommitType;
  scope: string | null;
}

/**
 * Parses a Conventional Commits header whose type is one that batches use. Returns null for
 * anything else: another type, a second line, a tab, a character `footprint validate` rejects
 * in a batch message (control and bidirectional control characters), trailing blanks, or a
 * length of MAX_PROVIDER_HEADER_LENGTH characters or more.
 */
export function parseConventionalHeader(header: string): ParsedHeader | null {
  if (header.length >= MAX_PROVIDER_HEADER_LENGTH) return null;
  if (/[\n\t]/.test(header) || findForbiddenCharacters(header).length > 0) return null;
  if (header !== header.trimEnd()) return null;

  const match = HEADER.exec(header);
  if (match === null) return null;
  const [, type = '', scope] = match;
  if (!isCommitType(type)) return null;
  return { type, scope: scope ?? null };
}
