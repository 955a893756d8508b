import assert from 'node:assert/strict';
import { test } from 'node:test';

import { capitalizedOperationPhrase, operationPhrase } from '../../src/git/operation-phrase.js';

test('operation phrases take their article', () => {
  assert.equal(operationPhrase('merge'), 'a merge');
  assert.equal(operationPhrase('cherry-pick'), 'a cherry-pick');
  assert.equal(operationPhrase('am'), 'a git am session');
  assert.equal(capitalizedOperationPhrase('rebase'), 'A rebase');
  assert.equal(capitalizedOperationPhrase('am'), 'A git am session');
});
