import assert from 'node:assert/strict';
import { test } from 'node:test';

import { compareGitPaths } from '../../src/git/path-order.js';
import { decodeGitPath, encodeGitPath, quoteGitPath } from '../../src/git/path-bytes.js';

const CASES: [string, string][] = [
  ['ascii', '7265736d652e747874'],
  ['latin-1 letters', '72e973756de9'],
  ['valid utf-8', '636166c3a9'],
  ['emoji', 'f09f9880'],
  ['replacement character', 'efbfbd'],
  ['truncated sequence', '61e282'],
  ['overlong slash', 'c0af'],
  ['encoded surrogate', 'eda080'],
  ['above U+10FFFF', 'f4908080'],
];

for (const [name, hex] of CASES) {
  test(`path bytes round trip: ${name}`, () => {
    const bytes = Buffer.from(hex, 'hex');
    assert.equal(encodeGitPath(decodeGitPath(bytes)).toString('hex'), hex);
  });
}

test('invalid byte decodes to lone surrogate', () => {
  assert.equal(decodeGitPath(Buffer.from('72e9', 'hex')), 'r\udce9');
  assert.equal(decodeGitPath(Buffer.from('efbfbd', 'hex')), '\ufffd');
});

test('quoted path matches git quoting', () => {
  assert.equal(
    quoteGitPath(decodeGitPath(Buffer.from('r\xe9sum\xe9.txt', 'latin1'))),
    '"r\\351sum\\351.txt"',
  );
  assert.equal(quoteGitPath('caf\u00e9'), '"caf\\303\\251"');
  assert.equal(quoteGitPath('tab\there'), '"tab\\there"');
  assert.equal(quoteGitPath('plain.txt'), 'plain.txt');
});

test('path order follows bytes', () => {
  const paths = ['\u4e2d', 'r\udc80', 'r\udce9', 'r\u00e9', 'r\ud83d\ude00'];
  const byBytes = [...paths].sort((a, b) => Buffer.compare(encodeGitPath(a), encodeGitPath(b)));
  assert.deepEqual([...paths].sort(compareGitPaths), byBytes);
  assert.ok(compareGitPaths('r\udc80', 'r\u00e9') < 0);
  assert.ok(compareGitPaths('r\udce9', 'r\u00e9') > 0);
});
