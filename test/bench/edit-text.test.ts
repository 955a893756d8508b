import assert from 'node:assert/strict';
import { test } from 'node:test';

import { structuredPatch } from 'diff';

import { editText } from '../../bench/hook/edit-text.js';
import { generateFileContent } from '../../bench/hook/file-content.js';
import { createRandom } from '../../bench/hook/random.js';

/** Returns the hunks of a unified diff with git's default 3 lines of context. */
function countHunks(before: string, after: string): number {
  return structuredPatch('a', 'b', before, after, '', '', { context: 3 }).hunks.length;
}

const module = generateFileContent(
  { path: 'packages/p/src/module.ts', kind: 'module', packageDir: 'packages/p' },
  ['packages/p/src/other.ts'],
  1,
);
const json = generateFileContent(
  { path: 'packages/p/src/data.json', kind: 'json', packageDir: 'packages/p' },
  [],
  1,
);

test('editText makes one to three hunks', () => {
  const counts = new Set<number>();
  for (let seed = 0; seed < 40; seed++) {
    const hunks = countHunks(module, editText(module, 'module', createRandom(seed)));
    assert.ok(hunks >= 1, `seed ${seed} made no hunk`);
    assert.ok(hunks <= 3, `seed ${seed} made ${hunks} hunks`);
    counts.add(hunks);
  }
  assert.deepEqual([...counts].sort(), [1, 2, 3]);
});

test('editText keeps JSON valid', () => {
  for (let seed = 0; seed < 40; seed++) {
    const edited = editText(json, 'json', createRandom(seed));
    assert.notEqual(edited, json, `seed ${seed} changed nothing`);
    assert.doesNotThrow(() => JSON.parse(edited), `seed ${seed} broke the JSON`);
  }
});

test('editText leaves import lines alone', () => {
  const imports = module.split('\n').filter((line) => line.startsWith('import '));
  for (let seed = 0; seed < 40; seed++) {
    const edited = editText(module, 'module', createRandom(seed)).split('\n');
    assert.deepEqual(
      edited.filter((line) => line.startsWith('import ')),
      imports,
    );
  }
});

test('editText is deterministic for a seed', () => {
  assert.equal(
    editText(module, 'module', createRandom(3)),
    editText(module, 'module', createRandom(3)),
  );
});

test('editText edits a one-line file', () => {
  assert.notEqual(editText('const value = 1;', 'module', createRandom(1)), 'const value = 1;');
});
