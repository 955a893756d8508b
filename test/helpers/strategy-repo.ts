import assert from 'node:assert/strict';
import path from 'node:path';
import { runCli } from '../cli/cli-io.js';
import { createTempRepo, type TempRepo } from './repo.js';

/** A fixture repository and the strategy file written for its staged change. */
export interface StrategyRepo {
  repo: TempRepo;
  /** Absolute path of plan.json in the worktree. */
  strategyFile: string;
}

/**
 * Creates a repository whose first commit has the `committed` files, stages the `staged` files
 * on top, and writes the offline strategy of that change to plan.json.
 */
export async function createStrategyRepo(
  committed: Record<string, string>,
  staged: Record<string, string>,
): Promise<StrategyRepo> {
  const repo = createTempRepo();
  for (const [file, text] of Object.entries(committed)) repo.write(file, text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: start']);
  for (const [file, text] of Object.entries(staged)) repo.write(file, text);
  repo.git(['add', '-A']);

  const strategyFile = path.join(repo.dir, 'plan.json');
  const written = await runCli(repo.dir, 'strategy', '--no-llm', '--output', strategyFile);
  assert.equal(written.code, 0, written.stderr);
  return { repo, strategyFile };
}
