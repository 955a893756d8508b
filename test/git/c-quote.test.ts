import assert from 'node:assert/strict';
import { test } from 'node:test';

import { unquoteCString } from '../../src/git/c-quote.js';
import { createTempRepo } from '../helpers/repo.js';

test('unquoteCString of git ls-files output', () => {
  const repo = createTempRepo();
  try {
    const names = ['caf\u00e9.txt', 'tab\there', 'new\nline', 'quote"d', 'back\\slash', 'plain'];
    names.forEach((name) => repo.write(name, 'x\n'));
    repo.git(['add', '-A']);
    const listed = repo.git(['-c', 'core.quotepath=true', 'ls-files']).trim().split('\n');
    assert.ok(listed.includes('"caf\\303\\251.txt"'), 'git quotes the non-ASCII name');
    assert.deepEqual(listed.map(unquoteCString).sort(), [...names].sort());
  } finally {
    repo.cleanup();
  }
});

test('unquoteCString leaves unquoted text', () => {
  assert.equal(unquoteCString('plain name'), 'plain name');
  assert.equal(unquoteCString('"'), '"');
});
