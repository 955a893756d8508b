import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { CommitPlan, PlannedChange } from '../../src/commit/types.js';
import { formatCommitPlan } from '../../src/output/commit-summary.js';
import { createStyle } from '../../src/output/style.js';

const STYLE = createStyle({ isTTY: false, write: () => true }, {}, 'never');

function planWith(changes: PlannedChange[]): CommitPlan {
  return {
    ref: 'refs/heads/main',
    startHead: 'a'.repeat(40),
    stagedTree: 'b'.repeat(40),
    commits: [
      {
        batch: 'b1',
        message: 'chore: move data\n',
        hookMessage: 'chore: move data\n',
        tree: 'c'.repeat(40),
        changes,
      },
    ],
    objects: [],
    strategy: {
      kind: 'planned',
      file: null,
      createdAt: '2026-12-05T12:00:00.000Z',
      mode: 'balanced',
    },
    cleanup: { mode: 'default', commentChar: '#' },
  };
}

test('many paths: twenty listed, rest counted', () => {
  const changes = Array.from({ length: 25 }, (_, index) => ({
    path: `data/file-${String(index).padStart(2, '0')}.csv`,
    totalHunks: 1,
  }));

  const lines = formatCommitPlan(STYLE, planWith(changes), '/tmp').trimEnd().split('\n');

  assert.equal(lines.length, 1 + 1 + 20 + 1);
  assert.equal(lines[2]?.trim(), 'data/file-00.csv');
  assert.equal(lines[21]?.trim(), 'data/file-19.csv');
  assert.equal(lines[22]?.trim(), 'and 5 more paths (--json lists them all)');
});

test('few paths: all listed', () => {
  const changes = [{ path: 'a.ts', totalHunks: 1 }];

  const lines = formatCommitPlan(STYLE, planWith(changes), '/tmp').trimEnd().split('\n');

  assert.equal(lines.length, 3);
  assert.equal(lines[2]?.trim(), 'a.ts');
});
