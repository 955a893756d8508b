import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCommitPrefix } from '../../src/batches/update-bots/commit-prefix.js';

describe('parseCommitPrefix', () => {
  const valid = [
    { prefix: 'build', expected: { type: 'build', scope: null } },
    { prefix: 'chore(deps)', expected: { type: 'chore', scope: 'deps' } },
    { prefix: 'ci', expected: { type: 'ci', scope: null } },
    { prefix: 'fix(deps-dev):', expected: { type: 'fix', scope: 'deps-dev' } },
    { prefix: 'build: ', expected: { type: 'build', scope: null } },
    { prefix: 'Chore', expected: { type: 'chore', scope: null } },
    { prefix: 'chore(ui/deps)', expected: { type: 'chore', scope: 'ui/deps' } },
  ];

  for (const { prefix, expected } of valid) {
    test(`reads ${JSON.stringify(prefix)}`, () => {
      assert.deepEqual(parseCommitPrefix(prefix), expected);
    });
  }

  // Dependabot adds no colon after a prefix that ends with a space, so `build ` is no type.
  const invalid = ['', 'deps', '[deps] ', 'build ', 'build()', 'chore(deps', 'feat!', ' build'];

  for (const prefix of invalid) {
    test(`rejects ${JSON.stringify(prefix)}`, () => {
      assert.equal(parseCommitPrefix(prefix), null);
    });
  }
});
