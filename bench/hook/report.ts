import type { ProfileSummary } from './cpu-profile.js';
import type { StagedSummary } from './bench-repos.js';
import type { FootprintProbe } from './footprint-probe.js';
import type { MachineInfo } from './machine-info.js';
import { formatMebibytes, formatMilliseconds, formatRatio, ratio } from './stats.js';
import type { CommandTimings } from './time-case.js';

/** Everything measured for one repository and staged change. */
export interface CaseResult {
  label: string;
  dir: string;
  /** Files in the repository: the generated count, or the index entries of a copied clone. */
  files: number;
  packBytes: number;
  commits: number;
  staged: StagedSummary;
  commands: CommandTimings[];
  /** Median footprint wall time over median lint-staged wall time, or null without either. */
  ratio: number | null;
  /** The same ratio for user plus system CPU time, which depends less on the machine's load. */
  cpuRatio: number | null;
  probe: FootprintProbe | null;
  profile: { file: string; summary: ProfileSummary } | null;
}

/** Returns the footprint / lint-staged ratios of the median wall and CPU times of a case. */
export function footprintRatios(commands: readonly CommandTimings[]): {
  ratio: number | null;
  cpuRatio: number | null;
} {
  const footprint = commands.find((command) => command.name === 'footprint');
  const lintStaged = commands.find((command) => command.name === 'lint-staged');
  if (!footprint || !lintStaged) return { ratio: null, cpuRatio: null };

  const cpuRatio =
    footprint.medianCpuMs === null || lintStaged.medianCpuMs === null
      ? null
      : ratio(footprint.medianCpuMs, lintStaged.medianCpuMs);
  return { ratio: ratio(footprint.medianMs, lintStaged.medianMs), cpuRatio };
}

/** Formats the results as a Markdown table, one row per case, medians in milliseconds. */
export function formatTable(cases: readonly CaseResult[]): string {
  if (cases.length > 0 && cases.every(isCommitCase)) return formatCommitTable(cases);
  const header = [
    'case',
    'files',
    'pack MiB',
    'staged',
    'hunks',
    'footprint ms',
    'footprint --version ms',
    'git diff ms',
    'lint-staged ms',
    'node -e 0 ms',
    'footprint / lint-staged',
    'same, CPU time',
    'footprint peak MiB',
    'lint-staged peak MiB',
    'footprint exit',
  ];
  const rows = cases.map((result) => {
    const byName = (name: string): CommandTimings | undefined =>
      result.commands.find((command) => command.name === name);
    const ms = (name: string): string => {
      const timing = byName(name);
      return timing ? formatMilliseconds(timing.medianMs) : 'n/a';
    };
    return [
      result.label,
      String(result.files),
      formatMebibytes(result.packBytes / 1024),
      String(result.staged.files),
      String(result.staged.hunks),
      ms('footprint'),
      ms('footprint --version'),
      ms('git diff'),
      ms('lint-staged'),
      ms('node -e 0'),
      formatRatio(result.ratio),
      formatRatio(result.cpuRatio),
      formatMebibytes(byName('footprint')?.peakMaxKib ?? null),
      formatMebibytes(byName('lint-staged')?.peakMaxKib ?? null),
      formatExitCodes(byName('footprint')?.exitCodes),
    ];
  });
  return [header, header.map(() => '---'), ...rows]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}

/** Returns true for a case of `--in-commit`, which times `git commit` with each hook. */
function isCommitCase(result: CaseResult): boolean {
  return result.commands.some((command) => command.name === 'git commit');
}

/**
 * Formats `--in-commit` cases: the median `git commit` with each pre-commit hook, the ratio of
 * the whole commits, and the ratio of the time each hook adds to a commit with an empty hook.
 */
