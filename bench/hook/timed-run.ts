import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A command the benchmark times. */
export interface TimedCommand {
  /** Short name used in tables, such as `footprint` or `lint-staged`. */
  name: string;
  file: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** One timed run of a command. */
export interface RunSample {
  wallMs: number;
  /** User plus system CPU time in milliseconds (10 ms resolution), or null without GNU time. */
  cpuMs: number | null;
  /** Peak resident set size in KiB, or null without GNU time. */
  peakKib: number | null;
  /** Exit code, or null when a signal ended the command. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Resource figures that GNU time reports for a command and the children it waited for. */
export interface ResourceUsage {
  cpuMs: number;
  peakKib: number;
}

/** GNU time, which reports the rusage of the command and the children it waited for. */
const GNU_TIME = '/usr/bin/time';

/** User seconds, system seconds and peak RSS in KiB, on one line. */
const GNU_TIME_FORMAT = '%U %S %M';

/** Returns the path of GNU time when it is installed, else null. */
export function findGnuTime(): string | null {
  try {
    accessSync(GNU_TIME, constants.X_OK);
  } catch {
    return null;
  }
  const probe = spawnSync(GNU_TIME, ['-f', GNU_TIME_FORMAT, 'true'], { encoding: 'utf8' });
  return probe.status === 0 && parseGnuTimeOutput(probe.stderr) !== null ? GNU_TIME : null;
}

/**
 * Runs the command once and returns its wall time, CPU time and peak memory. Node cannot read
 * a child's rusage after `spawnSync`, so CPU time and peak memory come from GNU time, written to
 * a file so that they never mix with the command's own stderr. Every command runs under GNU
 * time when it is present, so its small start-up cost is the same in each column.
 */
export function runTimed(command: TimedCommand, gnuTime: string | null): RunSample {
  const scratch = mkdtempSync(path.join(tmpdir(), 'footprint-bench-time-'));
  const usageFile = path.join(scratch, 'usage');
  const [file, args] =
    gnuTime === null
      ? [command.file, command.args]
      : [gnuTime, ['-f', GNU_TIME_FORMAT, '-o', usageFile, command.file, ...command.args]];

  try {
    const started = performance.now();
    const result = spawnSync(file, args, {
      cwd: command.cwd,
      env: command.env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
    const wallMs = performance.now() - started;
    if (result.error) throw result.error;

    const usage = gnuTime === null ? null : readUsage(usageFile);
    return {
      wallMs,
      cpuMs: usage?.cpuMs ?? null,
      peakKib: usage?.peakKib ?? null,
      exitCode: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Reads the last line of GNU time's output, `%U %S %M`. Before it, GNU time writes lines such
 * as "Command exited with non-zero status 1", which are skipped.
 */
export function parseGnuTimeOutput(text: string): ResourceUsage | null {
  const lines = text.trim().split('\n');
  const match = /^(\d+\.\d+) (\d+\.\d+) (\d+)$/.exec(lines[lines.length - 1] ?? '');
  if (!match) return null;

  const cpuMs = Math.round((Number(match[1]) + Number(match[2])) * 1000);
  return { cpuMs, peakKib: Number(match[3]) };
}

function readUsage(usageFile: string): ResourceUsage | null {
  try {
    return parseGnuTimeOutput(readFileSync(usageFile, 'utf8'));
  } catch {
    return null;
  }
}
