/**
 * Extreme-change benchmark: times footprint builds against git and a lint-staged run that
 * matches nothing, alternating them on the same generated repository, and reports wall time,
 * peak memory and the ratio of each footprint build to both references.
 *
 *   node --import tsx bench/extreme/run.ts --case outcome-other:150 --case attributes:200000 \
 *     --footprint base=/tmp/base/bin/footprint.js --footprint new=bin/footprint.js --runs 3
 *
 * Build every footprint first (`node scripts/build.js` in its checkout).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';

import { benchEnv } from '../hook/git-command.js';
import { collectMachineInfo } from '../hook/machine-info.js';
import {
  formatMebibytes,
  formatMilliseconds,
  formatRatio,
  maximum,
  median,
  ratio,
} from '../hook/stats.js';
import { findGnuTime, runTimed, type RunSample, type TimedCommand } from '../hook/timed-run.js';
import { listFossils, prepareCase, removeNewFossils, type PreparedCase } from './cases.js';
import { parseOptions, USAGE, type ExtremeOptions } from './options.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const lintStagedBin = path.join(
  projectRoot,
  'node_modules',
  'lint-staged',
  'bin',
  'lint-staged.js',
);
const lintStagedManifest = path.join(projectRoot, 'node_modules', 'lint-staged', 'package.json');

/** Medians and peaks of one command in one case. */
interface CommandResult {
  name: string;
  medianMs: number;
  peakKib: number | null;
  exitCodes: Array<number | null>;
  /** The last lines of stderr of a run that ended with a signal or an exit code above 1. */
  failure: string | null;
}

interface CaseResult {
  label: string;
  commands: CommandResult[];
}

function main(argv: readonly string[]): number {
  const options = parseOptions(argv, projectRoot);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  const loadBefore = os.loadavg()[0] ?? 0;
  const gnuTime = findGnuTime();
  const writer = options.builds[options.builds.length - 1]?.bin as string;
  const results: CaseResult[] = [];
  for (const spec of options.cases) {
    process.stderr.write(`preparing ${spec}\n`);
    const prepared = prepareCase(spec, options.dir, writer);
    process.stderr.write(`timing ${spec}\n`);
    results.push(timeCase(prepared, options, gnuTime));
  }

  const machine = collectMachineInfo(lintStagedManifest, loadBefore);
  const command = ['node --import tsx bench/extreme/run.ts', ...argv].join(' ');
  if (options.json) {
    console.log(JSON.stringify({ command, machine, cases: results }, null, 2));
  } else {
    console.log(`${command}\n${JSON.stringify(machine)}\n\n${formatTable(results, options)}`);
  }
  return results.some((result) => result.commands.some((c) => c.failure !== null)) ? 1 : 0;
}

function commandsOf(prepared: PreparedCase, options: ExtremeOptions): TimedCommand[] {
  const env = benchEnv();
  const noMatchConfig = path.join(prepared.dir, 'lint-staged.nomatch.json');
  writeFileSync(noMatchConfig, `${JSON.stringify({ '*.no-such-extension': 'true' })}\n`);
  const cwd = prepared.dir;
  return [
    { name: `git ${prepared.gitArgs.join(' ')}`, file: 'git', args: prepared.gitArgs, cwd, env },
    {
      name: 'lint-staged',
      file: process.execPath,
      args: [lintStagedBin, '--config', noMatchConfig, '--no-stash'],
      cwd,
      env,
    },
    ...options.builds.map((build) => ({
      name: `footprint ${build.name}`,
      file: process.execPath,
      args: [build.bin, ...prepared.footprintArgs],
      cwd,
      env,
    })),
  ];
}

/** Runs every command `runs` times, one of each in turn, and keeps the store as it was. */
function timeCase(
  prepared: PreparedCase,
  options: ExtremeOptions,
  gnuTime: string | null,
): CaseResult {
  const commands = commandsOf(prepared, options);
  const samples = commands.map((): RunSample[] => []);
  const fossilsBefore = new Set(listFossils(path.join(prepared.dir, 'fossils')));
  for (let run = 0; run < options.runs; run++) {
    commands.forEach((command, index) => {
      samples[index]?.push(runTimed(command, gnuTime));
      removeNewFossils(prepared.dir, fossilsBefore);
    });
  }
  return {
    label: prepared.label,
    commands: commands.map((command, index) => summarize(command.name, samples[index] ?? [])),
  };
}

function summarize(name: string, samples: readonly RunSample[]): CommandResult {
  const failed = samples.find((sample) => sample.exitCode === null || sample.exitCode > 1);
  return {
    name,
    medianMs: median(samples.map((sample) => sample.wallMs)),
    peakKib: maximum(
      samples.flatMap((sample) => (sample.peakKib === null ? [] : [sample.peakKib])),
    ),
    exitCodes: samples.map((sample) => sample.exitCode),
    failure: failed === undefined ? null : failed.stderr.trim().split('\n').slice(-3).join(' | '),
  };
}

function formatTable(results: readonly CaseResult[], options: ExtremeOptions): string {
  const rows = ['| case | command | median ms | peak MiB | exit | / git | / lint-staged |'];
  rows.push('|---|---|---|---|---|---|---|');
  for (const result of results) {
    const [gitCommand, lintStaged] = result.commands;
    for (const command of result.commands) {
      const toGit = ratio(command.medianMs, gitCommand?.medianMs ?? 0);
      const toLintStaged = ratio(command.medianMs, lintStaged?.medianMs ?? 0);
      const exits = [...new Set(command.exitCodes)].join(',');
      rows.push(
        `| ${result.label} | ${command.name} | ${formatMilliseconds(command.medianMs)} | ` +
          `${formatMebibytes(command.peakKib)} | ${exits} | ${formatRatio(toGit)} | ` +
          `${formatRatio(toLintStaged)} |`,
      );
      if (command.failure !== null) rows.push(`|  | failure: ${command.failure} | | | | | |`);
    }
  }
  return `${rows.join('\n')}\n\n${options.runs} runs per command; ratios compare medians.`;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
