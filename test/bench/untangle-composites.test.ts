import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  MAX_SPAN_SECONDS,
  findComposites,
  isBotAuthor,
  isEligibleCommit,
  isLockfileOnly,
  overlapsTaken,
  shuffleComposites,
} from '../../bench/untangle/composites.js';
import {
  parseRecord,
  readFirstParentHistory,
  type HistoryCommit,
} from '../../bench/untangle/history.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

const DAY = 24 * 60 * 60;

/** Returns a linear history of commits c1, c2, ..., each the parent of the next, one day apart. */
function linearHistory(count: number, overrides: Partial<HistoryCommit>[] = []): HistoryCommit[] {
  return Array.from({ length: count }, (_, i) => ({
    oid: `c${i + 1}`,
    parents: [`c${i}`],
    authorName: 'Ada',
    authorEmail: 'ada@example.com',
    authorTime: 1_700_000_000 + i * DAY,
    paths: [`src/file${i + 1}.ts`],
    ...overrides[i],
  }));
}

function oidsOf(composites: ReturnType<typeof findComposites>): string[][] {
  return composites.map((composite) => composite.commits.map((commit) => commit.oid));
}

describe('eligible commits', () => {
  test('bot authors by name or address', () => {
    const [commit] = linearHistory(1);
    assert.equal(isBotAuthor({ ...commit!, authorName: 'renovate[bot]' }), true);
    assert.equal(
      isBotAuthor({ ...commit!, authorEmail: '49699333+dependabot@users.noreply.github.com' }),
      true,
    );
    assert.equal(isBotAuthor({ ...commit!, authorName: 'github-actions' }), true);
    assert.equal(isBotAuthor(commit!), false);
  });

  test('lockfile-only commits', () => {
    const [commit] = linearHistory(1);
    assert.equal(
      isLockfileOnly({ ...commit!, paths: ['package-lock.json', 'sub/yarn.lock'] }),
      true,
    );
    assert.equal(
      isLockfileOnly({ ...commit!, paths: ['package-lock.json', 'package.json'] }),
      false,
    );
  });

  test('merges and root commits are not eligible', () => {
    const [commit] = linearHistory(1);
    assert.equal(isEligibleCommit({ ...commit!, parents: ['a', 'b'] }), false);
    assert.equal(isEligibleCommit({ ...commit!, parents: [] }), false);
    assert.equal(isEligibleCommit({ ...commit!, paths: [] }), false);
    assert.equal(isEligibleCommit(commit!), true);
  });
});

describe('findComposites', () => {
  test('every run of consecutive commits', () => {
    const composites = findComposites(linearHistory(4), 2);
    assert.deepEqual(oidsOf(composites), [
      ['c1', 'c2'],
      ['c2', 'c3'],
      ['c3', 'c4'],
    ]);
    assert.equal(composites[0]?.base, 'c0');
  });

  test('author change breaks a run', () => {
    const history = linearHistory(3, [{}, { authorEmail: 'bob@example.com' }]);
    assert.deepEqual(oidsOf(findComposites(history, 2)), []);
  });

  test('address case does not matter', () => {
    const history = linearHistory(2, [{}, { authorEmail: 'ADA@example.com' }]);
    assert.deepEqual(oidsOf(findComposites(history, 2)), [['c1', 'c2']]);
  });

  test('span over 14 days breaks a run', () => {
    const history = linearHistory(2, [{}, { authorTime: 1_700_000_000 + MAX_SPAN_SECONDS + 1 }]);
    assert.deepEqual(oidsOf(findComposites(history, 2)), []);
  });

  test('span of exactly 14 days is a run', () => {
    const history = linearHistory(2, [{}, { authorTime: 1_700_000_000 + MAX_SPAN_SECONDS }]);
    assert.deepEqual(oidsOf(findComposites(history, 2)), [['c1', 'c2']]);
  });

  test('merge in the middle breaks a run', () => {
    const history = linearHistory(3, [{}, { parents: ['c1', 'side'] }]);
    assert.deepEqual(oidsOf(findComposites(history, 2)), []);
  });

  test('lockfile-only commit breaks a run', () => {
    const history = linearHistory(3, [{}, { paths: ['pnpm-lock.yaml'] }]);
    assert.deepEqual(oidsOf(findComposites(history, 2)), []);
  });

  test('commits that are not parent and child are no run', () => {
    const history = linearHistory(2, [{}, { parents: ['elsewhere'] }]);
    assert.deepEqual(oidsOf(findComposites(history, 2)), []);
  });
});

describe('shuffleComposites', () => {
  test('same seed gives the same order', () => {
    const composites = findComposites(linearHistory(12), 2);
    const first = oidsOf(shuffleComposites(composites, 5));
    assert.deepEqual(oidsOf(shuffleComposites(composites, 5)), first);
    assert.notDeepEqual(oidsOf(shuffleComposites(composites, 6)), first);
  });

  test('keeps every composite once', () => {
    const composites = findComposites(linearHistory(12), 3);
    const shuffled = shuffleComposites(composites, 1);
    assert.equal(shuffled.length, composites.length);
    assert.deepEqual(new Set(shuffled), new Set(composites));
  });

  test('overlap with taken commits', () => {
    const [composite] = findComposites(linearHistory(3), 2);
    assert.equal(overlapsTaken(composite!, new Set(['c2'])), true);
    assert.equal(overlapsTaken(composite!, new Set(['c3'])), false);
  });
});

describe('readFirstParentHistory', () => {
  test('parses a record with paths', () => {
    const commit = parseRecord(
      'abc p1\x1fAda L\x1fada@example.com\x1f1700000000\0\nsrc/a.ts\0b c.md\0',
    );
    assert.deepEqual(commit, {
      oid: 'abc',
      parents: ['p1'],
      authorName: 'Ada L',
      authorEmail: 'ada@example.com',
      authorTime: 1_700_000_000,
      paths: ['src/a.ts', 'b c.md'],
    });
  });

  test('reads the mainline oldest first without the merged branch', () => {
    const repo: TempRepo = createTempRepo();
    try {
      repo.write('a.txt', '1\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'first']);
      repo.git(['checkout', '-q', '-b', 'side']);
      repo.write('side.txt', 'side\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'side']);
      repo.git(['checkout', '-q', 'main']);
      repo.write('a.txt', '2\n');
      repo.git(['commit', '-q', '-am', 'second']);
      repo.git(['merge', '-q', '--no-ff', '-m', 'merge', 'side']);

      const history = readFirstParentHistory(repo.dir, 'HEAD');
      const subjects = history.map((commit) =>
        repo.git(['log', '-1', '--format=%s', commit.oid]).trim(),
      );
      assert.deepEqual(subjects, ['first', 'second', 'merge']);
      assert.deepEqual(history[1]?.paths, ['a.txt']);
      assert.equal(history[2]?.parents.length, 2);
      assert.equal(history[0]?.authorEmail, 'author@example.com');
    } finally {
      repo.cleanup();
    }
  });
});
