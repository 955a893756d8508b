import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('copied-files', {
  'finds an edited copy of a modified file': ({ change }) => {
    const entry = entryAt(change, 'src/copy-of-template.ts');
    assert.equal(entry.status, 'copied');
    assert.equal(entry.oldPath, 'src/template.ts');
  },
  'finds an exact copy of the old content': ({ change }) => {
    const entry = entryAt(change, 'pages/base.css');
    assert.equal(entry.status, 'copied');
    assert.equal(entry.oldPath, 'src/base.css');
    assert.equal(entry.similarity, 100);
  },
  'keeps the copy sources as modified': ({ change }) => {
    assert.equal(entryAt(change, 'src/template.ts').status, 'modified');
    assert.equal(entryAt(change, 'src/base.css').status, 'modified');
  },
});
