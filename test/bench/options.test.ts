import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseCountList, parseOptions } from '../../bench/hook/options.js';

test('parseOptions applies the defaults', () => {
  const options = parseOptions([]);
  assert.deepEqual(options.sizes, [1000, 10000, 100000]);
  assert.deepEqual(options.staged, [1, 20, 200]);
  assert.equal(options.runs, 15);
  assert.deepEqual(options.commits, [30]);
  assert.equal(options.warmup, 2);
  assert.equal(options.repo, null);
  assert.deepEqual(options.stage, []);
  assert.equal(options.footprint, true);
  assert.equal(options.inCommit, false);
});

test('parseOptions reads --in-commit', () => {
  assert.equal(parseOptions(['--in-commit']).inCommit, true);
});

test('parseOptions reads lists and a repository', () => {
  const options = parseOptions([
    '--sizes',
    '500',
    '--repo',
    '/tmp/clone',
    '--stage',
    '21',
    '--no-footprint',
  ]);
  assert.deepEqual(options.sizes, [500]);
  assert.equal(options.repo, '/tmp/clone');
  assert.deepEqual(options.stage, [21]);
  assert.equal(options.footprint, false);
});

test('parseCountList reads a comma-separated list', () => {
  assert.deepEqual(parseCountList('--staged', '1, 20,200'), [1, 20, 200]);
});

test('parseCountList rejects a value that is not a positive integer', () => {
  assert.throws(() => parseCountList('--staged', '1,x'), /Invalid --staged "x"/);
  assert.throws(() => parseCountList('--staged', '0'), /at least 1/);
  assert.throws(() => parseCountList('--staged', '2.5'), /Invalid --staged "2.5"/);
});

test('parseOptions rejects zero runs', () => {
  assert.throws(() => parseOptions(['--runs', '0']), /Invalid --runs "0"/);
});
