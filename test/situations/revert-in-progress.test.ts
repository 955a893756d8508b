import assert from 'node:assert/strict';

import { describeSituation } from '../git/situation-test.js';

describeSituation('revert-in-progress', {
  'reads no staged entry besides the conflict': ({ change }) => {
    assert.deepEqual(change.entries, []);
    assert.equal(change.stagedTree, null);
  },
});
