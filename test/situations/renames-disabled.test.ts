import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('renames-disabled', {
  'keeps an exact move apart': ({ change }) => {
    assert.equal(entryAt(change, 'src/old-name.ts').status, 'deleted');
    assert.equal(entryAt(change, 'src/new-name.ts').status, 'added');
  },
  'keeps an edited move apart': ({ change }) => {
    assert.equal(entryAt(change, 'docs/guide.md').status, 'deleted');
    assert.equal(entryAt(change, 'docs/manual.md').status, 'added');
  },
  'pairs no entry': ({ change }) => {
    const paired = change.entries.filter((entry) => entry.oldPath !== undefined);
    assert.deepEqual(paired, []);
  },
});
