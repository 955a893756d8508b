import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { buildUnits, MAX_PAIRED_UNITS } from '../../src/batches/units.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

/** Returns a module of `count` lines, each `marker` in its own numbered constant. */
function moduleText(count: number, marker: string): string {
  return lines(...Array.from({ length: count }, (_, line) => `const v${line} = '${marker}';`));
}

/** Returns a file whose every tenth line changes, so each change is its own hunk. */
function editedModule(path: string, hunks: number): FileSpec {
  const before = moduleText(hunks * 10, 'a').split('\n');
  const after = before.map((line, index) => (index % 10 === 5 ? `${line} // b` : line));
  return { path, old: before.join('\n'), new: after.join('\n') };
}

test('hunks over limit: whole-file units', () => {
  const hunks = 50;
  const count = Math.ceil(MAX_PAIRED_UNITS / hunks) + 1;
  const specs = Array.from({ length: count }, (_, index) =>
    editedModule(`src/m${index}.ts`, hunks),
  );
  const input = makeFootprint(specs);

  const units = buildUnits(input.footprint.files, input.content);

  assert.equal(units.length, count);
  assert.ok(units.every((unit) => unit.whole));
  assert.equal(units[0]?.hunks.length, hunks);
});

test('hunks under the limit stay units', () => {
  const input = makeFootprint([editedModule('src/m.ts', 50)]);

  const units = buildUnits(input.footprint.files, input.content);

  assert.equal(units.length, 50);
});

test('files over limit: one batch', () => {
  const count = MAX_PAIRED_UNITS + 1;
  const specs = Array.from({ length: count }, (_, index) => ({
    path: `src/d${Math.floor(index / 100)}/m${index}.ts`,
    new: lines(`export const value${index} = ${index};`),
  }));

  const analysis = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

  assert.equal(analysis.batches.length, 1);
  assert.equal(analysis.splitSuggested, false);
  assert.equal(analysis.fileLimit, MAX_PAIRED_UNITS);
  assert.equal(analysis.batches[0]?.changes.length, count);
  assert.match(analysis.batches[0]?.rationale ?? '', /over the 1000 that batch analysis splits/);
});

test('files at the limit are split', () => {
  const specs = Array.from({ length: MAX_PAIRED_UNITS }, (_, index) => ({
    path: `src/d${Math.floor(index / 100)}/m${index}.ts`,
    new: lines(`export const value${index} = ${index};`),
  }));

  const analysis = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

  assert.equal(analysis.splitSuggested, true);
  assert.equal(analysis.fileLimit, undefined);
});
