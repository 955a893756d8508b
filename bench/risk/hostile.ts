/**
 * Hostile-input benchmark: times the risk rules, the secret finders, redaction, the module
 * syntax reader and batch analysis on the inputs of the hostile-input tests (see
 * hostile-cases.ts). In the same rounds it times the same function on a plain input of about the
 * same size, so the ratio shows what the hostile shape costs beyond the size.
 *
 *   node --import tsx bench/risk/hostile.ts [--runs 7] [--case TEXT] [--json]
 *
 * Each case runs once untimed on both inputs, then `--runs` rounds that time both, the first
 * input alternating between rounds. The table gives the median of each. The tests check what
 * these functions return on the same inputs, with no clock.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { collectMachineInfo, type MachineInfo } from '../hook/machine-info.js';
import { formatMachine } from '../hook/report.js';
import { HOSTILE_CASES, type HostileCase, type PrepareCall } from './hostile-cases.js';
import { median } from './stats.js';

const USAGE = `Usage: node --import tsx bench/risk/hostile.ts [options]

Times each hostile input of the tests against a plain input of the same size, in the same rounds.

  --runs N      timed rounds per case, after one untimed run (default 7)
  --case TEXT   run only the cases whose name contains TEXT
  --json        print one JSON document instead of the table
  -h, --help    print this help`;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The medians of one case, in milliseconds. */
interface CaseResult {
  name: string;
  unit: string;
  bytes: number;
  hostileMs: number;
  plainMs: number;
  /** hostileMs / plainMs. */
  ratio: number;
}

function timeCall(prepare: PrepareCall): number {
  const call = prepare();
  const started = performance.now();
  call();
  return performance.now() - started;
}

function timeCase(hostileCase: HostileCase, runs: number): CaseResult {
  const { bytes, hostile, plain } = hostileCase.build();
  timeCall(hostile);
  timeCall(plain);

  const hostileTimes: number[] = [];
  const plainTimes: number[] = [];
  for (let round = 0; round < runs; round++) {
    if (round % 2 === 0) {
      hostileTimes.push(timeCall(hostile));
      plainTimes.push(timeCall(plain));
    } else {
      plainTimes.push(timeCall(plain));
      hostileTimes.push(timeCall(hostile));
    }
  }
  const hostileMs = median(hostileTimes);
  const plainMs = median(plainTimes);
  const { name, unit } = hostileCase;
  return { name, unit, bytes, hostileMs, plainMs, ratio: hostileMs / plainMs };
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}

function formatTable(results: readonly CaseResult[]): string {
  const rows = results.map(
    (result) =>
      `| ${result.name} | ${result.unit} | ${formatSize(result.bytes)} | ` +
      `${result.hostileMs.toFixed(1)} | ${result.plainMs.toFixed(1)} | ` +
      `${result.ratio.toFixed(2)} |`,
  );
  return [
    '| case | function | size | hostile ms | plain ms | ratio |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function readRuns(value: string): number {
  const runs = Number(value);
  if (!/^\d+$/.test(value) || runs < 1) {
    throw new Error(`Invalid value '${value}' for --runs: expected a whole number of 1 or more.`);
  }
  return runs;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      case: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const runs = readRuns(values.runs);
  const filter = values.case;
  const cases = HOSTILE_CASES.filter((item) => filter === undefined || item.name.includes(filter));
  if (cases.length === 0) {
    throw new Error(`No case name contains '${filter}'; run with --help to see the options.`);
  }

  const loadAtStart = os.loadavg()[0] ?? 0;
  const results = cases.map((hostileCase) => timeCase(hostileCase, runs));
  const lintStaged = path.join(projectRoot, 'node_modules', 'lint-staged', 'package.json');
  const machine: MachineInfo = collectMachineInfo(lintStaged, loadAtStart);

  if (values.json) {
    console.log(JSON.stringify({ machine, runs, cases: results }, null, 2));
    return 0;
  }
  console.log(
    `${formatMachine(machine)}\n` +
      `medians of ${runs} rounds after one untimed run; ratio: hostile / plain\n\n` +
      formatTable(results),
  );
  return 0;
}

process.exitCode = main();
