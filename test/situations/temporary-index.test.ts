import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('temporary-index', {
  'reads the index GIT_INDEX_FILE names': ({ change, reader }) => {
    assert.match(reader.layout.indexFile, /next-index-1234\.lock$/);
    assert.equal(entryAt(change, 'b.txt').status, 'modified');
  },
  'ignores what the real index staged': ({ change }) => {
    assert.equal(
      change.entries.some((entry) => entry.path === 'a.txt'),
      false,
    );
  },
});
