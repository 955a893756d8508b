import { cleanupMessage, messageSubject } from '../commit/message.js';
import { quoteJsonString } from '../output/quote-path.js';
import { isCommitType, TYPE_LIST } from './commit-types.js';
import { readHeader } from './message-format.js';

/** A schema error on a key that a batch lacks: `/batches/3: missing required key "scope"`. */
const MISSING_BATCH_KEY = /^\/batches\/\d+: missing required key "(\w+)"$/;
const EMPTY_CHANGES = /^\/batches\/\d+\/changes: must NOT have fewer than 1 items$/;
const EMPTY_HUNKS = /^\/batches\/\d+\/changes\/\d+\/hunks: must NOT have fewer than 1 items$/;

/** The parts of a batch that the fixes read, as the document has them, unchecked. */
interface TypedBatch {
  id?: unknown;
  message?: unknown;
}

/** Returns the type and scope of the batch's message header, or null when it has none. */
function readBatchHeader(batch: TypedBatch) {
  if (typeof batch.message !== 'string') return null;
  return readHeader(messageSubject(cleanupMessage(batch.message)));
}

/** Returns the fix for a batch key that is missing, with the value to add where one fits. */
function describeMissingKey(batch: TypedBatch, key: string): string | null {
  const header = readBatchHeader(batch);
  switch (key) {
    case 'type':
      if (header !== null && isCommitType(header.type)) {
        return `Add "type": ${quoteJsonString(header.type)}, the type its message starts with.`;
      }
      return `Add "type" with one of ${TYPE_LIST}.`;
    case 'scope':
      if (header === null) return 'Add "scope": null, or a one-word scope.';
      if (header.scope === null) return 'Add "scope": null, because its message has no scope.';
      return `Add "scope": ${quoteJsonString(header.scope)}, the scope of its message.`;
    case 'rationale':
      return 'Add "rationale": "", or one line on why it is one commit.';
    case 'dependsOn':
      return 'Add "dependsOn": [], or the ids of earlier batches it needs.';
    default:
      return null;
  }
}

/**
 * Returns the fix for a schema error that a hand edit of a batch commonly makes: a key left
 * out of a new batch, or a `changes` or `hunks` list emptied by moving its entries away.
 * Returns null for other errors, which get the generic fix.
 */
export function describeBatchSchemaFix(batch: unknown, error: string): string | null {
  if (typeof batch !== 'object' || batch === null) return null;
  const typed = batch as TypedBatch;

  const key = MISSING_BATCH_KEY.exec(error)?.[1];
  if (key !== undefined) return describeMissingKey(typed, key);
  if (EMPTY_CHANGES.test(error) && typeof typed.id === 'string') {
    return `Remove batch ${typed.id}, or move changes into it.`;
  }
  if (EMPTY_HUNKS.test(error)) {
    return (
      'Remove the entry when the batch takes none of its hunks, remove "hunks" to take the ' +
      'whole file, or list the hunks the batch takes.'
    );
  }
  return null;
}
