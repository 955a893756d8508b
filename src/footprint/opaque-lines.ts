import { latin1Text } from '../git/buffer-text.js';
import type { ScanLine } from './types.js';
import { detectUtf16Order } from './utf16-order.js';

/**
 * Largest staged blob whose added lines are found without a diff, for the secret rules. Finding
 * them is linear in the blob's size, so the limit bounds the time and memory one file can take.
 */
export const MAX_SCAN_BYTES = 64 * 1024 * 1024;

/** Shortest run of printable bytes in a binary blob that is read as a line, as `strings` does. */
const MIN_PRINTABLE_RUN = 8;

/**
 * Returns the lines of a text blob too large to diff that HEAD's blob does not have, counted
 * as a multiset: a line found three times in the staged blob and once in HEAD's gives two. The lines
 * keep their 1-based numbers in the staged blob. Which copy of a repeated line counts as added
 * is a guess, since there is no diff, but every line new to the file is found.
 */
export function findAddedTextLines(oldContent: Buffer | null, newContent: Buffer): ScanLine[] {
  const oldText = oldContent === null ? '' : oldContent.toString('utf8');
  return findAddedLinesOfText(oldText, newContent.toString('utf8'));
}

function findAddedLinesOfText(oldText: string, newText: string): ScanLine[] {
  const remaining = countLines(splitLines(oldText));
  const added: ScanLine[] = [];
  splitLines(newText).forEach((text, index) => {
    const count = remaining.get(text) ?? 0;
    if (count > 0) remaining.set(text, count - 1);
    else added.push({ line: index + 1, text });
  });
  return added;
}

/**
 * Returns the runs of printable ASCII in a binary blob that HEAD's blob does not hold, each as
 * a line numbered by the newlines before it. A secret stored in a binary file (a compiled
 * bundle, a keystore with a text header, a file with one stray NUL byte) is such a run.
 */
export function findAddedPrintableRuns(oldContent: Buffer | null, newContent: Buffer): ScanLine[] {
  const newText = decodeUtf16(newContent);
  if (newText !== null) {
    const oldText = oldContent === null ? null : decodeUtf16(oldContent);
    return findAddedLinesOfText(oldText ?? '', newText);
  }

  const remaining = countLines(
    oldContent === null ? [] : readPrintableRuns(oldContent).map((run) => run.text),
  );
  return readPrintableRuns(newContent).filter((run) => {
    const count = remaining.get(run.text) ?? 0;
    if (count === 0) return true;
    remaining.set(run.text, count - 1);
    return false;
  });
}

/**
 * Decodes a blob of UTF-16 text, which git calls binary because of its NUL bytes (Windows tools
 * write such text files): one that starts with a byte order mark, or one that detectUtf16Order
 * reads as UTF-16 without it. Returns null for any other blob.
 */
function decodeUtf16(content: Buffer): string | null {
  if (content[0] === 0xff && content[1] === 0xfe) return content.subarray(2).toString('utf16le');
  if (content[0] === 0xfe && content[1] === 0xff) return decodeBigEndian(content.subarray(2));

  const order = detectUtf16Order(content);
  if (order === 'le') return content.toString('utf16le');
  if (order === 'be') return decodeBigEndian(content);
  return null;
}

function decodeBigEndian(bytes: Buffer): string {
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return swapped.swap16().toString('utf16le');
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

function countLines(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

function isPrintable(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 0x09;
}

function readPrintableRuns(content: Buffer): ScanLine[] {
  const runs: ScanLine[] = [];
  let line = 1;
  let start = -1;
  for (let at = 0; at <= content.length; at++) {
    const byte = at < content.length ? (content[at] ?? 0) : 0;
    if (isPrintable(byte)) {
      if (start === -1) start = at;
      continue;
    }
    if (start !== -1 && at - start >= MIN_PRINTABLE_RUN) {
      runs.push({ line, text: latin1Text(content, start, at) });
    }
    start = -1;
    if (byte === 0x0a) line++;
  }
  return runs;
}
