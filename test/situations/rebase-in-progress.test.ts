import assert from 'node:assert/strict';

import { describeSituation } from '../git/situation-test.js';

describeSituation('rebase-in-progress', {
  'reads HEAD detached at the commit being rebased onto': ({ change, repo }) => {
    assert.equal(change.head.ref, null);
    assert.equal(change.head.oid, repo.git(['rev-parse', 'main']).trim());
  },
  'has no staged tree while unmerged': ({ change }) => {
    assert.equal(change.stagedTree, null);
  },
});
