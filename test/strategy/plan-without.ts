import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Hunk } from '../../src/footprint/types.js';
import { runCli } from '../cli/cli-io.js';

/** A batch of a strategy file, with the fields these tests read. */
export interface PlanBatch {
  id: string;
  changes: Array<{ path: string; hunks?: Hunk[] }>;
}

/**
 * Writes the strategy of the staged change in `dir` to `planFile`, then deletes the one batch
 * that takes `path`. Returns the batches left.
 */
export async function writePlanWithout(
  dir: string,
  planFile: string,
  path: string,
): Promise<PlanBatch[]> {
  const written = await runCli(dir, 'strategy', '--no-llm', '--output', planFile);
  assert.equal(written.code, 0, written.stderr);

  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { batches: PlanBatch[] };
  const takesPath = (batch: PlanBatch) => batch.changes.some((change) => change.path === path);
  const remaining = plan.batches.filter((batch) => !takesPath(batch));
  assert.equal(remaining.length, plan.batches.length - 1, `one batch takes ${path}`);
  writeFileSync(planFile, JSON.stringify({ ...plan, batches: remaining }, null, 2));
  return remaining;
}
