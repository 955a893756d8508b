import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pathWords, splitWords } from '../../src/batches/words.js';

describe('splitWords', () => {
  test('camel case', () => {
    assert.deepEqual(splitWords('parseHTTPHeaders'), ['parse', 'http', 'headers']);
  });

  test('snake and kebab case', () => {
    assert.deepEqual(splitWords('max_edit-budget'), ['max', 'edit', 'budget']);
  });

  test('common and short words left out', () => {
    assert.deepEqual(splitWords('getTheId'), []);
  });
});

describe('pathWords', () => {
  test('generic folders left out', () => {
    assert.deepEqual(pathWords('packages/vite/src/node/server/hmrClient.ts'), [
      'vite',
      'node',
      'server',
      'hmr',
      'client',
    ]);
  });
});
