import type { Style } from '../output/style.js';
import { escapeHiddenCharacters } from '../output/terminal-text.js';
import { formatLocalTime } from './format-time.js';
import type { FossilSummary } from './summarize-fossil.js';

const HEADERS = ['time', 'type', 'outcome', 'risk', 'batches', 'id'] as const;

/** Outcomes shown in green, yellow and red. */
const GOOD = new Set(['passed', 'followed', 'committed']);
const MIXED = new Set(['partial', 'ignored', 'interrupted']);
const BAD = new Set(['blocked', 'error']);

/**
 * Formats fossil summaries as the table `footprint fossils list` prints, newest first. Cells
 * come from files anyone can edit, so they are escaped before they are measured and printed.
 */
export function formatFossilTable(summaries: readonly FossilSummary[], style: Style): string {
  const rows = summaries.map((summary) =>
    [
      formatLocalTime(summary.createdAt),
      summary.type,
      summary.outcome ?? '-',
      summary.risk === null ? '-' : summary.risk.toFixed(2),
      summary.batches === null ? '-' : String(summary.batches),
      summary.id,
    ].map(escapeHiddenCharacters),
  );
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );

  const header = style.colors.dim(alignRow([...HEADERS], widths, (cell) => cell));
  const body = rows.map((row) =>
    alignRow(row, widths, (cell, column) => (column === 2 ? paintOutcome(style, cell) : cell)),
  );
  return `${[header, ...body].join('\n')}\n`;
}

/**
 * Pads every column but the last, `risk` and `batches` to the right as numbers, then paints
 * each padded cell, so colour codes never count towards a width.
 */
function alignRow(
  cells: string[],
  widths: number[],
  paint: (cell: string, column: number) => string,
): string {
  return cells
    .map((cell, column) => {
      const width = column === cells.length - 1 ? 0 : (widths[column] ?? 0);
      const padded = column === 3 || column === 4 ? cell.padStart(width) : cell.padEnd(width);
      return paint(padded, column);
    })
    .join('  ');
}

function paintOutcome(style: Style, padded: string): string {
  const outcome = padded.trim();
  if (GOOD.has(outcome)) return style.colors.green(padded);
  if (MIXED.has(outcome)) return style.colors.yellow(padded);
  if (BAD.has(outcome)) return style.colors.red(padded);
  return padded;
}
