import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('sparse-checkout', {
  'reads a change staged outside the cone': ({ change }) => {
    assert.equal(entryAt(change, 'outside/b.txt').status, 'modified');
    assert.equal(entryAt(change, 'inside/a.txt').status, 'modified');
  },
  'uses the native reader for a sparse checkout without a sparse index': ({ reader, repo }) => {
    assert.match(repo.git(['ls-files', '-t', 'outside/deep/c.txt']), /^S /);
    assert.equal(reader.choice.reasons.length, 0);
  },
});
