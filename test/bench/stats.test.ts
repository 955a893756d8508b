import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  formatMebibytes,
  formatMilliseconds,
  formatRatio,
  maximum,
  median,
  ratio,
} from '../../bench/hook/stats.js';

test('median of an odd count is the middle sample', () => {
  assert.equal(median([30, 10, 20]), 20);
});

test('median of an even count is the mean of the middle two', () => {
  assert.equal(median([40, 10, 30, 20]), 25);
});

test('median of one sample is that sample', () => {
  assert.equal(median([7.5]), 7.5);
});

test('median leaves the samples unsorted', () => {
  const samples = [3, 1, 2];
  median(samples);
  assert.deepEqual(samples, [3, 1, 2]);
});

test('median of no samples throws', () => {
  assert.throws(() => median([]), /no samples/);
});

test('maximum of no samples is null', () => {
  assert.equal(maximum([]), null);
  assert.equal(maximum([5, 9, 2]), 9);
});

test('ratio divides by a positive denominator', () => {
  assert.equal(ratio(150, 120), 1.25);
});

test('ratio of a zero or negative denominator is null', () => {
  assert.equal(ratio(150, 0), null);
  assert.equal(ratio(150, -3), null);
  assert.equal(ratio(150, Number.NaN), null);
});

test('formatRatio prints two decimals', () => {
  assert.equal(formatRatio(1.0666), '1.07');
  assert.equal(formatRatio(0.5), '0.50');
});

test('formatRatio prints n/a for a missing ratio', () => {
  assert.equal(formatRatio(null), 'n/a');
});

test('formatMilliseconds keeps one decimal below 100 ms', () => {
  assert.equal(formatMilliseconds(14.24), '14.2');
  assert.equal(formatMilliseconds(99.94), '99.9');
});

test('formatMilliseconds rounds to whole milliseconds from 100 ms', () => {
  assert.equal(formatMilliseconds(135.4), '135');
  assert.equal(formatMilliseconds(1234.6), '1235');
});

test('formatMebibytes converts kibibytes', () => {
  assert.equal(formatMebibytes(153600), '150.0');
  assert.equal(formatMebibytes(null), 'n/a');
});
