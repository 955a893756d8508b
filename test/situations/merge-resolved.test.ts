import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('merge-resolved', {
  'reads the resolution as a modification': ({ change }) => {
    assert.equal(entryAt(change, 'conflict.txt').status, 'modified');
  },
  'has a staged tree once resolved': ({ change }) => {
    assert.notEqual(change.stagedTree, null);
  },
});
