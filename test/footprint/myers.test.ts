import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { diffArrays } from 'diff';

import { diffSequenceRange } from '../../src/footprint/bounded-diff.js';
import { findMyersEdits, type SequenceRange } from '../../src/footprint/myers.js';
import { createRandom } from '../helpers/edit-cases.js';

/** An edit script as plain arrays, so that assert.deepEqual prints it readably. */
interface Script {
  removed: number[];
  added: number[];
}

/** Returns the edit script of jsdiff's diffArrays, or undefined when it needs more edits. */
function jsdiffScript(
  oldIds: number[],
  newIds: number[],
  maxEditLength?: number,
): Script | undefined {
  const changes =
    maxEditLength === undefined
      ? diffArrays(oldIds, newIds)
      : diffArrays(oldIds, newIds, { maxEditLength });
  if (changes === undefined) return undefined;

  const script: Script = { removed: [], added: [] };
  let oldIndex = 0;
  let newIndex = 0;
  for (const change of changes) {
    for (let i = 0; i < change.count; i++) {
      if (change.removed) script.removed.push(oldIndex++);
      else if (change.added) script.added.push(newIndex++);
      else {
        oldIndex++;
        newIndex++;
      }
    }
  }
  return script;
}

function wholeRange(oldIds: number[], newIds: number[]): SequenceRange {
  return { oldStart: 0, oldEnd: oldIds.length, newStart: 0, newEnd: newIds.length };
}

function myersScript(
  oldIds: number[],
  newIds: number[],
  maxEditLength?: number,
): Script | undefined {
  const range = wholeRange(oldIds, newIds);
  const script = findMyersEdits(oldIds, newIds, range, maxEditLength ?? Infinity);
  if (script === undefined) return undefined;
  return { removed: Array.from(script.removed), added: Array.from(script.added) };
}

function randomIds(random: () => number, length: number, alphabet: number): number[] {
  return Array.from({ length }, () => Math.floor(random() * alphabet));
}

/** Copies `ids` with lines dropped, replaced and inserted, each at about `rate` per line. */
function editIds(random: () => number, ids: number[], alphabet: number, rate: number): number[] {
  const edited: number[] = [];
  for (const id of ids) {
    const roll = random();
    if (roll < rate) continue;
    edited.push(roll < 2 * rate ? Math.floor(random() * alphabet) : id);
    if (random() < rate) edited.push(Math.floor(random() * alphabet));
  }
  return edited;
}

function countEdits(script: Script | undefined): number {
  return script === undefined ? 0 : script.removed.length + script.added.length;
}

/**
 * Compares both scripts without a budget, then with budgets of 0, half, one less than, equal to
 * and one more than the edits jsdiff needs.
 */
function assertSameAsJsdiff(oldIds: number[], newIds: number[], label: string): void {
  const unbounded = jsdiffScript(oldIds, newIds);
  const message = `${label}: old ${JSON.stringify(oldIds)}, new ${JSON.stringify(newIds)}`;
  assert.deepEqual(myersScript(oldIds, newIds), unbounded, message);

  const edits = countEdits(unbounded);
  for (const budget of new Set([0, edits - 1, edits, edits + 1, Math.floor(edits / 2)])) {
    if (budget < 0) continue;
    const expected = jsdiffScript(oldIds, newIds, budget);
    assert.deepEqual(myersScript(oldIds, newIds, budget), expected, `${message}, budget ${budget}`);
  }
}

