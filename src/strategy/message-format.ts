import { MAX_HEADER_LENGTH } from '../batches/message.js';
import { cleanupMessage, messageSubject } from '../commit/message.js';
import { isCommitType, TYPE_LIST } from './commit-types.js';
import { checkFieldsMatchHeader, checkScopes, type HeaderParts } from './header-fields.js';
import type { StrategyShape } from './shape.js';
import type { StrategyProblem } from './types.js';

/** A Conventional Commits header: `type(scope)!: subject`, with the scope and `!` optional. */
const HEADER = /^([A-Za-z]+)(?:\(([^()]+)\))?!?: \S/;

/** Counts the characters of `text` as a reader sees them, one per code point. */
function countCharacters(text: string): number {
  return [...text].length;
}

function checkLength(id: string, header: string): StrategyProblem | null {
  const length = countCharacters(header);
  if (length <= MAX_HEADER_LENGTH) return null;

  const message =
    `Batch ${id} has a subject line of ${length} characters, over the usual maximum of ` +
    `${MAX_HEADER_LENGTH} for a git subject line. Shorten it, and move the details to the ` +
    'body after a blank line.';
  return { code: 'long-subject', batch: id, message };
}

/** Returns the type and scope of a Conventional Commits header, or null for other text. */
export function readHeader(header: string): HeaderParts | null {
  const match = HEADER.exec(header);
  if (match === null) return null;
  return { type: match[1] ?? '', scope: match[2] ?? null };
}

function checkConventional(id: string, parts: HeaderParts | null): StrategyProblem | null {
  if (parts === null) {
    const message =
      `Batch ${id} has a message that is not a Conventional Commits header ` +
      `(type(scope): subject). Start its first line with a type (${TYPE_LIST}), a colon and ` +
      `a space, such as "fix(cart): count each item's quantity".`;
    return { code: 'not-conventional', batch: id, message };
  }

  const { type } = parts;
  if (isCommitType(type)) return null;
  const message =
    `Batch ${id} has a message of type ${JSON.stringify(type)}, which is not one of ` +
    `${TYPE_LIST}. Use one of these types.`;
  return { code: 'unknown-commit-type', batch: id, message };
}

/**
 * Checks the first line of each batch message as git commits it: a Conventional Commits
 * header with one of the types that batches use, of at most MAX_HEADER_LENGTH characters.
 * Also checks the scopes of the header and of the batch's `scope` field, and that its `type`
 * and `scope` fields agree with the header. Returns warnings rather than problems, because git commits such a message and
 * so does `footprint commit`. A message with no text is left to the empty-message problem.
 */
export function checkMessageFormat(strategy: StrategyShape): StrategyProblem[] {
  const warnings: StrategyProblem[] = [];
  for (const batch of strategy.batches) {
    const header = messageSubject(cleanupMessage(batch.message));
    const parts = header === '' ? null : readHeader(header);
    warnings.push(...checkScopes(batch, parts));
    if (header === '') continue;

    const format = checkConventional(batch.id, parts);
    if (format !== null) warnings.push(format);
    const length = checkLength(batch.id, header);
    if (length !== null) warnings.push(length);
    const fields = parts === null ? null : checkFieldsMatchHeader(batch, parts);
    if (fields !== null) warnings.push(fields);
  }
  return warnings;
}
