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
 * Returns true when a new binary file is text in UTF-16 with a byte order mark, which git calls
 * binary because of its NUL bytes. The footprint stage decodes a blob that starts with the mark
 * into lines for the secret rules (every line of a new file, numbered from 1), while it reads
 * any other binary blob as runs of printable bytes. Two facts tell them apart. First, decoded
 * UTF-16 accounts for every byte of the blob: 2 for the mark, and 2 for each code unit of the
 * lines and their line breaks (`\n`, or `\r\n`, whose `\r` the lines lose). Second, text has
 * no NUL or other control characters, which binary data after a stray mark decodes to.
 *
 * NOTE: the footprint does not record the encoding, so this reads it from the lines. An edited
 * or copied file's lines are only those HEAD lacks, so the check stays false for them.
 */
export function isUtf16Text(file: FileChange, content: FileContent | undefined): boolean {
  const lines = content?.opaqueLines;
  if (lines === undefined || lines.length === 0 || file.status !== 'added') return false;
  if ((file.size - BOM_BYTES) % UNIT_BYTES !== 0) return false;

  let units = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line === undefined || line.line !== index + 1 || hasControl(line.text)) return false;
    units += line.text.length;
  }
  const count = lines.length;
  const staged = (file.size - BOM_BYTES) / UNIT_BYTES;
  // The line breaks are one `\n` between each two lines, plus at most a `\r` on every line
  // and a final `\n`.
  return staged >= units + count - 1 && staged <= units + 2 * count;
}
