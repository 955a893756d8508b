import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { lines, makeFootprint } from '../helpers/footprint-builder.js';

describe('batch of generated files', () => {
  test('rebuilt bundle is a chore', () => {
    const { batches } = analyzeBatches(
      makeFootprint([
        {
          path: 'dist/bundle.min.js',
          category: 'generated',
          old: lines('var a=1;'),
          new: lines('var a=2;'),
        },
      ]),
      { mode: 'balanced' },
    );

    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.type, 'chore');
    assert.equal(batches[0]?.message, 'chore(dist): update bundle.min.js');
    assert.match(batches[0]?.rationale ?? '', /chore because it changes only generated files/);
  });

  test('generated code with its source', () => {
    const { batches } = analyzeBatches(
      makeFootprint([
        {
          path: 'src/api.ts',
          old: lines('export const a = 1;'),
          new: lines('export const a = 2;'),
        },
        {
          path: 'src/gen/api_pb.ts',
          category: 'generated',
          old: lines('export class A {}'),
          new: lines('export class A {}', 'export class B {}'),
        },
      ]),
      { mode: 'conservative' },
    );

    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.type, 'feat');
  });
});
