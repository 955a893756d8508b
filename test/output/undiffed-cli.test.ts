import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTempRepo } from '../helpers/repo.js';

test('analyze names a file over maxDiffBytes', () => {
  const repo = createTempRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ maxDiffBytes: 1024 }));
    repo.write('notes.md', '# Notes\n');
    repo.write('big.txt', `${'a'.repeat(60)}\n`.repeat(50));
    repo.git(['add', 'notes.md', 'big.txt']);

    const result = repo.footprint(['analyze']);
    const lines = result.stdout.split('\n');

    assert.equal(result.status, 0, result.stderr);
    assert.equal(lines[0], 'footprint · 2 files, +1 −0 in 1 hunk, 1 not diffed · balanced');
    assert.equal(lines[1], 'ℹ 1 file not diffed, over maxDiffBytes (1024 bytes): big.txt');
  } finally {
    repo.cleanup();
  }
});

test('analyze of only an undiffed file', () => {
  const repo = createTempRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ maxDiffBytes: 1024 }));
    repo.write('big.txt', `${'a'.repeat(60)}\n`.repeat(50));
    repo.git(['add', 'big.txt']);

    const result = repo.footprint(['analyze']);
    const lines = result.stdout.split('\n');

    assert.equal(result.status, 0, result.stderr);
    assert.equal(lines[0], 'footprint · 1 file, not diffed · balanced');
    assert.equal(lines[1], 'ℹ 1 file not diffed, over maxDiffBytes (1024 bytes): big.txt');
  } finally {
    repo.cleanup();
  }
});
