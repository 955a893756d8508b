import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import { runCli } from '../cli/cli-io.js';
import { createTempRepo, projectRoot, type TempRepo } from '../helpers/repo.js';

const LEAD = 'A new batch needs every field of the schema.';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Returns the JSON block that follows LEAD in the README. */
function readExampleBatch(): Record<string, unknown> {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const start = readme.indexOf(LEAD);
  assert.notEqual(start, -1, 'the README explains new batches');
  const block = /```json\n([\s\S]*?)```/.exec(readme.slice(start))?.[1];
  assert.ok(block !== undefined, 'a JSON example follows');
  return JSON.parse(block) as Record<string, unknown>;
}

interface Plan {
  batches: Array<{ id: string; changes: Array<{ path: string }>; dependsOn: string[] }>;
}

test('README batch example has every field', () => {
  const schema = JSON.parse(
    readFileSync(path.join(projectRoot, 'schemas', 'strategy.schema.json'), 'utf8'),
  ) as { $defs: { Batch: { required: string[] } } };

  assert.deepEqual(Object.keys(readExampleBatch()).sort(), schema.$defs.Batch.required.sort());
});

test('README batch example validates', async () => {
  repo = createTempRepo();
  const lines = Array.from({ length: 45 }, (_, index) => `line ${index + 1}`);
  repo.write('README.md', `${lines.join('\n')}\n`);
  repo.write('src/retry.js', 'export const limit = 3;\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: start']);
  lines.splice(40, 0, 'Retries stop after', 'three attempts,', 'then the call fails.');
  repo.write('README.md', `${lines.join('\n')}\n`);
  repo.write('src/retry.js', 'export const limit = 5;\n');
  repo.git(['add', '-A']);
  const file = path.join(repo.dir, 'fossils', 'strategy.json');
  const written = await runCli(repo.dir, 'strategy', '--no-llm', '--output', file);
  assert.equal(written.code, 0, written.stderr);

  const plan = JSON.parse(readFileSync(file, 'utf8')) as Plan;
  for (const batch of plan.batches) {
    batch.changes = batch.changes.filter((change) => change.path !== 'README.md');
  }
  const emptied = new Set(plan.batches.filter((batch) => batch.changes.length === 0));
  const kept = plan.batches.filter((batch) => !emptied.has(batch));
  const example = readExampleBatch() as unknown as Plan['batches'][number];
  writeFileSync(file, JSON.stringify({ ...plan, batches: [...kept, example] }, null, 2));
  const result = await runCli(repo.dir, 'validate', '--strategy', file);

  assert.equal(result.code, 0, result.stdout);
  assert.equal(result.stdout.includes('header-mismatch'), false, result.stdout);
});
