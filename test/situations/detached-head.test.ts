import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('detached-head', {
  'reads HEAD without a branch': ({ change }) => {
    assert.equal(change.head.ref, null);
    assert.equal(change.head.detached, true);
  },
  'compares with the detached commit': ({ change }) => {
    assert.equal(entryAt(change, 'a.txt').status, 'modified');
    assert.equal(entryAt(change, 'b/new.txt').status, 'added');
  },
});
