import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { Batch } from '../../src/batches/types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

function batchOf(batches: readonly Batch[], path: string): string | undefined {
  return batches.find((batch) => batch.changes.some((change) => change.path === path))?.id;
}

const app = (limit: number) =>
  lines('export function start(server) {', `  server.listen({ backlog: ${limit} });`, '}');

describe('files the change deletes', () => {
  test('deleted files in different folders share a batch', () => {
    const specs: FileSpec[] = [
      { path: 'scripts/publish-legacy.sh', old: lines('#!/bin/sh', 'npm publish --tag legacy') },
      { path: 'config/legacy/rollup.json', old: lines('{', '  "input": "src/old.js"', '}') },
      { path: 'src/app.js', old: app(16), new: app(64) },
    ];

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

    const removal = batchOf(batches, 'scripts/publish-legacy.sh');
    assert.ok(removal !== undefined, 'no batch takes the deleted script');
    assert.equal(batchOf(batches, 'config/legacy/rollup.json'), removal);
    assert.notEqual(batchOf(batches, 'src/app.js'), removal);
  });

  test('a deleted and a modified file stay apart', () => {
    const specs: FileSpec[] = [
      { path: 'scripts/publish-legacy.sh', old: lines('#!/bin/sh', 'npm publish --tag legacy') },
      { path: 'src/app.js', old: app(16), new: app(64) },
    ];

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

    assert.equal(batches.length, 2);
  });
});
