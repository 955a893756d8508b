import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { computeHunks } from '../../src/footprint/hunks.js';
import { applyRandomEdits, createRandom, generateSourceText } from '../helpers/edit-cases.js';
import { gitDiffContents } from '../helpers/git-hunks.js';

interface Comparison {
  cases: number;
  sameHunks: number;
  sameCounts: number;
  mismatches: string[];
}

/** Diffs generated source files before and after random edits with footprint and with git. */
function compareWithGit(seed: number, cases: number, editsPerCase: () => number): Comparison {
  const random = createRandom(seed);
  const result: Comparison = { cases, sameHunks: 0, sameCounts: 0, mismatches: [] };

  for (let i = 0; i < cases; i++) {
    const oldContent = Buffer.from(generateSourceText(random, 3 + Math.floor(random() * 25)));
    const newContent = Buffer.from(applyRandomEdits(oldContent.toString(), random, editsPerCase()));
    const ours = computeHunks(oldContent, newContent);
    const git = gitDiffContents(oldContent, newContent);

    if (JSON.stringify(ours.hunks) === JSON.stringify(git.hunks)) result.sameHunks++;
    else
      result.mismatches.push(
        `case ${i}: ${JSON.stringify(ours.hunks)} vs ${JSON.stringify(git.hunks)}`,
      );
    if (ours.additions === git.additions && ours.deletions === git.deletions) result.sameCounts++;
  }
  return result;
}

describe('computeHunks on generated edits', () => {
  it('one edit: hunks equal git', () => {
    const result = compareWithGit(101, 60, () => 1);
    assert.deepEqual(result.mismatches, []);
    assert.equal(result.sameCounts, result.cases);
  });

  it('two edits: hunks equal git', () => {
    const result = compareWithGit(202, 60, () => 2);
    assert.deepEqual(result.mismatches, []);
    assert.equal(result.sameCounts, result.cases);
  });

  it('up to ten edits: counts equal git', () => {
    const random = createRandom(303);
    const result = compareWithGit(303, 60, () => 3 + Math.floor(random() * 8));
    assert.equal(result.sameCounts, result.cases);
    // Several edits close together can have more than one minimal alignment, and jsdiff's
    // forward search may pick another one than git's middle-snake search.
    assert.ok(result.sameHunks >= result.cases * 0.9, result.mismatches.join('\n'));
  });
});
