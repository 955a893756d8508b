import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('very-large-file', {
  'reads the size of a 24 MiB blob': async ({ change, reader }) => {
    const entry = entryAt(change, 'big/data.log');
    assert.equal(await reader.readObjectSize(entry.newOid ?? ''), 24 * 1024 * 1024);
  },
  'reads a large added blob whole': async ({ change, reader }) => {
    const blob = await reader.readBlob(entryAt(change, 'big/new.log').newOid ?? '');
    assert.equal(blob.length, 8 * 1024 * 1024);
  },
});
