import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Batch, BatchChange } from '../../src/batches/types.js';
import { formatBatchList } from '../../src/fossils/format-records.js';

const FIRST = { oldStart: 3, oldLines: 1, newStart: 3, newLines: 1 };
const SECOND = { oldStart: 37, oldLines: 1, newStart: 37, newLines: 1 };

function batch(id: string, changes: BatchChange[]): Batch {
  return {
    id,
    message: `fix: part ${id}`,
    type: 'fix',
    scope: null,
    rationale: 'test',
    changes,
    dependsOn: [],
  };
}

test('batch list counts whole files', () => {
  const lines = formatBatchList([
    batch('b1', [
      { path: 'a.js', hunks: [FIRST, SECOND] },
      { path: 'b.js', hunks: [FIRST] },
      { path: 'logo.png' },
    ]),
  ]);

  assert.equal(lines[1], '      a.js (2 hunks), b.js, logo.png');
});

test('batch list counts shared files', () => {
  const lines = formatBatchList([
    batch('b1', [{ path: 'a.js', hunks: [FIRST] }]),
    batch('b2', [{ path: 'a.js', hunks: [SECOND] }]),
  ]);

  assert.equal(lines[1], '      a.js (1 of 2 hunks)');
  assert.equal(lines[3], '      a.js (1 of 2 hunks)');
});
