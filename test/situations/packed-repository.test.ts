import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('packed-repository', {
  'reads changes against packed, deltified trees': ({ change, repo }) => {
    assert.ok(Number(repo.git(['count-objects', '-v']).match(/^in-pack: (\d+)/m)?.[1]) > 0);
    assert.equal(entryAt(change, 'area2/notes.txt').status, 'modified');
    assert.equal(entryAt(change, 'area4/deep-moved.txt').oldPath, 'area4/sub/deep.txt');
  },
});
