import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('symlinks', {
  'reads a retargeted link as modified': ({ change }) => {
    const entry = entryAt(change, 'link');
    assert.equal(entry.status, 'modified');
    assert.equal(entry.newMode, '120000');
  },
  'reads a file replaced by a link as a type change': ({ change }) => {
    const entry = entryAt(change, 'becomes-link.txt');
    assert.equal(entry.status, 'type-changed');
    assert.equal(entry.oldMode, '100644');
    assert.equal(entry.newMode, '120000');
  },
  'pairs a moved link exactly': ({ change }) => {
    const entry = entryAt(change, 'links/moved-link');
    assert.equal(entry.status, 'renamed');
    assert.equal(entry.oldPath, 'moved-link');
    assert.equal(entry.similarity, 100);
  },
  'reads the link target as blob content': async ({ change, reader }) => {
    const blob = await reader.readBlob(entryAt(change, 'new-link').newOid ?? '');
    assert.equal(blob.toString('utf8'), '../target.txt');
  },
});
