import { isUtf8 } from 'node:buffer';

import { utf8Text } from './buffer-text.js';

/**
 * git stores path names as bytes, and old repositories hold names in Latin-1 or other
 * encodings that are not valid UTF-8. Paths are strings in footprint, so a byte that is not
 * part of valid UTF-8 is decoded to the lone surrogate U+DC80-U+DCFF (U+DC00 plus the byte),
 * the escape Python's `surrogateescape` error handler uses. encodeGitPath turns such a
 * surrogate back into its byte, so a name read from git is written back unchanged, and JSON
 * output keeps it as `\udcXX`.
 */

/** Lowest and highest code unit of an escaped byte (0x80-0xff). */
const ESCAPE_BASE = 0xdc00;
const ESCAPE_LOW = 0xdc80;
const ESCAPE_HIGH = 0xdcff;
/** A lone escaped byte; the `u` flag leaves the low half of a surrogate pair unmatched. */
const ESCAPED_BYTE = /[\udc80-\udcff]/u;
const REPLACEMENT_CHARACTER = '\uFFFD';

/** Decodes bytes `start` to `end` of a path name, escaping bytes that are not valid UTF-8. */
export function decodeGitPath(bytes: Buffer, start = 0, end = bytes.length): string {
  const text = utf8Text(bytes, start, end);
  // The decoder puts U+FFFD in place of invalid bytes, but a valid name may contain it too.
  if (!text.includes(REPLACEMENT_CHARACTER)) return text;

  const name = bytes.subarray(start, end);
  return isUtf8(name) ? text : decodeWithEscapes(name);
}

/** Encodes a path to the bytes git stores, turning escaped bytes back into bytes. */
export function encodeGitPath(path: string): Buffer {
  if (!ESCAPED_BYTE.test(path)) return Buffer.from(path, 'utf8');

  const bytes: number[] = [];
  for (const character of path) {
    const unit = character.charCodeAt(0);
    if (character.length === 1 && unit >= ESCAPE_LOW && unit <= ESCAPE_HIGH) {
      bytes.push(unit - ESCAPE_BASE);
    } else {
      bytes.push(...Buffer.from(character, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

const ESCAPED_BYTES = /[\udc80-\udcff]/gu;

/**
 * Writes each escaped byte of a decoded path in octal, as git writes it in a quoted path
 * (`report-\350.txt`). A name that is not valid UTF-8 then stays distinct in text such as a
 * commit message, where the escape itself would be written as U+FFFD.
 */
export function showEscapedBytes(text: string): string {
  if (!ESCAPED_BYTE.test(text)) return text;
  return text.replace(
    ESCAPED_BYTES,
    (unit) => `\\${(unit.charCodeAt(0) - ESCAPE_BASE).toString(8)}`,
  );
}

/** Returns true when a path contains a byte that is not valid UTF-8 (an escaped byte). */
export function hasEscapedByte(path: string): boolean {
  return ESCAPED_BYTE.test(path);
}

/**
 * Quotes a path as git prints it with `core.quotePath` on: in double quotes, with control
 * characters, `"`, `\` and every byte over 0x7f written as a C escape (`"r\351sum\351.txt"`).
 * A path that needs no escape is returned as it is.
 */
export function quoteGitPath(path: string): string {
  const bytes = encodeGitPath(path);
  let quoted = '';
  let escaped = false;
  for (const byte of bytes) {
    const named = NAMED_ESCAPES[byte];
    if (named !== undefined) quoted += `\\${named}`;
    else if (byte < 0x20 || byte >= 0x7f) quoted += `\\${byte.toString(8).padStart(3, '0')}`;
    else quoted += String.fromCharCode(byte);
    escaped ||= named !== undefined || byte < 0x20 || byte >= 0x7f;
  }
  return escaped ? `"${quoted}"` : path;
}

/** Bytes git writes as a letter escape when it quotes a path. */
const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x22: '"',
  0x5c: '\\',
};

/**
 * Decodes each run of valid UTF-8 as such and escapes every other byte on its own, so that
 * encoding the result gives back exactly the input.
 */
function decodeWithEscapes(bytes: Buffer): string {
  let text = '';
  let runStart = 0;
  let position = 0;
  while (position < bytes.length) {
    const length = validSequenceLength(bytes, position);
    if (length > 0) {
      position += length;
      continue;
    }

    text += utf8Text(bytes, runStart, position);
    text += String.fromCharCode(ESCAPE_BASE + (bytes[position] as number));
    position++;
    runStart = position;
  }
  return text + utf8Text(bytes, runStart, position);
}

/**
 * Returns the length of the valid UTF-8 sequence at `position`, or 0 when the byte there
 * starts none. The ranges of the second byte are those of the Unicode Standard's table of
 * well-formed byte sequences, which excludes overlong forms, surrogates and code points
 * above U+10FFFF.
 */
function validSequenceLength(bytes: Buffer, position: number): number {
  const lead = bytes[position] as number;
  if (lead < 0x80) return 1;

  let length: number;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) length = 3;
  else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
  else return 0;
  if (position + length > bytes.length) return 0;

  const second = bytes[position + 1] as number;
  if (second < secondByteLow(lead) || second > secondByteHigh(lead)) return 0;
  for (let next = 2; next < length; next++) {
    if (((bytes[position + next] as number) & 0xc0) !== 0x80) return 0;
  }
  return length;
}

/**
 * Returns the lowest valid second byte after `lead`. It is higher after 0xe0 and 0xf0, which
 * rules out overlong forms.
 */
function secondByteLow(lead: number): number {
  if (lead === 0xe0) return 0xa0;
  if (lead === 0xf0) return 0x90;
  return 0x80;
}

/**
 * Returns the highest valid second byte after `lead`. It is lower after 0xed, which rules out
 * surrogates, and after 0xf4, which rules out code points above U+10FFFF.
 */
function secondByteHigh(lead: number): number {
  if (lead === 0xed) return 0x9f;
  if (lead === 0xf4) return 0x8f;
  return 0xbf;
}
