import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';

import { benchEnv, git } from '../hook/git-command.js';
import { maximum, median } from '../hook/stats.js';
import { runTimed, type RunSample, type TimedCommand } from '../hook/timed-run.js';

/** Figures of one timed command over its runs. */
export interface CommandFigures {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  /** Median CPU time, or null without GNU time. */
  cpuMs: number | null;
  /** Largest peak RSS in KiB, or null without GNU time. */
  peakKib: number | null;
}

export function summarize(name: string, samples: readonly RunSample[]): CommandFigures {
  const walls = samples.map((sample) => sample.wallMs);
  const cpus = samples.flatMap((sample) => (sample.cpuMs === null ? [] : [sample.cpuMs]));
  return {
    name,
    runs: samples.length,
    medianMs: median(walls),
    minMs: Math.min(...walls),
    cpuMs: cpus.length === 0 ? null : median(cpus),
    peakKib: maximum(
      samples.flatMap((sample) => (sample.peakKib === null ? [] : [sample.peakKib])),
    ),
  };
}

/**
 * Runs the commands in rounds, each round starting one command later, so that a slow minute
 * of a shared machine falls on every command alike. The first round is not timed.
 */
export function alternate(
  commands: readonly TimedCommand[],
  runs: number,
  gnuTime: string | null,
  beforeEach: (command: TimedCommand) => void = () => {},
): Map<string, RunSample[]> {
  const samples = new Map(commands.map((command) => [command.name, [] as RunSample[]]));
  for (let round = 0; round <= runs; round++) {
    for (let offset = 0; offset < commands.length; offset++) {
      const command = commands[(round + offset) % commands.length] as TimedCommand;
      beforeEach(command);
      const sample = runTimed(command, gnuTime);
      if (sample.exitCode !== 0 && command.name !== 'precommit') {
        throw new Error(
          `${command.name} failed with exit ${sample.exitCode}: ${sample.stderr.trim()}`,
        );
      }
      if (round > 0) samples.get(command.name)?.push(sample);
    }
  }
  return samples;
}

/** Moves the model fossils between the store and a folder beside it, for runs without a model. */
export function moveModels(dir: string, present: boolean): void {
  const store = path.join(dir, 'fossils');
  const aside = path.join(dir, '.git', 'footprint-bench-models');
  mkdirSync(aside, { recursive: true });
  mkdirSync(store, { recursive: true });
  const [from, to] = present ? [aside, store] : [store, aside];
  for (const name of readdirSync(from).filter((entry) => entry.includes('-model-'))) {
    renameSync(path.join(from, name), path.join(to, name));
  }
}

/** Sets HEAD of the benchmark's copy to `oid` without touching the index or the worktree. */
export function moveHead(dir: string, oid: string): void {
  git(dir, ['reset', '-q', '--soft', oid]);
}

/** Wall and CPU milliseconds of one model load. */
export interface LoadTime {
  wallMs: number;
  cpuMs: number;
}

/**
 * Measures the hook's cost of loading the model: `loadModel` and one lookup in a fresh node
 * each time, so that every call is as cold as in the hook.
 */
export function timeModelLoads(projectRoot: string, dir: string, runs: number): LoadTime[] {
  const module = (file: string) => JSON.stringify(path.join(projectRoot, file));
  const script = [
    `const { loadModel } = await import(${module('src/learn/load-model.ts')});`,
    `const { createDefaultConfig } = await import(${module('src/config/defaults.ts')});`,
    'const config = createDefaultConfig();',
    'const cpu = process.cpuUsage();',
    'const started = performance.now();',
    `const model = await loadModel(${JSON.stringify(dir)}, config);`,
    "model.coChange('a', 'b');",
    'const wallMs = performance.now() - started;',
    'const used = process.cpuUsage(cpu);',
    'process.stdout.write(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000 }));',
  ].join('\n');

  const times: LoadTime[] = [];
  for (let run = 0; run < runs; run++) {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: projectRoot, env: benchEnv(), encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`model load failed: ${result.stderr.trim()}`);
    times.push(JSON.parse(result.stdout) as LoadTime);
  }
  return times;
}
