import { readFileSync } from 'node:fs';
import os from 'node:os';

import { git } from './git-command.js';

/** The machine, tools and history a measurement was taken with. */
export interface MeasurementContext {
  date: string;
  cpus: number;
  cpuModel: string;
  node: string;
  git: string;
  repository: string;
  /** Commit the sampled history ends at. */
  head: string;
  /** One-minute load average when the run started; 2 CPUs busy reads 2. */
  loadAverage: number;
}

export function describeContext(repoDir: string, ref: string): MeasurementContext {
  return {
    date: new Date().toISOString(),
    cpus: os.availableParallelism(),
    cpuModel: readCpuModel(),
    node: process.version,
    git: git(repoDir, ['--version'])
      .trim()
      .replace(/^git version /, ''),
    repository: repoDir,
    head: git(repoDir, ['rev-parse', '--verify', `${ref}^{commit}`]).trim(),
    loadAverage: currentLoad(),
  };
}

function readCpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) return match[1].trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** Returns the one-minute load average now, rounded to two decimals. */
export function currentLoad(): number {
  return roundLoad(os.loadavg()[0] ?? 0);
}

function roundLoad(load: number): number {
  return Math.round(load * 100) / 100;
}

export function formatContext(context: MeasurementContext, loadAtEnd: number): string {
  return (
    `${context.repository} at ${context.head.slice(0, 12)}; ${context.date}\n` +
    `${context.cpus} CPUs (${context.cpuModel}), node ${context.node}, git ${context.git}; ` +
    `load average ${context.loadAverage} at the start, ${loadAtEnd} at the end`
  );
}
