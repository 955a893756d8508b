import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findCycles } from '../../src/batches/cycles.js';

function sorted(cycles: number[][]): number[][] {
  return cycles
    .map((cycle) => [...cycle].sort((a, b) => a - b))
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

describe('findCycles', () => {
  test('acyclic graph has none', () => {
    assert.deepEqual(findCycles(3, [[1], [2], []]), []);
  });

  test('two-node cycle', () => {
    assert.deepEqual(sorted(findCycles(3, [[1], [0], [0]])), [[0, 1]]);
  });

  test('separate cycles', () => {
    assert.deepEqual(sorted(findCycles(5, [[1], [2], [0], [4], [3]])), [
      [0, 1, 2],
      [3, 4],
    ]);
  });

  test('self edge is no cycle', () => {
    assert.deepEqual(findCycles(1, [[0]]), []);
  });

  test('long chain does not overflow the stack', () => {
    const count = 200_000;
    const edges = Array.from({ length: count }, (_, index) =>
      index + 1 < count ? [index + 1] : [0],
    );
    const cycles = findCycles(count, edges);

    assert.equal(cycles.length, 1);
    assert.equal(cycles[0]?.length, count);
  });
});
