import assert from 'node:assert/strict';

import { describeSituation } from '../git/situation-test.js';

describeSituation('hundreds-of-staged-files', {
  'reads every staged path': ({ change }) => {
    assert.ok(change.entries.length > 300, String(change.entries.length));
  },
});
