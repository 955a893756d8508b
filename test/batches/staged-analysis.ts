import assert from 'node:assert/strict';
import type { Batch, Mode } from '../../src/batches/types.js';
import type { TempRepo } from '../helpers/repo.js';

/** Runs `footprint analyze --json` on a repository's staged change and returns its batches. */
export function analyzeStaged(repo: TempRepo, mode: Mode = 'balanced'): Batch[] {
  const result = repo.footprint(['analyze', '--json', '--no-llm', '--mode', mode]);
  assert.equal(result.status, 0, result.stderr);
  const document = JSON.parse(result.stdout) as { batches: Batch[] };
  return document.batches;
}

/** Returns the paths a batch takes, in its order. */
export function pathsOf(batch: Batch | undefined): string[] {
  return (batch?.changes ?? []).map((change) => change.path);
}

/** Returns the batch that takes `path`, or the one that takes it with the hunk at `newStart`. */
export function batchWith(batches: readonly Batch[], path: string, newStart?: number) {
  return batches.find((batch) =>
    batch.changes.some(
      (change) =>
        change.path === path &&
        (newStart === undefined ||
          change.hunks === undefined ||
          change.hunks.some((hunk) => hunk.newStart === newStart)),
    ),
  );
}

/** Writes files, stages everything and commits it as the base of a scenario. */
export function commitFiles(repo: TempRepo, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base']);
}

/** Writes files and stages everything, as the change a scenario analyzes. */
export function stageFiles(repo: TempRepo, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  repo.git(['add', '-A']);
}

/** Commits `before`, stages `after` and returns the batches of the staged change. */
export function analyzeChange(
  repo: TempRepo,
  before: Record<string, string>,
  after: Record<string, string>,
): Batch[] {
  commitFiles(repo, before);
  stageFiles(repo, after);
  return analyzeStaged(repo);
}

/** Joins lines with a newline after each. */
export function lines(...texts: string[]): string {
  return texts.map((text) => `${text}\n`).join('');
}
