import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('merge-conflict', {
  'keeps the conflicted path out of the entries': ({ change }) => {
    assert.equal(
      change.entries.some((entry) => entry.path === 'conflict.txt'),
      false,
    );
  },
  'reads what the merge staged cleanly': ({ change }) => {
    assert.equal(entryAt(change, 'side-only.txt').status, 'added');
  },
  'has no staged tree while unmerged': ({ change }) => {
    assert.equal(change.stagedTree, null);
  },
});
