import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseLfsPointer } from '../../src/footprint/lfs.js';

const OID = `sha256:${'4d7a2146'.repeat(8)}`;

function pointer(...lines: string[]): Buffer {
  return Buffer.from(lines.map((line) => `${line}\n`).join(''));
}

describe('parseLfsPointer', () => {
  it('v1 pointer', () => {
    const parsed = parseLfsPointer(
      pointer('version https://git-lfs.github.com/spec/v1', `oid ${OID}`, 'size 12345'),
    );
    assert.deepEqual(parsed, { oid: OID, size: 12345 });
  });

  it('extension keys kept apart', () => {
    const parsed = parseLfsPointer(
      pointer(
        'version https://git-lfs.github.com/spec/v1',
        'ext-0-foo sha256:0000',
        `oid ${OID}`,
        'size 1',
      ),
    );
    assert.deepEqual(parsed, { oid: OID, size: 1 });
  });

  const rejected: Array<[name: string, content: Buffer]> = [
    [
      'missing final newline',
      Buffer.from(`version https://git-lfs.github.com/spec/v1\noid ${OID}\nsize 1`),
    ],
    [
      'crlf lines',
      Buffer.from(`version https://git-lfs.github.com/spec/v1\r\noid ${OID}\r\nsize 1\r\n`),
    ],
    ['other version', pointer('version https://example.com/spec/v9', `oid ${OID}`, 'size 1')],
    ['missing size', pointer('version https://git-lfs.github.com/spec/v1', `oid ${OID}`)],
    ['missing oid', pointer('version https://git-lfs.github.com/spec/v1', 'size 1')],
    [
      'short oid',
      pointer('version https://git-lfs.github.com/spec/v1', 'oid sha256:abc', 'size 1'),
    ],
    [
      'negative size',
      pointer('version https://git-lfs.github.com/spec/v1', `oid ${OID}`, 'size -1'),
    ],
    [
      'duplicate key',
      pointer('version https://git-lfs.github.com/spec/v1', `oid ${OID}`, `oid ${OID}`, 'size 1'),
    ],
    ['plain text', pointer('hello')],
    ['empty', Buffer.alloc(0)],
  ];
  for (const [name, content] of rejected) {
    it(`rejects ${name}`, () => {
      assert.equal(parseLfsPointer(content), null);
    });
  }

  it('size limit of 1024 bytes', () => {
    const padded = (padding: number): Buffer =>
      pointer(
        'version https://git-lfs.github.com/spec/v1',
        `ext-0-pad ${'x'.repeat(padding)}`,
        `oid ${OID}`,
        'size 1',
      );
    const fits = padded(1024 - padded(0).length);
    assert.equal(fits.length, 1024);
    assert.deepEqual(parseLfsPointer(fits), { oid: OID, size: 1 });
    assert.equal(parseLfsPointer(padded(1025 - padded(0).length)), null);
  });
});
