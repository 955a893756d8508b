import { encodeGitPath } from './path-bytes.js';

/**
 * Compares two paths in the byte order of their UTF-8 encoding, the order git sorts index
 * entries and diff output in. JavaScript's `<` compares UTF-16 code units instead, which puts
 * characters above U+FFFF (surrogate pairs) before U+E000-U+FFFF; shifting the unit values
 * restores code point order, which equals UTF-8 byte order.
 */
export function compareGitPaths(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A byte that is not valid UTF-8 is a lone surrogate (see path-bytes.ts), which sorts as
    // that byte, so such paths are compared as the bytes git stores.
    if (isSurrogate(x) || isSurrogate(y)) return Buffer.compare(encodeGitPath(a), encodeGitPath(b));
    return codePointOrder(x) - codePointOrder(y);
  }
  return a.length - b.length;
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

function codePointOrder(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}
