import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  BINARY_SCAN_BYTES,
  binaryFromAttributes,
  hasBinaryContent,
} from '../../src/footprint/binary.js';

describe('hasBinaryContent', () => {
  it('text', () => {
    assert.equal(hasBinaryContent(Buffer.from('plain text\n')), false);
  });

  it('empty', () => {
    assert.equal(hasBinaryContent(Buffer.alloc(0)), false);
  });

  it('nul at start', () => {
    assert.equal(hasBinaryContent(Buffer.from([0, 65, 66])), true);
  });

  it('nul in last scanned byte', () => {
    const content = Buffer.alloc(BINARY_SCAN_BYTES, 0x61);
    content[BINARY_SCAN_BYTES - 1] = 0;
    assert.equal(hasBinaryContent(content), true);
  });

  it('nul past the scanned bytes', () => {
    const content = Buffer.alloc(BINARY_SCAN_BYTES + 1, 0x61);
    content[BINARY_SCAN_BYTES] = 0;
    assert.equal(hasBinaryContent(content), false);
  });

  it('high bytes without nul', () => {
    assert.equal(hasBinaryContent(Buffer.from([0xff, 0xfe, 0x80])), false);
  });
});

describe('binaryFromAttributes', () => {
  const cases: Array<[name: string, attributes: Record<string, string>, expected: boolean | null]> =
    [
      ['binary set', { binary: 'set', diff: 'unset' }, true],
      ['diff unset', { binary: 'unspecified', diff: 'unset' }, true],
      ['diff set', { binary: 'unspecified', diff: 'set' }, false],
      ['named diff driver', { binary: 'unspecified', diff: 'lfs' }, null],
      ['nothing specified', { binary: 'unspecified', diff: 'unspecified' }, null],
      ['no attributes', {}, null],
    ];
  for (const [name, attributes, expected] of cases) {
    it(name, () => {
      assert.equal(binaryFromAttributes(attributes), expected);
    });
  }
});
