import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { categorize } from '../../src/footprint/category.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

/** Returns a file change whose category comes from footprint's own rules, as in a hook run. */
function change(path: string, old: string, staged: string): FileSpec {
  return { path, old, new: staged, category: categorize(path) };
}

const typeTestText = (...checks: string[]) =>
  lines(
    "import {expectType, expectError} from 'tsd';",
    "import {run} from './index.js';",
    '',
    "expectType<string>(await run('ls'));",
    ...checks,
  );

describe('type tests', () => {
  test('tsd type test makes a test batch', () => {
    const check = "expectError(run('ls', {timeout: '1s'}));";
    const specs = [change('index.test-d.ts', typeTestText(), typeTestText(check))];

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.type, 'test');
  });

  test('Vitest test-d folder makes test batch', () => {
    const header = ["import {expectTypeOf} from 'vitest';", "import {run} from '../src';"];
    const check = 'expectTypeOf(run).returns.toEqualTypeOf<Promise<string>>();';
    const specs = [change('test-d/run.spec-d.ts', lines(...header), lines(...header, check))];

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.type, 'test');
  });
});
