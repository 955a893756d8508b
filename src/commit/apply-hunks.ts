import type { Hunk } from '../footprint/types.js';
import { indexLines, lineStart, type LineTable } from '../footprint/line-table.js';
import { describeHunk } from '../strategy/coverage.js';

/** A hunk does not fit the contents it was computed from. */
export class HunkMismatchError extends Error {
  override readonly name = 'HunkMismatchError';
}

/**
 * Returns `oldContent` with `hunks` applied: each hunk's old lines are replaced by its new
 * lines, taken from `newContent`. The hunks are zero-context hunks of the diff from
 * `oldContent` to `newContent` in git's numbering (a count of 0 means the start is the line
 * before). Lines keep their terminators, so CRLF and a missing newline at the end survive byte
 * for byte. Applying every hunk of the diff returns `newContent`.
 */
export function applyHunks(oldContent: Buffer, newContent: Buffer, hunks: readonly Hunk[]): Buffer {
  const oldLines = indexLines(oldContent);
  const newLines = indexLines(newContent);
  const sorted = [...hunks].sort(
    (a, b) => linesBefore(a) - linesBefore(b) || a.oldLines - b.oldLines,
  );

  const parts: Buffer[] = [];
  let copiedTo = 0;
  for (const hunk of sorted) {
    const oldFrom = linesBefore(hunk);
    const oldTo = oldFrom + hunk.oldLines;
    const newFrom = hunk.newLines === 0 ? hunk.newStart : hunk.newStart - 1;
    const newTo = newFrom + hunk.newLines;
    if (oldFrom < copiedTo || oldTo > oldLines.count || newFrom < 0 || newTo > newLines.count) {
      throw new HunkMismatchError(`Hunk ${describeHunk(hunk)} does not fit the file's contents.`);
    }

    parts.push(sliceLines(oldLines, copiedTo, oldFrom), sliceLines(newLines, newFrom, newTo));
    copiedTo = oldTo;
  }
  parts.push(sliceLines(oldLines, copiedTo, oldLines.count));
  return Buffer.concat(parts);
}

/** Old lines before the hunk: its start, or the line after which it inserts. */
function linesBefore(hunk: Hunk): number {
  return hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
}

function sliceLines(table: LineTable, from: number, to: number): Buffer {
  return table.content.subarray(lineStart(table, from), lineStart(table, to));
}
