/**
 * Fits the pair-score numbers of batch analysis (`pairPrior` and `evidence` in
 * src/batches/weights.ts) to real history by coordinate search. The script builds composites
 * of consecutive commits as the untangling benchmark does and scores balanced-mode batches
 * against the true commits. It then moves one number at a time by one or two steps, keeping a
 * move that raises the score. The score averages, over repositories, the median and the mean
 * line-level matched accuracy and the mean adjusted Rand index. It prints the fitted numbers
 * as JSON; copy them into weights.ts by hand and check them on composites of another seed.
 *
 *   node --import tsx bench/batches/fit-weights.ts --repo /tmp/public/vite --repo /tmp/public/svelte [--seed 7] [--rounds 1]
 *
 * `--seed` takes a comma-separated list (`1,7`), so the fit scores the composites of every seed.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { partitionUnits } from '../../src/batches/partition.js';
import { evidence, pairPrior } from '../../src/batches/weights.js';
import { scorePartition } from '../untangle/metrics.js';
import { buildFitCases, type FitCase } from './fit-cases.js';

type Table = Record<string, number>;

/** The fitted tables, which the analysis reads on each call, so changing them takes effect. */
const TABLES: Record<string, Table> = {
  pairPrior: pairPrior as unknown as Table,
  evidence: evidence as unknown as Table,
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
}

/** Scores the current numbers on every case. */
function scoreCases(cases: readonly FitCase[]): number {
  const byRepo = new Map<string, { accuracy: number[]; rand: number[] }>();
  for (const fit of cases) {
    const partition = partitionUnits(fit.context, fit.links, fit.requirements, 'balanced');
    const clusterOf = new Map<number, number>();
    partition.clusters.forEach((members, index) =>
      members.forEach((unit) => clusterOf.set(unit, index)),
    );
    const predicted = fit.lineUnits.map((unit) => String(clusterOf.get(unit) ?? -1));
    const score = scorePartition(fit.truth, predicted);

    const entry = byRepo.get(fit.repo) ?? { accuracy: [], rand: [] };
    entry.accuracy.push(score.matchedAccuracy);
    entry.rand.push(score.adjustedRand);
    byRepo.set(fit.repo, entry);
  }
  const perRepo = [...byRepo.values()].map(
    ({ accuracy, rand }) => (median(accuracy) + mean(accuracy) + mean(rand)) / 3,
  );
  return mean(perRepo);
}

/** Moves each number by one and two steps either way and keeps the best score. */
function searchRound(cases: readonly FitCase[], step: number, best: number): number {
  let current = best;
  for (const [tableName, table] of Object.entries(TABLES)) {
    for (const key of Object.keys(table)) {
      const start = table[key] ?? 0;
      let kept = start;
      for (const delta of [-2 * step, -step, step, 2 * step]) {
        table[key] = Math.round((start + delta) * 100) / 100;
        const score = scoreCases(cases);
        if (score > current + 1e-4) {
          current = score;
          kept = table[key] ?? start;
        }
      }
      table[key] = kept;
      if (kept !== start)
        process.stderr.write(`${tableName}.${key} ${start} -> ${kept}: ${current.toFixed(4)}\n`);
    }
  }
  return current;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      repo: { type: 'string', multiple: true },
      sizes: { type: 'string', default: '2,3,5' },
      count: { type: 'string', default: '40' },
      seed: { type: 'string', default: '7' },
      rounds: { type: 'string', default: '1' },
    },
  });
  const repos = (values.repo ?? []).map((repo) => path.resolve(repo));
  if (repos.length === 0) throw new Error('Missing --repo: give one or more local clones.');
  const sizes = values.sizes.split(',').map(Number);

  const cases: FitCase[] = [];
  const seeds = values.seed.split(',').map(Number);
  for (const repo of repos) {
    for (const seed of seeds) {
      cases.push(...(await buildFitCases(repo, sizes, Number(values.count), seed)));
    }
    process.stderr.write(`${cases.length} composites after ${repo}\n`);
  }

  let score = scoreCases(cases);
  process.stderr.write(`start ${score.toFixed(4)}\n`);
  for (let round = 0; round < Number(values.rounds); round += 1) {
    score = searchRound(cases, round === 0 ? 0.5 : 0.25, score);
  }
  console.log(JSON.stringify({ score, pairPrior, evidence }, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
});
