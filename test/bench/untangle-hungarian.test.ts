import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createRandom } from '../../bench/hook/random.js';
import { matchMaxWeight } from '../../bench/untangle/hungarian.js';

/** Returns the best total weight of a one-to-one pairing by trying every permutation. */
function bruteForceBest(weights: number[][]): number {
  const rows = weights.length;
  const columns = Math.max(0, ...weights.map((row) => row.length));
  let best = 0;
  const used = new Array<boolean>(columns).fill(false);
  const visit = (row: number, total: number): void => {
    if (row === rows) {
      best = Math.max(best, total);
      return;
    }
    visit(row + 1, total);
    for (let column = 0; column < columns; column++) {
      if (used[column]) continue;
      used[column] = true;
      visit(row + 1, total + (weights[row]?.[column] ?? 0));
      used[column] = false;
    }
  };
  visit(0, 0);
  return best;
}

function totalOf(weights: number[][], pairing: number[]): number {
  return pairing.reduce(
    (total, column, row) => total + (column < 0 ? 0 : (weights[row]?.[column] ?? 0)),
    0,
  );
}

test('matchMaxWeight gives up a local best for the total', () => {
  // Row 0 alone would take column 0 (5), but 4 + 4 beats 5 + 1.
  const weights = [
    [5, 4],
    [4, 1],
  ];
  assert.deepEqual(matchMaxWeight(weights), [1, 0]);
});

test('matchMaxWeight leaves extra rows unpaired', () => {
  const weights = [[1], [7], [3]];
  assert.deepEqual(matchMaxWeight(weights), [-1, 0, -1]);
});

test('matchMaxWeight pairs rows with some of more columns', () => {
  const weights = [[0, 2, 9]];
  assert.deepEqual(matchMaxWeight(weights), [2]);
});

test('matchMaxWeight of nothing is empty', () => {
  assert.deepEqual(matchMaxWeight([]), []);
});

test('matchMaxWeight pairs each column once', () => {
  const pairing = matchMaxWeight([
    [3, 3, 3],
    [3, 3, 3],
    [3, 3, 3],
  ]);
  assert.deepEqual([...pairing].sort(), [0, 1, 2]);
});

test('matchMaxWeight equals brute force on random matrices', () => {
  const random = createRandom(42);
  for (let trial = 0; trial < 200; trial++) {
    const rows = random.integer(1, 5);
    const columns = random.integer(1, 5);
    const weights = Array.from({ length: rows }, () =>
      Array.from({ length: columns }, () => random.integer(0, 20)),
    );
    const pairing = matchMaxWeight(weights);
    const paired = pairing.filter((column) => column >= 0);
    assert.equal(new Set(paired).size, paired.length, `column used twice in trial ${trial}`);
    assert.equal(totalOf(weights, pairing), bruteForceBest(weights), `trial ${trial}`);
  }
});
