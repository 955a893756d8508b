/**
 * Times the risk stage as a commit runs it: the built `footprint precommit --no-llm --json`, a
 * new process per run, on the files staged in a temporary repository, so every run pays for
 * cold code, the index path listing and, when a candidate is found, loading secretlint's
 * preset. `git diff --cached` on the same staged change is timed in alternation as the reference.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchEnv, git } from '../hook/git-command.js';
import { median } from './stats.js';

export interface HookStageTiming {
  /** Per footprint build, in the order given: medians of its runs. */
  builds: Array<{
    /** Median of the `risk` stage time that footprint reports in `timings`. */
    riskMs: number;
    /** Median wall time of the whole `footprint precommit` process. */
    footprintMs: number;
    findings: number;
  }>;
  /** Median wall time of `git diff --cached` on the same change. */
  gitDiffMs: number;
}

/** Makes a repository with one commit and `files` staged as new files; returns its folder. */
export function createStagedRepo(files: Map<string, string[]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'footprint-risk-bench-'));
  git(dir, ['init', '-q', '-b', 'topic']);
  writeFileSync(path.join(dir, 'README.md'), '# bench\n');
  git(dir, ['add', 'README.md']);
  git(dir, ['commit', '-q', '-m', 'start']);
  for (const [filePath, lines] of files) {
    mkdirSync(path.dirname(path.join(dir, filePath)), { recursive: true });
    writeFileSync(path.join(dir, filePath), `${lines.join('\n')}\n`);
  }
  git(dir, ['add', '-A']);
  return dir;
}

export function removeRepo(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function timeCommand(file: string, args: string[], cwd: string): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(file, args, {
    cwd,
    env: benchEnv(),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  return { ms, stdout: result.stdout };
}

function readRiskStage(stdout: string): { riskMs: number; findings: number } {
  const document = JSON.parse(stdout) as {
    timings: { risk?: number };
    risk: { findings: unknown[] };
  };
  if (document.timings.risk === undefined) throw new Error('footprint reported no risk timing');
  return { riskMs: document.timings.risk, findings: document.risk.findings.length };
}

/**
 * Runs each footprint build and `git diff --cached` in turn, `runs` rounds, after one warm-up
 * round, so load changes on the machine reach every command alike.
 */
export function timeHookStage(
  footprintBins: readonly string[],
  dir: string,
  runs: number,
): HookStageTiming {
  const argsOf = (bin: string): string[] => [bin, 'precommit', '--no-llm', '--json'];
  for (const bin of footprintBins) timeCommand(process.execPath, argsOf(bin), dir);

  const samples = footprintBins.map(() => ({
    risk: [] as number[],
    wall: [] as number[],
    findings: 0,
  }));
  const gitDiff: number[] = [];
  for (let run = 0; run < runs; run++) {
    footprintBins.forEach((bin, index) => {
      const result = timeCommand(process.execPath, argsOf(bin), dir);
      const stage = readRiskStage(result.stdout);
      const sample = samples[index];
      if (sample === undefined) return;
      sample.risk.push(stage.riskMs);
      sample.wall.push(result.ms);
      sample.findings = stage.findings;
    });
    gitDiff.push(timeCommand('git', ['diff', '--cached'], dir).ms);
  }
  return {
    builds: samples.map((sample) => ({
      riskMs: median(sample.risk),
      footprintMs: median(sample.wall),
      findings: sample.findings,
    })),
    gitDiffMs: median(gitDiff),
  };
}
