import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseManifest } from '../../src/batches/manifest-changes.js';

test('manifest with a byte order mark', () => {
  assert.deepEqual(parseManifest('\uFEFF{"name": "shop", "private": true}\n'), {
    name: 'shop',
    private: true,
  });
});

test('manifest that is no object', () => {
  assert.equal(parseManifest('["shop"]\n'), null);
});
