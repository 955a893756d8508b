import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createRandom, selectSeeded } from '../../bench/hook/random.js';

const items = Array.from({ length: 50 }, (_, index) => `file-${String(index).padStart(2, '0')}`);

test('createRandom repeats its sequence for a seed', () => {
  const first = createRandom(42);
  const second = createRandom(42);
  const a = [first.next(), first.next(), first.next()];
  const b = [second.next(), second.next(), second.next()];
  assert.deepEqual(a, b);
});

test('createRandom differs between seeds', () => {
  assert.notEqual(createRandom(1).next(), createRandom(2).next());
});

test('integer stays within both bounds', () => {
  const random = createRandom(7);
  const values = Array.from({ length: 2000 }, () => random.integer(3, 5));
  assert.equal(Math.min(...values), 3);
  assert.equal(Math.max(...values), 5);
  assert.ok(values.every((value) => Number.isInteger(value)));
});

test('selectSeeded is deterministic for a seed', () => {
  assert.deepEqual(selectSeeded(items, 10, 5), selectSeeded(items, 10, 5));
});

test('selectSeeded changes with the seed', () => {
  assert.notDeepEqual(selectSeeded(items, 10, 5), selectSeeded(items, 10, 6));
});

test('selectSeeded returns distinct items in input order', () => {
  const selected = selectSeeded(items, 20, 9);
  assert.equal(selected.length, 20);
  assert.equal(new Set(selected).size, 20);
  assert.deepEqual(selected, [...selected].sort());
  assert.ok(selected.every((item) => items.includes(item)));
});

test('selectSeeded of every item returns them all', () => {
  assert.deepEqual(selectSeeded(items, items.length, 3), items);
});

test('selectSeeded of zero items is empty', () => {
  assert.deepEqual(selectSeeded(items, 0, 3), []);
});

test('selectSeeded rejects a count above the items', () => {
  assert.throws(() => selectSeeded(items, 51, 1), /Cannot select 51 of 50/);
});

test('selectSeeded rejects a negative count', () => {
  assert.throws(() => selectSeeded(items, -1, 1), /Invalid count -1/);
});