function formatCommitTable(cases: readonly CaseResult[]): string {
  const header = [
    'case',
    'files',
    'staged',
    'hunks',
    'commit, footprint hook ms',
    'commit, lint-staged hook ms',
    'commit, empty hook ms',
    'commit ratio',
    'hook ratio',
    'footprint peak MiB',
  ];
  const rows = cases.map((result) => {
    const median = (name: string): number | null =>
      result.commands.find((command) => command.name === name)?.medianMs ?? null;
    const footprint = median('footprint');
    const lintStaged = median('lint-staged');
    const empty = median('git commit');
    const added = (value: number | null): number | null =>
      value === null || empty === null ? null : value - empty;
    const peak = result.commands.find((command) => command.name === 'footprint')?.peakMaxKib;
    return [
      result.label,
      String(result.files),
      String(result.staged.files),
      String(result.staged.hunks),
      footprint === null ? 'n/a' : formatMilliseconds(footprint),
      lintStaged === null ? 'n/a' : formatMilliseconds(lintStaged),
      empty === null ? 'n/a' : formatMilliseconds(empty),
      formatRatio(result.ratio),
      formatRatio(ratioOf(added(footprint), added(lintStaged))),
      formatMebibytes(peak ?? null),
    ];
  });
  return [header, header.map(() => '---'), ...rows]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}

function ratioOf(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null ? null : ratio(numerator, denominator);
}

/** Formats exit-code counts as `0` when every run agreed, else as `0 x15, 2 x2`. */
export function formatExitCodes(exitCodes: Record<string, number> | undefined): string {
  if (exitCodes === undefined) return 'n/a';
  const entries = Object.entries(exitCodes);
  if (entries.length === 1) return entries[0]?.[0] ?? 'n/a';
  return entries.map(([code, count]) => `${code} x${count}`).join(', ');
}

/** Formats the machine facts as the lines that go above a recorded table. */
export function formatMachine(machine: MachineInfo): string {
  return [
    `date: ${machine.date}`,
    `machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.kernel}`,
    `tools: node ${machine.node}, git ${machine.git}, lint-staged ${machine.lintStaged}`,
    `load average: ${machine.loadAverage.start} at the start, ${machine.loadAverage.end} at the end`,
  ].join('\n');
}

/** Formats what the untimed runs found: stage times, warnings and CPU hot spots. */
export function formatCaseDetails(result: CaseResult): string {
  const lines: string[] = [];
  for (const command of result.commands) {
    if (command.changed.length > 0) {
      lines.push(
        `  WARNING: ${command.name} changed the ${command.changed.join(', ')} of the repository`,
      );
    }
    if (command.failure !== null) {
      lines.push(`  WARNING: ${command.name} exited with ${formatExitCodes(command.exitCodes)}:`);
      lines.push(indent(command.failure.trim(), '    '));
    }
  }

  const probe = result.probe;
  if (probe) {
    if (probe.invalidOutput !== null)
      lines.push(
        `  footprint --json printed no JSON document:\n${indent(probe.invalidOutput, '    ')}`,
      );
    if (probe.files !== null && probe.files !== result.staged.files) {
      lines.push(
        `  WARNING: footprint reported ${probe.files} files, git diff --cached ${result.staged.files}`,
      );
    }
    const stages = Object.entries(probe.stageMs).map(
      ([stage, ms]) => `${stage} ${formatMilliseconds(ms)}`,
    );
    if (stages.length > 0) lines.push(`  stages (ms): ${stages.join(', ')}`);
    if (probe.debugLines.length > 0) {
      lines.push('  debug timeline of the last untimed run (+ms since the previous line):');
      lines.push(...probe.debugLines.map((line) => `    ${truncate(line, 150)}`));
    }
  }

  if (result.profile) {
    const { file, summary } = result.profile;
    lines.push(`  cpu profile ${file}: ${formatMilliseconds(summary.totalMs)} ms sampled`);
    lines.push(
      '  self time by file:',
      ...summary.files.map((spot) => `    ${formatMilliseconds(spot.selfMs)} ms ${spot.name}`),
    );
    lines.push(
      '  self time by function:',
      ...summary.functions.map((spot) => `    ${formatMilliseconds(spot.selfMs)} ms ${spot.name}`),
    );
  }
  return lines.length === 0 ? '' : [`${result.label}:`, ...lines].join('\n');
}

function truncate(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}
