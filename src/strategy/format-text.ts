import type { Strategy } from './types.js';

/** A hunk object as JSON.stringify indents it: its four numbers, one key a line. */
const INDENTED_HUNK =
  /\{\n\s*"oldStart": (\d+),\n\s*"oldLines": (\d+),\n\s*"newStart": (\d+),\n\s*"newLines": (\d+)\n\s*\}/g;

/**
 * Formats a strategy as indented JSON with each hunk on one line, so that moving a hunk to
 * another batch is cutting and pasting one line. Strings hold no raw newline in JSON, so only
 * the layout of hunk objects changes.
 */
export function formatStrategyText(strategy: Strategy): string {
  const text = JSON.stringify(strategy, null, 2).replace(
    INDENTED_HUNK,
    '{ "oldStart": $1, "oldLines": $2, "newStart": $3, "newLines": $4 }',
  );
  return `${text}\n`;
}
