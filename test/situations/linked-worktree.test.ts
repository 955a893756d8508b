import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('linked-worktree', {
  'reads the worktree index and HEAD': ({ change, reader }) => {
    assert.equal(reader.layout.isLinkedWorktree, true);
    assert.equal(change.head.ref, 'refs/heads/feature');
    assert.equal(entryAt(change, 'feature/new.txt').status, 'added');
  },
  'ignores what the main worktree staged': ({ change }) => {
    assert.equal(
      change.entries.some((entry) => entry.path === 'main-only.txt'),
      false,
    );
  },
});
