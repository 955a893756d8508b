/**
 * Growth of batch analysis time with the size of one change. The script reads the change
 * between two commits and times `analyzeBatches` (balanced) on subsets of its files: every
 * k-th file, so that each subset spans the whole tree, from 25 files up to all of them. It
 * prints wall and CPU time per run and the CPU time per hunk, which stays about flat when the
 * time grows linearly with the hunks.
 *
 *   node --import tsx bench/batches/scaling.ts --repo . --base c9b8e57 --target c7c7e1d [--runs 3]
 *
 * Each subset is analyzed once untimed first. A hook analyzes a change once, in a process that
 * has not run the code before, so its times are higher than these (see "Hook latency").
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { TreeRepository } from '../../src/footprint/from-trees.js';
import type { FootprintWithContent } from '../../src/footprint/types.js';
import { parseCommit } from '../../src/git/objects/tree.js';

const SUBSET_FILES = [25, 50, 100, 200, 300, 400, 600, 800];

interface Options {
  repo: string;
  base: string;
  target: string;
  runs: number;
}

function readOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      repo: { type: 'string' },
      base: { type: 'string' },
      target: { type: 'string' },
      runs: { type: 'string', default: '3' },
    },
  });
  if (values.repo === undefined || values.base === undefined || values.target === undefined) {
    throw new Error('Missing --repo, --base or --target: give a clone and two of its commits.');
  }
  const repo = path.resolve(values.repo);
  return {
    repo,
    base: resolveCommit(repo, values.base),
    target: resolveCommit(repo, values.target),
    runs: Math.max(1, Number(values.runs)),
  };
}

function resolveCommit(repo: string, revision: string): string {
  const result = spawnSync('git', ['-C', repo, 'rev-parse', '--verify', `${revision}^{commit}`], {
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  if (result.status !== 0) {
    throw new Error(`Cannot resolve "${revision}" to a commit in ${repo}: ${result.stderr.trim()}`);
  }
  return result.stdout.trim();
}

async function readChange(repository: TreeRepository, options: Options) {
  const treeOf = async (commit: string) =>
    parseCommit((await repository.objects.read(commit)).content).tree;
  return repository.buildFootprint({
    baseTree: await treeOf(options.base),
    targetTree: await treeOf(options.target),
    maxDiffBytes: 1024 * 1024,
    head: { oid: options.base, ref: null, detached: true },
  });
}

/** Returns the change restricted to every k-th of its files, `count` files in all. */
function subsetOf(input: FootprintWithContent, count: number): FootprintWithContent {
  const all = input.footprint.files;
  const step = all.length / count;
  const files = Array.from({ length: count }, (_, index) => all[Math.floor(index * step)]);
  const kept = files.filter((file) => file !== undefined);
  const hunks = kept.reduce((sum, file) => sum + file.hunks.length, 0);
  const totals = { ...input.footprint.totals, files: kept.length, hunks };
  return { footprint: { ...input.footprint, files: kept, totals }, content: input.content };
}

function timeSubset(input: FootprintWithContent, runs: number) {
  analyzeBatches(input, { mode: 'balanced' });
  const wall: number[] = [];
  const cpuStarted = process.cpuUsage();
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    analyzeBatches(input, { mode: 'balanced' });
    wall.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuStarted);
  const median = [...wall].sort((a, b) => a - b)[wall.length >> 1] ?? 0;
  return { median, cpu: (cpu.user + cpu.system) / 1000 / runs };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const repository = await TreeRepository.open({ cwd: options.repo, env: process.env });
  try {
    const input = await readChange(repository, options);
    const total = input.footprint.files.length;
    const sizes = [...SUBSET_FILES.filter((count) => count < total), total];

    const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(`${options.repo} ${options.base.slice(0, 12)}..${options.target.slice(0, 12)}`);
    console.log(`${os.cpus().length} CPUs (${cpuModel}), node ${process.version}`);
    console.log(
      `load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
    console.log('files  hunks  wall ms  CPU ms  CPU µs per hunk');
    for (const count of sizes) {
      const subset = subsetOf(input, count);
      const hunks = Math.max(subset.footprint.totals.hunks, 1);
      const { median, cpu } = timeSubset(subset, options.runs);
      const perHunk = ((cpu * 1000) / hunks).toFixed(0);
      console.log(
        `${String(count).padStart(5)}  ${String(hunks).padStart(5)}  ${median.toFixed(0).padStart(7)}  ${cpu.toFixed(0).padStart(6)}  ${perHunk.padStart(15)}`,
      );
    }
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
