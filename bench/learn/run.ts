/**
 * Learning benchmark: on a copy of a local clone, times `footprint learn --full --max-commits N`
 * against `git log --no-merges --name-status -n N` over the same commits, then an incremental
 * learn, the hook's load of the model, and `footprint precommit --no-llm` with and without it.
 *
 *   node --import tsx bench/learn/run.ts --repo /tmp/public/svelte --commits 2000 [--json]
 *
 * Run `node scripts/build.js` first: footprint runs from its built bundle.
 */
import { rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { copyLocalRepo, stageFreshChange } from '../hook/bench-repos.js';
import { benchEnv, git } from '../hook/git-command.js';
import { collectMachineInfo, type MachineInfo } from '../hook/machine-info.js';
import { formatMachine } from '../hook/report.js';
import { formatMebibytes, formatMilliseconds, formatRatio, median, ratio } from '../hook/stats.js';
import { findGnuTime, runTimed, type TimedCommand } from '../hook/timed-run.js';
import {
  alternate,
  moveHead,
  moveModels,
  summarize,
  timeModelLoads,
  type CommandFigures,
} from './measure.js';
import { parseLearnOptions, USAGE, type LearnBenchOptions } from './options.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const footprintBin = path.join(projectRoot, 'bin', 'footprint.js');

interface LearnDocument {
  fossil: string;
  commits: number;
  newCommits: number;
  files: number;
  pairs: number;
}

interface LearnBenchResult {
  command: string;
  machine: MachineInfo;
  repo: string;
  learned: LearnDocument;
  modelBytes: number;
  full: CommandFigures[];
  incremental: { figures: CommandFigures; newCommits: number };
  modelLoad: { medianWallMs: number; minWallMs: number; medianCpuMs: number };
  precommit: CommandFigures[];
}

function main(argv: readonly string[]): number {
  const options = parseLearnOptions(argv);
  if (options.help || options.repo === null) {
    console.log(USAGE);
    return options.help ? 0 : 2;
  }

  const loadBefore = os.loadavg()[0] ?? 0;
  const copy = copyLocalRepo(options.repo, options.cacheDir);
  rmSync(path.join(copy, 'fossils'), { recursive: true, force: true });
  const gnuTime = findGnuTime();
  progress(`copied ${options.repo} to ${copy}`);

  const full = timeFullLearn(copy, options, gnuTime);
  const learned = JSON.parse(full.lastStdout) as LearnDocument;
  const modelBytes = statSync(path.join(copy, learned.fossil)).size;
  const incremental = timeIncrementalLearn(copy, options, gnuTime);
  progress('timing the model load');
  const loads = timeModelLoads(projectRoot, copy, 2 * options.runs + 1);
  const precommit = timePrecommit(copy, options, gnuTime);

  const machine = collectMachineInfo(
    path.join(projectRoot, 'node_modules', 'lint-staged', 'package.json'),
    loadBefore,
  );
  const result: LearnBenchResult = {
    command: `node --import tsx bench/learn/run.ts ${argv.join(' ')}`,
    machine,
    repo: options.repo,
    learned,
    modelBytes,
    full: full.figures,
    incremental,
    modelLoad: {
      medianWallMs: median(loads.map((load) => load.wallMs)),
      minWallMs: Math.min(...loads.map((load) => load.wallMs)),
      medianCpuMs: median(loads.map((load) => load.cpuMs)),
    },
    precommit,
  };
  console.log(options.json ? JSON.stringify(result, null, 2) : formatReport(result, options));
  return 0;
}

function timeFullLearn(copy: string, options: LearnBenchOptions, gnuTime: string | null) {
  const env = benchEnv();
  const count = String(options.commits);
  const gitLog: TimedCommand = {
    name: 'git log',
    file: 'git',
    args: ['log', '--no-merges', '--name-status', '-n', count, 'HEAD'],
    cwd: copy,
    env,
  };
  const learn: TimedCommand = {
    name: 'learn',
    file: process.execPath,
    args: [footprintBin, 'learn', '--full', '--max-commits', count, '--json'],
    cwd: copy,
    env,
  };
  progress(`timing learn and git log over ${count} commits, ${options.runs} runs each`);
  const samples = alternate([gitLog, learn], options.runs, gnuTime);
  const figures = [gitLog, learn].map((command) =>
    summarize(command.name, samples.get(command.name) ?? []),
  );
  return { figures, lastStdout: samples.get('learn')?.at(-1)?.stdout ?? '' };
}

/**
 * Times `learn` adding the newest `increment` first-parent commits to a model learned without
 * them. HEAD of the copy moves back for the base model and forward again; nothing else changes.
 */
function timeIncrementalLearn(copy: string, options: LearnBenchOptions, gnuTime: string | null) {
  const head = git(copy, ['rev-parse', 'HEAD']).trim();
  const base = git(copy, ['rev-parse', `HEAD~${options.increment}`]).trim();
  const env = benchEnv();
  const count = String(options.commits);
  const learn: TimedCommand = {
    name: 'learn (update)',
    file: process.execPath,
    args: [footprintBin, 'learn', '--max-commits', count, '--json'],
    cwd: copy,
    env,
  };
  progress(`timing learn updating a model by ${options.increment} first-parent commits`);

  const samples = [];
  let newCommits = 0;
  for (let run = 0; run < options.runs; run++) {
    moveHead(copy, base);
    runTimed({ ...learn, name: 'base', args: [...learn.args, '--full'] }, null);
    moveHead(copy, head);
    const sample = runTimed(learn, gnuTime);
    newCommits = (JSON.parse(sample.stdout) as LearnDocument).newCommits;
    samples.push(sample);
  }
  return { figures: summarize('learn (update)', samples), newCommits };
}

/** Times the hook with the model in the store and moved aside, on the same staged change. */
function timePrecommit(copy: string, options: LearnBenchOptions, gnuTime: string | null) {
  moveModels(copy, false);
  const staged = stageFreshChange(copy, options.staged, 1);
  progress(`timing precommit with ${staged.files} files and ${staged.hunks} hunks staged`);
  const command: TimedCommand = {
    name: 'precommit (model)',
    file: process.execPath,
    args: [footprintBin, 'precommit', '--no-llm'],
    cwd: copy,
    env: benchEnv(),
  };
  const without = { ...command, name: 'precommit (no model)' };
  const samples = alternate([command, without], options.runs * 2, gnuTime, (next) =>
    moveModels(copy, next.name === command.name),
  );
  moveModels(copy, true);
  return [...samples].map(([name, runs]) => summarize(name, runs));
}

function formatReport(result: LearnBenchResult, options: LearnBenchOptions): string {
  const [gitLog, learn] = result.full;
  const rows = [...result.full, result.incremental.figures, ...result.precommit].map(
    (figures) =>
      `| ${figures.name.padEnd(20)} | ${formatMilliseconds(figures.medianMs).padStart(7)} | ${formatMilliseconds(figures.minMs).padStart(7)} | ${(figures.cpuMs === null ? 'n/a' : formatMilliseconds(figures.cpuMs)).padStart(7)} | ${formatMebibytes(figures.peakKib).padStart(8)} |`,
  );
  const perSecond = learn === undefined ? 0 : (result.learned.commits / learn.medianMs) * 1000;
  return [
    result.command,
    formatMachine(result.machine),
    '',
    `${result.repo}: learned ${result.learned.commits} commits, ${result.learned.files} files, ${result.learned.pairs} pairs; model fossil ${Math.round(result.modelBytes / 1024)} KiB`,
    '',
    '| command              | median ms | min ms | CPU ms | peak MiB |',
    '| -------------------- | --------: | -----: | -----: | -------: |',
    ...rows,
    '',
    `learn / git log (medians): ${formatRatio(ratio(learn?.medianMs ?? 0, gitLog?.medianMs ?? 0))}; ${Math.round(perSecond)} commits/s`,
    `learn (update) read ${result.incremental.newCommits} new commits (the last ${options.increment} first-parent commits)`,
    `model load in a cold node: median ${formatMilliseconds(result.modelLoad.medianWallMs)} ms, min ${formatMilliseconds(result.modelLoad.minWallMs)} ms, median CPU ${formatMilliseconds(result.modelLoad.medianCpuMs)} ms`,
  ].join('\n');
}

function progress(message: string): void {
  process.stderr.write(`bench/learn: ${message}\n`);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench/learn: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
