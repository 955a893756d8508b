import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

describe('files the change adds', () => {
  test('new fixtures of one folder share a batch', () => {
    const specs: FileSpec[] = Array.from({ length: 12 }, (_, index) => ({
      path: `fixtures/case${index + 1}.json`,
      new: lines(`fixture ${index + 1}`),
    }));

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.changes.length, 12);
  });

  test('unrelated new files of one folder stay apart', () => {
    const specs: FileSpec[] = [
      {
        path: 'src/auth.ts',
        new: lines('export function login(user: string) {', '  return user.length > 0;', '}'),
      },
      {
        path: 'src/chart.ts',
        new: lines('export function drawAxis(width: number) {', '  return width * 2;', '}'),
      },
    ];

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

    assert.equal(batches.length, 2);
  });

  test('new files of two unrelated folders stay apart', () => {
    const specs: FileSpec[] = [
      { path: 'docs/guide/install.md', new: lines('# Install', '', 'Run npm install.') },
      { path: 'scripts/release.sh', new: lines('#!/bin/sh', 'npm publish') },
    ];

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

    assert.equal(batches.length, 2);
  });
});
