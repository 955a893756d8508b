import assert from 'node:assert/strict';

import { describeSituation } from '../git/situation-test.js';

describeSituation('first-commit', {
  'compares with the empty tree': ({ change }) => {
    assert.equal(change.headTree, null);
    assert.equal(change.head.ref, 'refs/heads/main');
    assert.deepEqual(
      change.entries.map((entry) => entry.path),
      ['README.md', 'src/index.ts', 'src/lib/util.ts'],
    );
    for (const entry of change.entries) {
      assert.equal(entry.status, 'added');
      assert.equal(entry.oldMode, null);
      assert.equal(entry.oldOid, null);
    }
  },
});
