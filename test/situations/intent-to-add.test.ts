import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('intent-to-add', {
  'leaves new intent-to-add paths out of the entries': ({ change }) => {
    const paths = change.entries.map((entry) => entry.path);
    assert.equal(paths.includes('new.txt'), false);
    assert.equal(paths.includes('only-ita/file.txt'), false);
  },
  'reads a tracked path re-added with -N as deleted': ({ change }) => {
    assert.equal(entryAt(change, 'tracked.txt').status, 'deleted');
    assert.equal(entryAt(change, 'empty.txt').status, 'deleted');
  },
  'reads the staged file beside them': ({ change }) => {
    assert.equal(entryAt(change, 'staged.txt').status, 'added');
  },
});
