import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('cherry-pick-in-progress', {
  'stays on the branch': ({ change }) => {
    assert.equal(change.head.ref, 'refs/heads/main');
  },
  'reads what the pick staged cleanly': ({ change }) => {
    assert.equal(entryAt(change, 'side-only.txt').status, 'added');
    assert.equal(change.stagedTree, null);
  },
});