describe('findMyersEdits', () => {
  const cases: Array<{
    name: string;
    old: number[];
    new: number[];
    maxEditLength?: number;
    expected: Script | undefined;
  }> = [
    {
      name: 'both empty',
      old: [],
      new: [],
      maxEditLength: 0,
      expected: { removed: [], added: [] },
    },
    {
      name: 'equal, no budget',
      old: [1, 2, 3],
      new: [1, 2, 3],
      maxEditLength: 0,
      expected: { removed: [], added: [] },
    },
    { name: 'old empty', old: [], new: [7, 7], expected: { removed: [], added: [0, 1] } },
    { name: 'new empty', old: [1, 2, 3], new: [], expected: { removed: [0, 1, 2], added: [] } },
    // Keeping the 2 or the 1 costs two edits either way. The search keeps the later old line.
    { name: 'swapped pair', old: [1, 2], new: [2, 1], expected: { removed: [0], added: [1] } },
    // The first old line matches the first new line, so the second new line is the addition.
    { name: 'duplicate added', old: [1], new: [1, 1], expected: { removed: [], added: [1] } },
    { name: 'duplicate removed', old: [1, 1], new: [1], expected: { removed: [1], added: [] } },
    {
      name: 'replaced block',
      old: [5, 1, 2, 6],
      new: [5, 3, 4, 6],
      expected: { removed: [1, 2], added: [1, 2] },
    },
    {
      name: 'one edit too many',
      old: [1, 2, 3],
      new: [4, 5, 6],
      maxEditLength: 5,
      expected: undefined,
    },
    {
      name: 'exactly the budget',
      old: [1, 2, 3],
      new: [4, 5, 6],
      maxEditLength: 6,
      expected: { removed: [0, 1, 2], added: [0, 1, 2] },
    },
    { name: 'addition over budget', old: [], new: [7, 7], maxEditLength: 1, expected: undefined },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const actual = myersScript(testCase.old, testCase.new, testCase.maxEditLength);
      assert.deepEqual(actual, testCase.expected);
      assert.deepEqual(jsdiffScript(testCase.old, testCase.new, testCase.maxEditLength), actual);
    });
  }

  it('matches jsdiff on short random sequences', () => {
    const random = createRandom(1);
    for (let n = 0; n < 4000; n++) {
      const alphabet = 1 + Math.floor(random() * 5);
      const oldIds = randomIds(random, Math.floor(random() * 16), alphabet);
      const newIds = randomIds(random, Math.floor(random() * 16), alphabet);
      assertSameAsJsdiff(oldIds, newIds, `case ${n}`);
    }
  });

  it('matches jsdiff on edited sequences', () => {
    const random = createRandom(2);
    for (let n = 0; n < 600; n++) {
      const alphabet = [2, 3, 8, 50][n % 4] as number;
      const oldIds = randomIds(random, Math.floor(random() * 120), alphabet);
      const newIds = editIds(random, oldIds, alphabet, random() * 0.4);
      assertSameAsJsdiff(oldIds, newIds, `case ${n}`);
    }
  });

  it('matches jsdiff on long sequences', () => {
    const random = createRandom(3);
    for (let n = 0; n < 16; n++) {
      const alphabet = [2, 10, 400, 5000][n % 4] as number;
      const oldIds = randomIds(random, 800 + Math.floor(random() * 1200), alphabet);
      const newIds = editIds(random, oldIds, alphabet, 0.01 + random() * 0.1);
      assertSameAsJsdiff(oldIds, newIds, `case ${n}`);
    }
  });

  it('matches jsdiff with one side empty', () => {
    const random = createRandom(4);
    for (let n = 0; n < 50; n++) {
      const ids = randomIds(random, 1 + Math.floor(random() * 40), 3);
      assertSameAsJsdiff(ids, [], `old only, case ${n}`);
      assertSameAsJsdiff([], ids, `new only, case ${n}`);
    }
  });
});

describe('diffSequenceRange', () => {
  it('flags lines inside the range', () => {
    const oldIds = [9, 1, 2, 9];
    const newIds = [8, 2, 1, 8];
    const changes = { old: new Uint8Array(4), new: new Uint8Array(4) };
    const range = { oldStart: 1, oldEnd: 3, newStart: 1, newEnd: 3 };

    const edits = diffSequenceRange(oldIds, newIds, range, 10, changes);

    assert.equal(edits, 2);
    assert.deepEqual(Array.from(changes.old), [0, 1, 0, 0]);
    assert.deepEqual(Array.from(changes.new), [0, 0, 1, 0]);
  });

  it('flags nothing over budget', () => {
    const changes = { old: new Uint8Array(3), new: new Uint8Array(3) };
    const range = { oldStart: 0, oldEnd: 3, newStart: 0, newEnd: 3 };

    const edits = diffSequenceRange([1, 2, 3], [4, 5, 6], range, 5, changes);

    assert.equal(edits, undefined);
    assert.deepEqual(Array.from(changes.old), [0, 0, 0]);
    assert.deepEqual(Array.from(changes.new), [0, 0, 0]);
  });

  it('matches jsdiff on random slices', () => {
    const random = createRandom(5);
    for (let n = 0; n < 500; n++) {
      const oldIds = randomIds(random, Math.floor(random() * 40), 4);
      const newIds = editIds(random, oldIds, 4, random() * 0.5);
      const oldStart = Math.floor(random() * (oldIds.length + 1));
      const oldEnd = oldStart + Math.floor(random() * (oldIds.length - oldStart + 1));
      const newStart = Math.floor(random() * (newIds.length + 1));
      const newEnd = newStart + Math.floor(random() * (newIds.length - newStart + 1));
      const budget = Math.floor(random() * 30);
      const changes = { old: new Uint8Array(oldIds.length), new: new Uint8Array(newIds.length) };

      const edits = diffSequenceRange(
        oldIds,
        newIds,
        { oldStart, oldEnd, newStart, newEnd },
        budget,
        changes,
      );

      const message = `case ${n}`;
      const expected = jsdiffScript(
        oldIds.slice(oldStart, oldEnd),
        newIds.slice(newStart, newEnd),
        budget,
      );
      const expectedOld = new Uint8Array(oldIds.length);
      const expectedNew = new Uint8Array(newIds.length);
      for (const i of expected?.removed ?? []) expectedOld[oldStart + i] = 1;
      for (const j of expected?.added ?? []) expectedNew[newStart + j] = 1;
      assert.equal(edits, expected === undefined ? undefined : countEdits(expected), message);
      assert.deepEqual(changes.old, expectedOld, message);
      assert.deepEqual(changes.new, expectedNew, message);
    }
  });
});
