import type { GroupSummary, LevelSummary, MethodSummary } from './summary.js';

interface Column {
  header: string;
  value(method: MethodSummary): string;
}

const COLUMNS: Column[] = [
  { header: 'method', value: (method) => method.method },
  ...levelColumns('lines', (method) => method.lines, true),
  ...levelColumns('excl.', (method) => method.exclusiveLines, false),
  ...levelColumns('files', (method) => method.files, true),
];

function levelColumns(
  prefix: string,
  level: (method: MethodSummary) => LevelSummary,
  full: boolean,
): Column[] {
  const columns: Column[] = [
    { header: `${prefix} acc med`, value: (method) => fixed(level(method).medianAccuracy) },
    { header: 'acc mean', value: (method) => fixed(level(method).meanAccuracy) },
    { header: 'ARI', value: (method) => fixed(level(method).meanAdjustedRand) },
  ];
  if (!full) return columns;
  return [
    ...columns,
    { header: 'exact', value: (method) => percent(level(method).exactRate) },
    { header: '|Δn|', value: (method) => fixed(level(method).meanCountError, 2) },
  ];
}

/** Formats one group's summary: a header of counts and shares, the timing, and the table. */
export function formatGroup(group: GroupSummary): string {
  const skipped = Object.entries(group.skipped)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([reason, count]) => `${count} ${reason}`);
  const heading =
    `${group.label}: ${group.composites} composites` +
    (skipped.length > 0 ? ` (skipped: ${skipped.join(', ')})` : '');
  if (group.composites === 0) return heading;

  const lines = [
    `${heading}, ${group.meanHunks.toFixed(1)} hunks on average`,
    `changed lines several commits touched: ${percent(group.sharedLineShare)}` +
      ` (of which inferred: ${percent(group.unresolvedLineShare)});` +
      ` files with lines of several commits: ${percent(group.multiCommitFileShare)};` +
      ` lockfile and generated lines left out: ${group.machineWrittenLines}`,
    `time per composite (footprint from trees + batch analysis): mean ${ms(group.milliseconds.mean)},` +
      ` p95 ${ms(group.milliseconds.p95)}, max ${ms(group.milliseconds.max)};` +
      ` CPU time: mean ${ms(group.cpuMilliseconds.mean)}, p95 ${ms(group.cpuMilliseconds.p95)};` +
      ` batch analysis alone: mean ${ms(group.analysisMilliseconds.mean)},` +
      ` p95 ${ms(group.analysisMilliseconds.p95)}`,
    '',
    formatTable(group.methods),
  ];
  return lines.join('\n');
}

/** Formats the methods as an aligned plain-text table, one row per method. */
export function formatTable(methods: readonly MethodSummary[]): string {
  const rows = [COLUMNS.map((column) => column.header)];
  for (const method of methods) rows.push(COLUMNS.map((column) => column.value(method)));

  const widths = COLUMNS.map((_, index) =>
    Math.max(...rows.map((row) => (row[index] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, index) =>
          index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function fixed(value: number, digits = 3): string {
  return Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}

function percent(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

function ms(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} ms`;
}
