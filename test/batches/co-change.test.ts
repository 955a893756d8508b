import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { readCoChange, readLearnedScope, type CoChangeModel } from '../../src/batches/co-change.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

const change: FileSpec[] = [
  {
    path: 'src/billing/invoice.ts',
    old: lines('export const rate = 1;'),
    new: lines('export const rate = 2;'),
  },
  { path: 'config/limits.yml', old: lines('max: 1'), new: lines('max: 2') },
];

/** A model in which the two changed paths always changed together. */
const together: CoChangeModel = {
  coChange: (a, b) =>
    [a, b].sort().join(' ') === 'config/limits.yml src/billing/invoice.ts' ? 1 : 0,
  scopeFor: (paths) => (paths.includes('src/billing/invoice.ts') ? 'billing' : null),
};

describe('co-change model', () => {
  test('without a model unrelated files stay apart', () => {
    const { batches } = analyzeBatches(makeFootprint(change), { mode: 'balanced' });

    assert.equal(batches.length, 2);
  });

  test('files that changed together join', () => {
    const { batches } = analyzeBatches(makeFootprint(change), {
      mode: 'balanced',
      model: together,
    });

    assert.equal(batches.length, 1);
    assert.match(batches[0]?.rationale ?? '', /often changed together in history/);
  });

  test('learned scope names the batch', () => {
    const { batches } = analyzeBatches(makeFootprint(change), {
      mode: 'balanced',
      model: together,
    });

    assert.equal(batches[0]?.scope, 'billing');
    assert.match(batches[0]?.message ?? '', /^fix\(billing\): /);
  });

  test('learned scope equal to the type is left out', () => {
    const docs: FileSpec[] = [{ path: 'docs/guide.md', old: lines('# Old'), new: lines('# New') }];
    const model: CoChangeModel = { coChange: () => 0, scopeFor: () => 'docs' };
    const { batches } = analyzeBatches(makeFootprint(docs), { mode: 'balanced', model });

    assert.equal(batches[0]?.type, 'docs');
    assert.equal(batches[0]?.scope, null);
    assert.match(batches[0]?.message ?? '', /^docs: /);
  });

  test('learned deps scope skips other files', () => {
    const readme: FileSpec[] = [
      { path: 'README.md', old: lines('# Shop'), new: lines('# A shop') },
    ];
    const model: CoChangeModel = { coChange: () => 0, scopeFor: () => 'deps' };
    const { batches } = analyzeBatches(makeFootprint(readme), { mode: 'balanced', model });

    assert.equal(batches[0]?.scope, null);
    assert.match(batches[0]?.message ?? '', /^docs: /);
  });

  test('learned deps scope names a bump', () => {
    const manifest: FileSpec[] = [
      {
        path: 'package.json',
        old: lines('{', '  "dependencies": { "left-pad": "1.2.0" }', '}'),
        new: lines('{', '  "dependencies": { "left-pad": "1.3.0" }', '}'),
      },
    ];
    const model: CoChangeModel = { coChange: () => 0, scopeFor: () => 'deps' };
    const { batches } = analyzeBatches(makeFootprint(manifest), { mode: 'balanced', model });

    assert.equal(batches[0]?.scope, 'deps');
  });

  test('strength is clamped to the unit interval', () => {
    const model: CoChangeModel = { coChange: () => 7 };

    assert.equal(readCoChange(model, 'a', 'b'), 1);
    assert.equal(readCoChange({ coChange: () => Number.NaN }, 'a', 'b'), 0);
    assert.equal(readCoChange(undefined, 'a', 'b'), 0);
    assert.equal(readCoChange(model, 'a', 'a'), 0);
  });

  test('unusable learned scope is ignored', () => {
    assert.equal(readLearnedScope({ coChange: () => 0, scopeFor: () => 'has space' }, ['a']), null);
    assert.equal(readLearnedScope({ coChange: () => 0 }, ['a']), null);
  });
});
