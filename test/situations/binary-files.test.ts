import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('binary-files', {
  'pairs an edited binary move without ignoring its carriage returns': ({ change }) => {
    const entry = entryAt(change, 'assets/moved.bin');
    assert.equal(entry.status, 'renamed');
    assert.equal(entry.oldPath, 'assets/data.bin');
  },
  'reads a NUL byte in the staged blob': async ({ change, reader }) => {
    const blob = await reader.readBlob(entryAt(change, 'assets/logo.png').newOid ?? '');
    assert.ok(blob.subarray(0, 8000).includes(0));
  },
  'reads the binary macro from .gitattributes': async ({ reader }) => {
    const values = await reader.readAttributes('assets/text-as-binary.dat', [
      'binary',
      'diff',
      'text',
    ]);
    assert.deepEqual(values, { binary: 'set', diff: 'unset', text: 'unset' });
  },
});
