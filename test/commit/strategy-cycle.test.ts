import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import type { Batch } from '../../src/batches/types.js';
import { validateDocument } from '../../src/schemas-runtime/validators.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const CYCLE_LINE =
  '  order-cycle  b1  The dependencies of batches b1 and b2 form a cycle (b1 → b2 → b1, each ' +
  'depending on the next), so no order of these batches satisfies them. To break the cycle, ' +
  'do one of these: remove b2 from the dependsOn of b1, remove b1 from the dependsOn of b2, ' +
  'or merge b1 and b2 into one batch.';

/** Stages edits of a.md and b.md and writes plan.json with b1 and b2 depending on each other. */
function cycleRepo(): { created: TempRepo; file: string } {
  const created = createTempRepo();
  repo = created;
  created.write('a.md', 'old\n');
  created.write('b.md', 'old\n');
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);
  created.write('a.md', 'new\n');
  created.write('b.md', 'new\n');
  created.git(['add', '-A']);

  const file = path.join(created.dir, 'plan.json');
  const written = created.footprint(['strategy', '--no-llm', '--output', file]);
  assert.equal(written.status, 0, written.stderr);
  const strategy = JSON.parse(readFileSync(file, 'utf8')) as { batches: Batch[] };
  const base = strategy.batches[0] as Batch;
  strategy.batches = [
    {
      ...base,
      id: 'b1',
      message: 'docs: update a',
      changes: [{ path: 'a.md' }],
      dependsOn: ['b2'],
    },
    {
      ...base,
      id: 'b2',
      message: 'docs: update b',
      changes: [{ path: 'b.md' }],
      dependsOn: ['b1'],
    },
  ];
  writeFileSync(file, `${JSON.stringify(strategy, null, 2)}\n`);
  return { created, file };
}

test('commit refuses a dependency cycle', () => {
  const { created, file } = cycleRepo();
  const head = created.git(['rev-parse', 'HEAD']).trim();

  const result = created.footprint(['commit', '--yes', '--strategy', file]);
  const lines = result.stderr.split('\n');

  assert.equal(result.status, 1, result.stderr);
  assert.ok(lines.includes(CYCLE_LINE), result.stderr);
  assert.equal(lines.filter((line) => line.includes('  order  ')).length, 0);
  assert.equal(created.git(['rev-parse', 'HEAD']).trim(), head);
});

test('commit JSON lists the cycle', () => {
  const { created, file } = cycleRepo();

  const result = created.footprint(['commit', '--json', '--dry-run', '--strategy', file]);
  const document = JSON.parse(result.stdout) as Record<string, unknown>;
  const validated = JSON.parse(
    created.footprint(['validate', '--json', '--strategy', file]).stdout,
  ) as Record<string, unknown>;

  assert.equal(result.status, 1, result.stderr);
  assert.deepEqual(validateDocument('commit', document), []);
  assert.equal(document['result'], 'refused');
  assert.deepEqual(document['problems'], validated['problems']);
  assert.deepEqual(document['problems'], [
    {
      code: 'order-cycle',
      batch: 'b1',
      batches: ['b1', 'b2'],
      message: CYCLE_LINE.slice('  order-cycle  b1  '.length),
    },
  ]);
});
