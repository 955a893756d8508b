import type { Batch } from '../batches/types.js';
import { plural } from '../output/messages.js';

const MAX_BATCHES = 8;
const MAX_PATHS = 3;

/**
 * Writes the suggested batches as the text of comment lines for the message file: a heading,
 * each batch's id and message with its paths, and how to commit them one by one.
 * `subjectFilled` is true when the first batch's message was written as the subject.
 */
export function describeBatches(batches: readonly Batch[], subjectFilled: boolean): string[] {
  const count = plural(batches.length, 'commit');
  const heading = subjectFilled
    ? `footprint: this change mixes ${count}; the message above is the first one's.`
    : `footprint: this change mixes ${count}:`;
  const lines = [heading];

  for (const batch of batches.slice(0, MAX_BATCHES)) {
    lines.push(`  ${batch.id.padEnd(4)}${batch.message}`);
    lines.push(`      ${listPaths(batch)}`);
  }
  const rest = batches.length - MAX_BATCHES;
  if (rest > 0) lines.push(`  and ${plural(rest, 'more batch', 'more batches')}`);

  lines.push(
    'To commit them one by one, empty this message to abort, then run `footprint commit`.',
  );
  return lines;
}

function listPaths(batch: Batch): string {
  const paths = [...new Set(batch.changes.map((change) => change.path))];
  const listed = paths.slice(0, MAX_PATHS).join(', ');
  const rest = paths.length - MAX_PATHS;
  return rest > 0 ? `${listed} and ${rest} more` : listed;
}
