import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('lfs-pointers', {
  'reads the pointer text as the staged blob': async ({ change, reader }) => {
    const blob = await reader.readBlob(entryAt(change, 'design/mockup.psd').newOid ?? '');
    assert.match(
      blob.toString('utf8'),
      /^version https:\/\/git-lfs\.github\.com\/spec\/v1\noid sha256:(cd){32}\nsize 654321\n$/,
    );
  },
  'reads the lfs filter from .gitattributes': async ({ reader }) => {
    const values = await reader.readAttributes('design/icons.psd', ['filter', 'diff', 'text']);
    assert.deepEqual(values, { filter: 'lfs', diff: 'lfs', text: 'unset' });
  },
});
