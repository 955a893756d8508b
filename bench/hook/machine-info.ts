import { readFileSync } from 'node:fs';
import os from 'node:os';

import { git } from './git-command.js';

/** The machine and tool versions a measurement was taken with. */
export interface MachineInfo {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  git: string;
  lintStaged: string;
  /** One-minute load averages when the benchmark started and ended; 2 CPUs busy reads 2. */
  loadAverage: { start: number; end: number };
}

/** Collects the machine facts that a recorded benchmark figure needs beside it. */
export function collectMachineInfo(lintStagedManifest: string, loadAtStart: number): MachineInfo {
  return {
    date: new Date().toISOString(),
    cpus: os.availableParallelism(),
    cpuModel: readCpuModel(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    git: git(process.cwd(), ['--version'])
      .trim()
      .replace(/^git version /, ''),
    lintStaged: readVersion(lintStagedManifest),
    loadAverage: { start: roundLoad(loadAtStart), end: roundLoad(os.loadavg()[0] ?? 0) },
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

function readVersion(manifest: string): string {
  try {
    return (
      (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown'
    );
  } catch {
    return 'not installed';
  }
}

function roundLoad(load: number): number {
  return Math.round(load * 100) / 100;
}
