import { encodeGitPath } from './path-bytes.js';

/**
 * A byte text is a string with one UTF-16 code unit per byte. A glob compiled to a regular
 * expression then matches bytes as git's wildmatch does: `?` takes one byte of `é`, and a
 * pattern byte that is not valid UTF-8 matches the same byte of a path. ASCII bytes stay as
 * they are. Bytes 0x80-0xff map to U+E080-U+E0FF, private-use characters that have no case,
 * so the `i` flag folds ASCII letters only (git folds with ASCII tolower) and never folds
 * Latin-1 `é` into `É` as it would with a plain latin1 string. The mapping keeps byte order,
 * so a bracket range such as `[\x80-\xff]` keeps its meaning.
 */

const HIGH_BYTE_BASE = 0xe000;

const HIGH_BYTES = /[\x80-\xff]/g;

/** Returns the byte text of `bytes`. */
export function toByteText(bytes: Uint8Array): string {
  // Decoded in one call and mapped after, because a string built one character at a time
  // is a chain of one V8 string node per character until it is flattened.
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(HIGH_BYTES, shiftHighByte);
}

function shiftHighByte(character: string): string {
  return String.fromCharCode(HIGH_BYTE_BASE + character.charCodeAt(0));
}

/** Returns the byte text of a path as git stores it (escaped bytes turned back into bytes). */
export function pathToByteText(path: string): string {
  // eslint-disable-next-line no-control-regex -- the check is for code units above 0x7f
  if (!/[^\x00-\x7f]/.test(path)) return path;
  return toByteText(encodeGitPath(path));
}

/** Returns the byte of one byte-text code unit. */
export function byteOfUnit(unit: number): number {
  return unit < 0x80 ? unit : unit - HIGH_BYTE_BASE;
}

/** Returns the bytes a byte text stands for. */
export function fromByteText(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let index = 0; index < text.length; index++) {
    bytes[index] = byteOfUnit(text.charCodeAt(index));
  }
  return bytes;
}
