import { compareSnapshots, takeSnapshot } from './repo-snapshot.js';
import { maximum, median } from './stats.js';
import { runTimed, type RunSample, type TimedCommand } from './timed-run.js';

/** Timings of one command over the timed runs of a case. */
export interface CommandTimings {
  name: string;
  wallMs: number[];
  cpuMs: number[];
  peakKib: number[];
  medianMs: number;
  /** Median user plus system CPU time, or null without GNU time. */
  medianCpuMs: number | null;
  /** Largest peak RSS over the timed runs in KiB, or null without GNU time. */
  peakMaxKib: number | null;
  /** Exit code of every run, warm-up runs included, as `{ "0": 17 }`. */
  exitCodes: Record<string, number>;
  /** Parts of the repository that a run of this command changed, which must stay empty. */
  changed: string[];
  /** Stderr of the first run that failed: an unexpected exit code, or node's crash footer. */
  failure: string | null;
}

export interface TimingPlan {
  runs: number;
  warmup: number;
  gnuTime: string | null;
  /** Exit codes that count as a normal run, per command name. A name not listed expects 0. */
  expectedExitCodes: Record<string, readonly number[]>;
}

/** The last line node prints for an uncaught error, as `Node.js v20.20.2`. */
const NODE_CRASH_FOOTER = /^Node\.js v\d+\.\d+\.\d+$/m;

/**
 * Runs every command `warmup + runs` times in rounds. Each round starts one command later than
 * the previous one, so no command always runs first, right after another's disk reads. After
 * every run the index, HEAD and refs are compared with a snapshot taken before the case.
 */
export function timeCase(
  dir: string,
  commands: readonly TimedCommand[],
  plan: TimingPlan,
): CommandTimings[] {
  const before = takeSnapshot(dir);
  const timings = commands.map((command) => emptyTimings(command.name));

  for (let round = 0; round < plan.warmup + plan.runs; round++) {
    for (let offset = 0; offset < commands.length; offset++) {
      const index = (round + offset) % commands.length;
      const command = commands[index] as TimedCommand;
      const timing = timings[index] as CommandTimings;

      const sample = runTimed(command, plan.gnuTime);
      const expected = plan.expectedExitCodes[command.name] ?? [0];
      recordSample(timing, sample, round >= plan.warmup, expected);

      for (const part of compareSnapshots(before, takeSnapshot(dir))) {
        if (!timing.changed.includes(part)) timing.changed.push(part);
      }
    }
  }

  for (const timing of timings) {
    timing.medianMs = median(timing.wallMs);
    timing.medianCpuMs = timing.cpuMs.length > 0 ? median(timing.cpuMs) : null;
    timing.peakMaxKib = maximum(timing.peakKib);
  }
  return timings;
}

function emptyTimings(name: string): CommandTimings {
  return {
    name,
    wallMs: [],
    cpuMs: [],
    peakKib: [],
    medianMs: 0,
    medianCpuMs: null,
    peakMaxKib: null,
    exitCodes: {},
    changed: [],
    failure: null,
  };
}

function recordSample(
  timing: CommandTimings,
  sample: RunSample,
  timed: boolean,
  expected: readonly number[],
): void {
  const code = sample.exitCode === null ? 'signal' : String(sample.exitCode);
  timing.exitCodes[code] = (timing.exitCodes[code] ?? 0) + 1;

  // A bundle that fails to load exits 1 like a blocked commit, so node's footer separates them.
  const crashed = NODE_CRASH_FOOTER.test(sample.stderr);
  const unexpected = sample.exitCode === null || !expected.includes(sample.exitCode);
  if (timing.failure === null && (crashed || unexpected)) {
    timing.failure = sample.stderr.slice(-2000);
  }

  if (!timed) return;
  timing.wallMs.push(Math.round(sample.wallMs * 100) / 100);
  if (sample.cpuMs !== null) timing.cpuMs.push(sample.cpuMs);
  if (sample.peakKib !== null) timing.peakKib.push(sample.peakKib);
}
