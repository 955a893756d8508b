import assert from 'node:assert/strict';

import { describeSituation } from '../git/situation-test.js';

describeSituation('deleted-files', {
  'lists every file of a deleted folder': ({ change }) => {
    assert.deepEqual(
      change.entries.map((entry) => [entry.path, entry.status, entry.newMode, entry.newOid]),
      [
        ['gone.txt', 'deleted', null, null],
        ['old/a.txt', 'deleted', null, null],
        ['old/deeper/b.txt', 'deleted', null, null],
      ],
    );
  },
});
