import type { FileChange, FileContent } from '../footprint/types.js';

/** Bytes of a UTF-16 byte order mark, and of each UTF-16 code unit. */
const BOM_BYTES = 2;
const UNIT_BYTES = 2;

/** Returns true for a control character that text has no use for: C0 but tab, `\n`, `\f`, `\r`. */
function isControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;
}

function hasControl(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (isControl(text.charCodeAt(index))) return true;
  }
  return false;
}

/**
 * Returns true when a new binary file is text in UTF-16, with or without a byte order mark,
 * which git calls binary because of its NUL bytes. The footprint stage decodes such a blob
 * into lines for the secret rules (every line of a new file, numbered from 1), while it reads
 * any other binary blob as runs of printable bytes. Two facts tell them apart. First, decoded
 * UTF-16 accounts for every byte of the blob: 2 for a mark, and 2 for each code unit of the
 * lines and their line breaks (`\n`, or `\r\n`, whose `\r` the lines lose). Second, text has
 * no NUL or other control characters, which binary data after a stray mark decodes to.
 *
 * NOTE: the footprint does not record the encoding, so this reads it from the lines. An edited
 * or copied file's lines are only those HEAD lacks, so the check stays false for them.
 */
export function isUtf16Text(file: FileChange, content: FileContent | undefined): boolean {
  const lines = content?.opaqueLines;
  if (lines === undefined || lines.length === 0 || file.status !== 'added') return false;

  let units = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line === undefined || line.line !== index + 1 || hasControl(line.text)) return false;
    units += line.text.length;
  }
  return [BOM_BYTES, 0].some((markBytes) => fitsUnits(file.size - markBytes, units, lines.length));
}

/**
 * Returns true when `bytes` of UTF-16 are the `units` of `count` lines and their line breaks:
 * one `\n` between each two lines, plus at most a `\r` on every line and a final `\n`.
 */
function fitsUnits(bytes: number, units: number, count: number): boolean {
  if (bytes % UNIT_BYTES !== 0) return false;
  const staged = bytes / UNIT_BYTES;
  return staged >= units + count - 1 && staged <= units + 2 * count;
}
