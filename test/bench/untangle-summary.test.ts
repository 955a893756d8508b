import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseOptions } from '../../bench/untangle/options.js';
import { formatGroup, formatTable } from '../../bench/untangle/report.js';
import {
  mean,
  median,
  percentile,
  summarizeGroup,
  summarizeLevel,
} from '../../bench/untangle/summary.js';
import type { PartitionScore } from '../../bench/untangle/metrics.js';

function score(
  matchedAccuracy: number,
  adjustedRand: number,
  exact: boolean,
  error: number,
): PartitionScore {
  return {
    items: 10,
    trueClusters: 2,
    predictedClusters: 2 + error,
    matchedAccuracy,
    adjustedRand,
    exact,
    clusterCountError: error,
  };
}

describe('statistics', () => {
  test('median of odd and even counts', () => {
    assert.equal(median([0.9, 0.1, 0.5]), 0.5);
    assert.equal(median([0.2, 0.8, 0.4, 0.6]), 0.5);
  });

  test('no values give NaN', () => {
    assert.ok(Number.isNaN(median([])));
    assert.ok(Number.isNaN(mean([])));
    assert.ok(Number.isNaN(percentile([], 0.95)));
  });

  test('percentile takes the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    assert.equal(percentile(values, 0.95), 19);
    assert.equal(percentile(values, 1), 20);
    assert.equal(percentile([7], 0.95), 7);
  });
});

describe('summarizeLevel', () => {
  test('averages the scores of composites', () => {
    const summary = summarizeLevel([
      score(1, 1, true, 0),
      score(0.5, 0, false, 2),
      score(0.7, 0.2, false, 1),
    ]);
    assert.equal(summary.composites, 3);
    assert.equal(summary.medianAccuracy, 0.7);
    assert.ok(Math.abs(summary.meanAccuracy - 2.2 / 3) < 1e-12);
    assert.ok(Math.abs(summary.meanAdjustedRand - 0.4) < 1e-12);
    assert.ok(Math.abs(summary.exactRate - 1 / 3) < 1e-12);
    assert.equal(summary.meanCountError, 1);
  });
});

describe('formatTable', () => {
  test('aligns one row per method', () => {
    const level = summarizeLevel([score(0.75, 0.5, true, 1)]);
    const table = formatTable([
      { method: 'footprint', lines: level, exclusiveLines: level, files: level },
      { method: 'per file', lines: level, exclusiveLines: level, files: level },
    ]);
    const rows = table.split('\n');
    assert.equal(rows.length, 3);
    assert.match(rows[0] ?? '', /^method\s+lines acc med/);
    assert.match(rows[1] ?? '', /^footprint\s+0\.750\s+0\.750\s+0\.500\s+100\.0%\s+1\.00/);
    assert.equal(rows[1]?.length, rows[2]?.length);
  });
});

describe('formatGroup', () => {
  test('group without composites is one line', () => {
    const group = summarizeGroup('size 30', [], { 'too-many-hunks': 2 });
    assert.equal(formatGroup(group), 'size 30: 0 composites (skipped: 2 too-many-hunks)');
  });
});

describe('parseOptions', () => {
  test('defaults', () => {
    const options = parseOptions(['--repo', '/tmp/somewhere']);
    assert.deepEqual(options.sizes, [2, 3, 5]);
    assert.equal(options.count, 30);
    assert.equal(options.seed, 1);
    assert.equal(options.maxHunks, 200);
    assert.equal(options.mode, 'balanced');
    assert.equal(options.ref, 'HEAD');
    assert.equal(options.json, false);
  });

  test('missing repository', () => {
    assert.throws(() => parseOptions([]), /Missing --repo/);
  });

  test('help needs no repository', () => {
    assert.equal(parseOptions(['--help']).help, true);
  });

  test('invalid values name the option', () => {
    assert.throws(() => parseOptions(['--repo', '.', '--sizes', '1,2']), /--sizes "1"/);
    assert.throws(() => parseOptions(['--repo', '.', '--sizes', '2,31']), /maximum of 30/);
    assert.throws(() => parseOptions(['--repo', '.', '--count', '0']), /--count "0"/);
    assert.throws(() => parseOptions(['--repo', '.', '--mode', 'wild']), /--mode "wild"/);
  });
});
