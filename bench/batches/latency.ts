/**
 * Batch analysis latency. The script builds footprints of real changes, each a run of one to
 * five consecutive first-parent commits read as base and final trees. It times
 * `analyzeBatches` alone on each change, in every mode, after warm-up runs.
 *
 *   node --import tsx bench/batches/latency.ts --repo /tmp/public/vite [--count 60] [--runs 5]
 *     [--max-commits 5] [--max-hunks 200]
 *
 * Changes fall in two groups: hook-sized (at most 20 files and 100 hunks) and large (up to
 * `--max-hunks`). Larger changes are skipped. A second table groups the changes by hunks and
 * gives the time per hunk of each group, which stays about flat when the time grows linearly
 * with the hunks. `--max-commits 40 --max-hunks 1500` reaches changes of hundreds of files.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { Mode } from '../../src/batches/types.js';
import { TreeRepository } from '../../src/footprint/from-trees.js';
import type { FootprintWithContent } from '../../src/footprint/types.js';
import { parseCommit } from '../../src/git/objects/tree.js';

const MODES: readonly Mode[] = ['conservative', 'balanced', 'aggressive'];
const HOOK_SIZED = { files: 20, hunks: 100 };

interface Options {
  repo: string;
  count: number;
  runs: number;
  /** Commits per change, from 1 to this. */
  maxCommits: number;
  maxHunks: number;
}

/** Upper bounds, in hunks, of the groups of the scaling table. */
const HUNK_GROUPS = [25, 50, 100, 200, 400, 800, 1600, Infinity];

function readOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      repo: { type: 'string' },
      count: { type: 'string', default: '60' },
      runs: { type: 'string', default: '5' },
      'max-commits': { type: 'string', default: '5' },
      'max-hunks': { type: 'string', default: '200' },
    },
  });
  if (values.repo === undefined) throw new Error('Missing --repo: give the path of a local clone.');
  return {
    repo: path.resolve(values.repo),
    count: Number(values.count),
    runs: Number(values.runs),
    maxCommits: Math.max(1, Number(values['max-commits'])),
    maxHunks: Math.max(1, Number(values['max-hunks'])),
  };
}

/** Lists first-parent commits with one parent, newest first, as `oid parent` pairs. */
function readHistory(repo: string): Array<[string, string]> {
  const result = spawnSync('git', ['-C', repo, 'log', '--first-parent', '--format=%H %P'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  if (result.status !== 0) throw new Error(`git log failed in ${repo}: ${result.stderr}`);
  return result.stdout
    .split('\n')
    .map((line) => line.split(' '))
    .filter((ids) => ids.length === 2)
    .map((ids) => [ids[0] as string, ids[1] as string]);
}

async function treeOf(repository: TreeRepository, commit: string): Promise<string> {
  const object = await repository.objects.read(commit);
  return parseCommit(object.content).tree;
}

/**
 * Builds footprints of runs of 1 to `maxCommits` consecutive commits, from every 7th commit of
 * the history.
 */
async function collectChanges(repository: TreeRepository, options: Options) {
  const history = readHistory(options.repo);
  const changes: FootprintWithContent[] = [];
  const span = options.maxCommits;
  for (let start = 0; start + span < history.length && changes.length < options.count; start += 7) {
    const size = 1 + (start % span);
    const newest = history[start]?.[0] as string;
    const base = history[start + size - 1]?.[1] as string;
    const input = await repository.buildFootprint({
      baseTree: await treeOf(repository, base),
      targetTree: await treeOf(repository, newest),
      maxDiffBytes: 1024 * 1024,
      head: { oid: base, ref: null, detached: true },
    });
    if (input.footprint.totals.hunks <= options.maxHunks && input.footprint.files.length > 0) {
      changes.push(input);
    }
  }
  return changes;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

function timeChange(input: FootprintWithContent, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    for (const mode of MODES) {
      const started = performance.now();
      analyzeBatches(input, { mode });
      times.push(performance.now() - started);
    }
  }
  return times.sort((a, b) => a - b)[times.length >> 1] ?? 0;
}

function describeGroup(label: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length === 0) return `${label}: no changes`;
  const median = percentile(sorted, 0.5).toFixed(1);
  const p95 = percentile(sorted, 0.95).toFixed(1);
  const max = (sorted[sorted.length - 1] ?? 0).toFixed(1);
  return `${label}: ${sorted.length} changes, median ${median} ms, p95 ${p95} ms, max ${max} ms`;
}

/** Groups the timed changes by hunks, with the median time and the median time per hunk. */
function describeScaling(timed: ReadonlyArray<{ hunks: number; ms: number }>): string[] {
  const lines = ['hunks       changes  median ms  median µs per hunk'];
  let lower = 0;
  for (const upper of HUNK_GROUPS) {
    const group = timed.filter(({ hunks }) => hunks > lower && hunks <= upper);
    const label = upper === Infinity ? `> ${lower}` : `${lower + 1}-${upper}`;
    lower = upper;
    if (group.length === 0) continue;
    const ms = group.map(({ ms }) => ms).sort((a, b) => a - b);
    const perHunk = group.map(({ hunks, ms }) => (ms * 1000) / hunks).sort((a, b) => a - b);
    lines.push(
      `${label.padEnd(11)} ${String(group.length).padStart(7)}  ${percentile(ms, 0.5).toFixed(1).padStart(9)}  ${percentile(perHunk, 0.5).toFixed(0).padStart(18)}`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const repository = await TreeRepository.open({ cwd: options.repo, env: process.env });
  try {
    const changes = await collectChanges(repository, options);
    for (const input of changes.slice(0, 10)) analyzeBatches(input, { mode: 'balanced' });

    const hook: number[] = [];
    const large: number[] = [];
    const timed: Array<{ hunks: number; ms: number }> = [];
    for (const input of changes) {
      const { files, totals } = input.footprint;
      const hookSized = files.length <= HOOK_SIZED.files && totals.hunks <= HOOK_SIZED.hunks;
      const ms = timeChange(input, options.runs);
      (hookSized ? hook : large).push(ms);
      timed.push({ hunks: Math.max(totals.hunks, 1), ms });
    }

    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(`${options.repo}: ${os.cpus().length} CPUs (${cpu}), node ${process.version}`);
    console.log(describeGroup('up to 20 files and 100 hunks', hook));
    console.log(describeGroup(`larger, up to ${options.maxHunks} hunks`, large));
    console.log(
      `load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
    console.log(describeScaling(timed).join('\n'));
  } finally {
    repository.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
});
