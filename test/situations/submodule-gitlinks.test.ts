import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('submodule-gitlinks', {
  'reads a moved gitlink by commit id only': ({ change }) => {
    const entry = entryAt(change, 'vendor/lib');
    assert.equal(entry.status, 'modified');
    assert.equal(entry.oldMode, '160000');
    assert.equal(entry.newMode, '160000');
    assert.notEqual(entry.oldOid, entry.newOid);
  },
  'reads an added gitlink whose commit the superproject lacks': async ({ change, reader }) => {
    const entry = entryAt(change, 'vendor/pinned');
    assert.equal(entry.status, 'added');
    assert.equal(entry.newMode, '160000');
    await assert.rejects(reader.readObjectSize(entry.newOid ?? ''));
  },
});
