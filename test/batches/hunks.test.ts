import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { Batch, Mode } from '../../src/batches/types.js';
import { lines, makeFootprint, shuffleFiles, type FileSpec } from '../helpers/footprint-builder.js';

function analyze(specs: FileSpec[], mode: Mode = 'balanced'): Batch[] {
  return analyzeBatches(makeFootprint(specs), { mode }).batches;
}

function batchOf(batches: readonly Batch[], path: string): Batch | undefined {
  return batches.find((batch) => batch.changes.some((change) => change.path === path));
}

/** Forty unchanged lines, so that hunks around them are far apart. */
const filler = Array.from({ length: 40 }, (_, index) => `const filler${index} = ${index};`);

const store = {
  old: lines(
    'export function loadRecords(folder: string): string[] {',
    '  return readFolder(folder);',
    '}',
    ...filler,
    'export function saveRecord(record: string): void {',
    '  writeRecord(record);',
    '}',
  ),
  new: lines(
    'export function loadRecords(folder: string): string[] {',
    '  return readFolder(folder).filter((name) => !name.startsWith("."));',
    '}',
    ...filler,
    'export function saveRecord(record: string): void {',
    '  writeRecord(record);',
    '}',
    '',
    'export function exportArchive(records: string[]): Uint8Array {',
    '  return compressRecords(records);',
    '}',
  ),
};

const twoEdits: FileSpec[] = [
  { path: 'src/store/records.ts', ...store },
  {
    path: 'test/store/hidden-files.test.ts',
    new: lines(
      "import { loadRecords } from '../../src/store/records.js';",
      "test('loadRecords skips hidden files', () => loadRecords('fixtures'));",
    ),
  },
  {
    path: 'src/cli/archive.ts',
    new: lines(
      "import { exportArchive } from '../store/records.js';",
      'export const archive = (records: string[]) => exportArchive(records);',
    ),
  },
];

describe('analyzeBatches at hunk level', () => {
  test('unrelated edits of one file go to two batches', () => {
    const batches = analyze(twoEdits, 'aggressive');
    const fix = batchOf(batches, 'test/store/hidden-files.test.ts');
    const feature = batchOf(batches, 'src/cli/archive.ts');

    assert.equal(batches.length, 2);
    assert.notEqual(fix?.id, feature?.id);
    assert.deepEqual(fix?.changes.find((change) => change.path === 'src/store/records.ts')?.hunks, [
      { oldStart: 2, oldLines: 1, newStart: 2, newLines: 1 },
    ]);
    assert.deepEqual(
      feature?.changes.find((change) => change.path === 'src/store/records.ts')?.hunks,
      [{ oldStart: 46, oldLines: 0, newStart: 47, newLines: 4 }],
    );
  });

  test('each hunk is in exactly one batch', () => {
    for (const mode of ['conservative', 'balanced', 'aggressive'] as const) {
      const input = makeFootprint(twoEdits);
      const batches = analyzeBatches(input, { mode }).batches;
      for (const file of input.footprint.files) {
        const taken = batches.flatMap((batch) =>
          batch.changes
            .filter((change) => change.path === file.path)
            .flatMap((change) => change.hunks ?? file.hunks),
        );
        assert.deepEqual(taken.length, file.hunks.length, `${mode} ${file.path}`);
      }
    }
  });

  test('whole file batch lists all hunks', () => {
    const input = makeFootprint(twoEdits);
    const batches = analyzeBatches(input, { mode: 'conservative' }).batches;
    const changes = batches[0]?.changes ?? [];

    assert.equal(batches.length, 1);
    for (const file of input.footprint.files) {
      const change = changes.find((entry) => entry.path === file.path);
      // The two new files have no hunks to move, and records.ts lists both of its own.
      const expected = file.status === 'added' ? undefined : file.hunks;
      assert.deepEqual(change?.hunks, expected, file.path);
    }
  });

  test('split file keeps the same result when files are shuffled', () => {
    const input = makeFootprint(twoEdits);
    const expected = analyzeBatches(input, { mode: 'aggressive' });
    for (const seed of [3, 11, 99]) {
      assert.deepEqual(analyzeBatches(shuffleFiles(input, seed), { mode: 'aggressive' }), expected);
    }
  });

  test('hunks of one function stay together', () => {
    const old = lines(
      'function total(items) {',
      ...filler.map((line) => `  ${line}`),
      '  return 0;',
      '}',
    );
    const edited = old
      .replace('  const filler0 = 0;', '  const filler0 = 1;')
      .replace('  return 0;', '  return 1;');
    const batches = analyze([{ path: 'src/total.js', old, new: edited }], 'aggressive');

    assert.equal(batches.length, 1);
    assert.deepEqual(batches[0]?.changes[0]?.hunks, [
      { oldStart: 2, oldLines: 1, newStart: 2, newLines: 1 },
      { oldStart: 42, oldLines: 1, newStart: 42, newLines: 1 },
    ]);
  });
});

describe('analyzeBatches leftovers', () => {
  const feature: FileSpec[] = [
    {
      path: 'src/store/records.ts',
      old: store.old,
      new: store.new.replace(
        'export function loadRecords(folder: string)',
        'export function loadRecords(folder:  string)',
      ),
    },
    {
      path: 'src/cli/archive.ts',
      new: lines(
        "import { exportArchive } from '../store/records.js';",
        'export const archive = (records: string[]) => exportArchive(records);',
      ),
    },
  ];

  test('white space hunk joins its nearest batch', () => {
    const specs = [
      ...feature.slice(0, 1).map((spec) => ({
        ...spec,
        new: (spec.new ?? '').replace('.filter((name) => !name.startsWith("."))', ''),
      })),
      ...feature.slice(1),
    ];
    const batches = analyze(specs, 'aggressive');

    assert.equal(batches.length, 1, batches.map((batch) => batch.message).join('; '));
  });

  test('docs typo stays apart from a feature', () => {
    const batches = analyze([
      ...feature,
      {
        path: 'README.md',
        old: lines('# Store', 'Saves recrods.'),
        new: lines('# Store', 'Saves records.'),
      },
    ]);
    const docs = batchOf(batches, 'README.md');

    assert.deepEqual(
      docs?.changes.map((change) => change.path),
      ['README.md'],
    );
    assert.equal(docs?.message, 'docs: fix typo in README');
  });
});
