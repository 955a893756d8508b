import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('mode-changed-files', {
  'reads a file made executable': ({ change }) => {
    const entry = entryAt(change, 'bin/tool.sh');
    assert.equal(entry.status, 'modified');
    assert.equal(entry.oldMode, '100644');
    assert.equal(entry.newMode, '100755');
    assert.equal(entry.oldOid, entry.newOid);
  },
  'reads a file no longer executable': ({ change }) => {
    const entry = entryAt(change, 'bin/was-exec.sh');
    assert.equal(entry.oldMode, '100755');
    assert.equal(entry.newMode, '100644');
  },
});
