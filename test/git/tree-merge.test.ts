import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseTreeEntryAt, serializeTree, type TreeEntry } from '../../src/git/objects/tree.js';
import { TreeMerge, type MergeStep } from '../../src/git/readers/tree-merge.js';

const BLOB_A = 'a'.repeat(40);
const BLOB_B = 'b'.repeat(40);
const TREE_C = 'c'.repeat(40);

function file(name: string, oid = BLOB_A, mode: TreeEntry['mode'] = '100644'): TreeEntry {
  return { name, mode, oid };
}

function folder(name: string, oid = TREE_C): TreeEntry {
  return { name, mode: '040000', oid };
}

/** Lists each stop of the walk as `step first-ordinal second-name`. */
function stops(first: Buffer, second: Buffer): string[] {
  const merge = new TreeMerge(first, second);
  const seen: string[] = [];
  for (let step: MergeStep | null = merge.next(); step !== null; step = merge.next()) {
    const secondName =
      step === 'first' ? '-' : parseTreeEntryAt(second, merge.secondEntryStart).name;
    const firstOrdinal = step === 'second' ? '-' : String(merge.firstOrdinal);
    seen.push(`${step} ${firstOrdinal} ${secondName}`);
  }
  return seen;
}

describe('TreeMerge', () => {
  test('passes over equal trees without a stop', () => {
    const entries = [file('a.txt'), folder('lib'), file('z')];
    assert.deepEqual(stops(serializeTree(entries), serializeTree(entries)), []);
  });

  test('stops at changed, added, removed names', () => {
    const first = serializeTree([file('a.txt'), file('b.txt', BLOB_B), folder('lib'), file('new')]);
    const second = serializeTree([file('a.txt'), file('b.txt'), folder('lib'), file('old')]);

    assert.deepEqual(stops(first, second), ['both 1 b.txt', 'first 3 -', 'second - old']);
  });

  test('keeps same-name file and folder apart', () => {
    // Tree order puts the file `a` before `a-b` and the folder `a` (compared as `a/`) after it.
    const first = serializeTree([folder('a'), file('a-b')]);
    const second = serializeTree([file('a'), file('a-b')]);

    assert.deepEqual(stops(first, second), ['second - a', 'first 1 -']);
  });

  test('stops at an entry whose mode is written another way', () => {
    const canonical = serializeTree([file('run.sh')]);
    const old = Buffer.concat([
      Buffer.from('100664 run.sh\0', 'latin1'),
      Buffer.from(BLOB_A, 'hex'),
    ]);

    assert.deepEqual(stops(canonical, old), ['both 0 run.sh']);
    assert.equal(parseTreeEntryAt(old, 0).mode, '100644');
  });

  test('counts the first tree entries passed before each stop', () => {
    const names = Array.from(
      { length: 50 },
      (_, index) => `sample-${String(index).padStart(2, '0')}`,
    );
    const first = serializeTree(names.map((name) => folder(name)));
    const second = serializeTree(
      names.map((name, index) => folder(name, index === 37 ? BLOB_B : TREE_C)),
    );

    assert.deepEqual(stops(first, second), ['both 37 sample-37']);
  });

  test('stops only at differences in long trees', () => {
    const names = Array.from({ length: 2000 }, (_, index) => `t${String(index).padStart(4, '0')}`);
    const second = names.map((name) => folder(name));
    const first = names
      .filter((name) => name !== 't0700')
      .map((name) => folder(name, name === 't0003' || name === 't1999' ? BLOB_B : TREE_C));
    first.splice(1498, 0, file('t1498x'));

    assert.deepEqual(stops(serializeTree(first), serializeTree(second)), [
      'both 3 t0003',
      'second - t0700',
      'first 1498 -',
      'both 1999 t1999',
    ]);
  });

  test('stops at an id that differs in its last byte', () => {
    const names = Array.from({ length: 300 }, (_, index) => `n${String(index).padStart(3, '0')}`);
    const second = names.map((name) => file(name));
    const first = names.map((name) => file(name, name === 'n150' ? `${'a'.repeat(39)}b` : BLOB_A));

    assert.deepEqual(stops(serializeTree(first), serializeTree(second)), ['both 150 n150']);
  });

  test('reports a truncated tree', () => {
    const whole = serializeTree([file('a.txt')]);
    const merge = new TreeMerge(whole.subarray(0, whole.length - 3), whole);

    assert.throws(() => merge.next(), /truncated at byte 0/);
  });
});
