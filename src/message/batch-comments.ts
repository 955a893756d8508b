import type { Batch } from '../batches/types.js';
import { plural } from '../output/messages.js';
import { escapeControlCharacters, quotePath } from '../output/quote-path.js';

const MAX_BATCHES = 8;
const MAX_PATHS = 3;

/**
 * Writes the suggested batches as the text of comment lines for the message file: a heading,
 * each batch's id and message with its paths, and what to do next, with `invocation` starting
 * the footprint command. The list replaces a subject, because no batch's message describes
 * the whole change.
 */
export function describeBatches(batches: readonly Batch[], invocation = 'footprint'): string[] {
  const lines = [`footprint: this change mixes ${plural(batches.length, 'commit')}:`];

  for (const batch of batches.slice(0, MAX_BATCHES)) {
    // Quoted and escaped, so a line break or an escape sequence cannot leave the comment.
    lines.push(escapeControlCharacters(`  ${batch.id.padEnd(4)}${batch.message}`));
    lines.push(`      ${listPaths(batch)}`);
  }
  const rest = batches.length - MAX_BATCHES;
  if (rest > 0) lines.push(`  and ${plural(rest, 'more batch', 'more batches')}`);

  lines.push(
    'Write one message for the whole change, or leave the message empty to abort',
    `the commit and run \`${invocation} commit\` to make one commit per batch.`,
  );
  return lines;
}

function listPaths(batch: Batch): string {
  const paths = [...new Set(batch.changes.map((change) => quotePath(change.path)))];
  const listed = paths.slice(0, MAX_PATHS).join(', ');
  const rest = paths.length - MAX_PATHS;
  return rest > 0 ? `${listed} and ${rest} more` : listed;
}

/**
 * Writes the comment line above a one-batch change's suggested message, which footprint
 * writes commented out, so a message file that the editor leaves as it is still aborts.
 */
export function introduceSuggestion(commentChar: string): string {
  return `footprint suggests this message. To use it, delete the "${commentChar}" in front of it:`;
}
