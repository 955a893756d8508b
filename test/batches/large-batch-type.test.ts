import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partsOf } from '../../src/batches/batch-parts.js';
import { chooseCommitType } from '../../src/batches/commit-type.js';
import { buildUnits } from '../../src/batches/units.js';
import type { FileContent } from '../../src/footprint/types.js';
import { lines, makeFootprint } from '../helpers/footprint-builder.js';

/** A content map that counts its lookups, one per file each time a rule reads a file's lines. */
class CountingContent extends Map<string, FileContent> {
  lookups = 0;

  override get(path: string): FileContent | undefined {
    this.lookups += 1;
    return super.get(path);
  }
}

test('commit type reads content linearly', () => {
  const count = 2000;
  const specs = Array.from({ length: count }, (_, index) => ({
    path: `src/module${index}.ts`,
    old: lines(`export const name${index} = 'a';`, 'const limit = 1;'),
    new: lines(`export const name${index} = 'a';`, 'const limit = 2;'),
  }));
  const input = makeFootprint(specs);
  const content = new CountingContent(input.content);
  const parts = partsOf(buildUnits(input.footprint.files, content));
  content.lookups = 0;

  const choice = chooseCommitType(parts, content);

  assert.equal(choice.type, 'fix');
  // Each rule reads a file a fixed number of times; a pass over the batch per file is count².
  assert.ok(content.lookups < 20 * count, `${content.lookups} lookups for ${count} files`);
});

test('moved export is no feat', () => {
  const input = makeFootprint([
    {
      path: 'src/a.ts',
      old: lines('export function parse() {}', 'const x = 1;'),
      new: lines('const x = 1;'),
    },
    {
      path: 'src/b.ts',
      old: lines('const y = 1;'),
      new: lines('const y = 1;', 'export function parse() {}'),
    },
  ]);
  const parts = partsOf(buildUnits(input.footprint.files, input.content));

  const choice = chooseCommitType(parts, input.content);

  assert.notEqual(choice.type, 'feat');
});
