import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('crlf-autocrlf', {
  'reads the blob git converted to LF': async ({ change, reader }) => {
    const blob = await reader.readBlob(entryAt(change, 'converted.txt').newOid ?? '');
    assert.equal(blob.includes(0x0d), false);
  },
  'pairs a CRLF file with its LF version': ({ change }) => {
    const entry = entryAt(change, 'lf/renamed.txt');
    assert.equal(entry.status, 'renamed');
    assert.equal(entry.oldPath, 'raw/windows.txt');
    assert.ok((entry.similarity ?? 0) < 100);
  },
});
