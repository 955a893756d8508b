import type { FileContent, Hunk, HunkText } from '../footprint/types.js';
import type { RequestRedactor } from './request-redactor.js';
import type { SummaryFile } from './summary-sections.js';
import type { TextBudget } from './text-budget.js';

/**
 * Characters of one line that redaction reads. A longer line (minified code, embedded data) is
 * cut first, back to the start of the token that crosses the cut, so that no part of a secret
 * can slip past the patterns.
 */
const MAX_SCANNED_LINE = 2000;

/** Characters of one redacted line that the summary shows. */
const MAX_SHOWN_LINE = 240;

/** Lines of one hunk that the summary shows; the rest are counted. */
const MAX_HUNK_LINES = 80;

/** A staged hunk the summary may show, with its number in its file (h1 is the first). */
export interface HunkCandidate {
  entry: SummaryFile;
  number: number;
  hunk: Hunk;
  text: HunkText;
}

const TOKEN_CHAR = /[A-Za-z0-9+/=_.~-]/;

/** Cuts a line at `max` characters, back to the last character that cannot be part of a token. */
function cutAtTokenBoundary(line: string, max: number): string {
  if (line.length <= max) return line;
  let end = max;
  while (end > 0 && TOKEN_CHAR.test(line.charAt(end - 1))) end -= 1;
  return `${line.slice(0, end)}…`;
}

/**
 * Redacts lines of one file. The known secret values go before a long line is cut, since a cut
 * inside one would leave its start unrecognised.
 */
function redactLines(lines: readonly string[], path: string, redactor: RequestRedactor): string[] {
  if (lines.length === 0) return [];
  const scanned = lines.map((line) =>
    cutAtTokenBoundary(redactor.redactValues(line.replace(/\r$/, '')), MAX_SCANNED_LINE),
  );
  return redactor.redact(scanned.join('\n'), path).split('\n');
}

/** Formats one hunk: a header naming file and hunk, then `-` and `+` lines, redacted. */
export function formatHunk(candidate: HunkCandidate, redactor: RequestRedactor): string[] {
  const { entry, number, hunk, text } = candidate;
  const header =
    `${entry.id} h${number} @@ -${hunk.oldStart},${hunk.oldLines} ` +
    `+${hunk.newStart},${hunk.newLines} @@`;
  const body = [
    ...redactLines(text.removed, entry.file.path, redactor).map((line) => `-${line}`),
    ...redactLines(text.added, entry.file.path, redactor).map((line) => `+${line}`),
  ].map((line) => cutAtTokenBoundary(line, MAX_SHOWN_LINE));

  const visibleLines = body.slice(0, MAX_HUNK_LINES);
  const hiddenCount = body.length - visibleLines.length;
  if (hiddenCount > 0) visibleLines.push(`... ${hiddenCount} more lines`);
  return [header, ...visibleLines];
}

/**
 * Lists the hunks of the files whose lines may be sent, in footprint order: first the first
 * hunk of every file, then the rest, so that a tight budget still shows a little of each file.
 */
export function orderHunkCandidates(
  entries: readonly SummaryFile[],
  content: ReadonlyMap<string, FileContent>,
): HunkCandidate[] {
  const perFile = entries
    .filter((entry) => entry.withheld === null)
    .map((entry) => {
      const texts = content.get(entry.file.path)?.hunks ?? [];
      return entry.file.hunks.flatMap((hunk, index) => {
        const text = texts[index];
        return text === undefined ? [] : [{ entry, number: index + 1, hunk, text }];
      });
    });
  return [
    ...perFile.map((hunks) => hunks.slice(0, 1)),
    ...perFile.map((hunks) => hunks.slice(1)),
  ].flat();
}

/** Adds the hunks that fit in the budget, in order, and returns how many did not fit. */
export function addHunks(
  budget: TextBudget,
  candidates: readonly HunkCandidate[],
  redactor: RequestRedactor,
): number {
  let omitted = 0;
  for (const candidate of candidates) {
    if (!budget.tryAdd(['', ...formatHunk(candidate, redactor)])) omitted += 1;
  }
  return omitted;
}
