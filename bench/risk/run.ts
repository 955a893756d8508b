/**
 * Risk scan benchmark: times the risk rules on a staged diff of about 300 KB of added lines,
 * in three cases (see staged-input.ts), two ways:
 *
 * - in memory: `assessRisk` with every built-in rule in this process, the first run and the
 *   median of warm runs, so the time is the rules' own;
 * - as a commit runs it: the `risk` stage that the built `footprint precommit` reports, a new
 *   process per run, beside `git diff --cached` on the same staged change.
 *
 *   node scripts/build.js
 *   node --import tsx bench/risk/run.ts [--kb 300] [--runs 50] [--hook-runs 11] [--from DIR]
 *     [--baseline DIR] [--repo DIR]
 *
 * `--from DIR` takes the added lines from the text files under DIR (such as a clone of a real
 * project) instead of generated code. `--repo DIR` times only the risk stage on the change
 * already staged in the repository DIR, such as one that bench/hook generated. footprint writes
 * its fossils into that repository. `--baseline DIR` also times the built footprint of another
 * checkout (an earlier commit, built with its own `node scripts/build.js`) in the same rounds.
 * It exits 1 when a median of this checkout reaches the 30 ms target.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createStagedRepo, removeRepo, timeHookStage } from './hook-stage.js';
import { timeInMemory } from './in-memory.js';
import {
  buildFiles,
  buildFootprintInput,
  generatedLines,
  INPUT_CASES,
  readLinesFrom,
} from './staged-input.js';

const TARGET_MS = 30;
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function parseCount(name: string, value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`--${name} is "${value}"; give a whole number of at least 1.`);
  }
  return count;
}

/** Times the risk stage on a repository's staged change and describes the medians. */
function describeRepoRun(footprintBins: string[], repo: string, runs: number): string {
  const loadBefore = os.loadavg()[0] ?? 0;
  const hook = timeHookStage(footprintBins, repo, runs);
  const loadAfter = os.loadavg()[0] ?? 0;
  const [current, baseline] = hook.builds;
  const describe = (name: string, build: typeof current): string =>
    build === undefined
      ? ''
      : `  ${name}: risk stage ${build.riskMs.toFixed(1)} ms ` +
        `(${(build.riskMs / hook.gitDiffMs).toFixed(2)}× git diff --cached), ` +
        `footprint precommit ${build.footprintMs.toFixed(0)} ms, ${build.findings} findings\n`;
  return (
    `Risk stage on the change staged in ${repo}, medians of ${runs} processes\n` +
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, ` +
    `load average ${loadBefore.toFixed(2)} at the start, ${loadAfter.toFixed(2)} at the end\n` +
    describe('this checkout', current) +
    describe('baseline', baseline) +
    `  git diff --cached: ${hook.gitDiffMs.toFixed(1)} ms\n`
  );
}

function main(): number {
  const { values } = parseArgs({
    options: {
      kb: { type: 'string', default: '300' },
      runs: { type: 'string', default: '50' },
      'hook-runs': { type: 'string', default: '11' },
      from: { type: 'string' },
      baseline: { type: 'string' },
      repo: { type: 'string' },
    },
  });
  const bytes = parseCount('kb', values.kb) * 1024;
  const runs = parseCount('runs', values.runs);
  const hookRuns = parseCount('hook-runs', values['hook-runs']);
  const source = values.from ? readLinesFrom(values.from) : generatedLines();
  const roots = [projectRoot, ...(values.baseline ? [path.resolve(values.baseline)] : [])];
  for (const root of roots) {
    // The bundle, which builds of every version have; the launcher's name has changed.
    if (!existsSync(path.join(root, 'dist', 'footprint.cjs'))) {
      throw new Error(
        `${root}/dist/footprint.cjs is missing; run \`node scripts/build.js\` there first.`,
      );
    }
  }
  const footprintBins = roots.map((root) => path.join(root, 'bin', 'footprint.js'));

  if (values.repo !== undefined) {
    process.stdout.write(describeRepoRun(footprintBins, path.resolve(values.repo), hookRuns));
    return 0;
  }

  const loadBefore = os.loadavg()[0] ?? 0;
  const rows: string[] = [];
  let failed = false;
  let summary = '';
  for (const inputCase of INPUT_CASES) {
    const files = buildFiles(source, bytes, inputCase);
    const memory = timeInMemory(buildFootprintInput(files), runs);
    const dir = createStagedRepo(files);
    let hook;
    try {
      hook = timeHookStage(footprintBins, dir, hookRuns);
    } finally {
      removeRepo(dir);
    }
    const [current, baseline] = hook.builds;
    if (memory.medianMs >= TARGET_MS || (current?.riskMs ?? 0) >= TARGET_MS) failed = true;

    const added = [...files.values()].reduce((sum, lines) => sum + lines.join('\n').length + 1, 0);
    summary = `${(added / 1024).toFixed(0)} KB added in ${files.size} files`;
    const riskCell = (build: typeof current): string =>
      build === undefined
        ? '-'
        : `${build.riskMs.toFixed(1)} (${(build.riskMs / hook.gitDiffMs).toFixed(2)}×)`;
    rows.push(
      `| ${inputCase} | ${memory.firstMs.toFixed(1)} | ${memory.medianMs.toFixed(1)} | ` +
        `${memory.p95Ms.toFixed(1)} | ${riskCell(current)} | ${riskCell(baseline)} | ` +
        `${hook.gitDiffMs.toFixed(1)} | ${current?.footprintMs.toFixed(0) ?? '-'} | ` +
        `${current?.findings ?? '-'} |`,
    );
  }

  const loadAfter = os.loadavg()[0] ?? 0;
  process.stdout.write(
    `Risk scan of ${summary} (${values.from ? `lines from ${values.from}` : 'generated lines'}), ` +
      `target median < ${TARGET_MS} ms\n` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, ` +
      `load average ${loadBefore.toFixed(2)} at the start, ${loadAfter.toFixed(2)} at the end\n` +
      `in memory: first run and median of ${runs} warm runs; hook: medians of ${hookRuns} processes\n\n` +
      'risk stage: median ms (ratio to git diff --cached)\n\n' +
      '| case | in memory first ms | in memory median ms | in memory p95 ms | risk stage | baseline risk stage | git diff --cached ms | footprint precommit ms | findings |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
      `${rows.join('\n')}\n`,
  );
  return failed ? 1 : 0;
}

process.exitCode = main();
