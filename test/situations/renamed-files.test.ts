import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('renamed-files', {
  'pairs an unchanged move at 100%': ({ change }) => {
    const entry = entryAt(change, 'docs/manual.md');
    assert.equal(entry.status, 'renamed');
    assert.equal(entry.oldPath, 'docs/guide.md');
    assert.equal(entry.similarity, 100);
  },
  'pairs an edited move below 100%': ({ change }) => {
    const entry = entryAt(change, 'src/new-name.ts');
    assert.equal(entry.oldPath, 'src/old-name.ts');
    assert.ok((entry.similarity ?? 0) < 100);
    assert.ok((entry.similarity ?? 0) >= 50);
  },
  'keeps the mode change of a move': ({ change }) => {
    const entry = entryAt(change, 'scripts/run.sh');
    assert.equal(entry.oldPath, 'tools/run.sh');
    assert.equal(entry.oldMode, '100644');
    assert.equal(entry.newMode, '100755');
  },
  'picks the moved file among same-named ones': ({ change }) => {
    assert.equal(entryAt(change, 'lib/c/config.json').oldPath, 'lib/a/config.json');
  },
});
