import { lineAtOffset, lineEnd, lineStart, type LineTable } from './line-table.js';

/** Bytes compared per native call while looking for the first difference. */
const SCAN_BLOCK_BYTES = 4096;
/** Size of a block below which the first difference is looked for byte by byte. */
const BYTE_SCAN_BYTES = 16;
/** Bytes git compares at a time when it drops the common tail. */
const TAIL_BLOCK_BYTES = 1024;

/**
 * Returns how many bytes at the end of both contents git leaves out of a zero-context diff
 * (trim_common_tail in git's xdiff-interface.c). git drops equal 1 KiB blocks from the end,
 * then keeps the part of the first dropped block up to and including its first newline.
 * Without the dropped lines a change can no longer slide toward the end of the file, so
 * `-U0` hunks can sit elsewhere than `-U3` hunks, and these hunks follow `-U0`.
 */
export function measureCommonTail(oldContent: Buffer, newContent: Buffer): number {
  const smaller = Math.min(oldContent.length, newContent.length);
  let trimmed = 0;
  while (
    trimmed + TAIL_BLOCK_BYTES <= smaller &&
    compareFromEnd(oldContent, newContent, trimmed, TAIL_BLOCK_BYTES) === 0
  ) {
    trimmed += TAIL_BLOCK_BYTES;
  }

  const cut = oldContent.length - trimmed;
  const newline = oldContent.indexOf(0x0a, cut);
  if (newline === -1) return 0;
  return trimmed - (newline + 1 - cut);
}

/** Returns the number of equal lines at the start of both tables. */
export function countEqualLeadingLines(a: LineTable, b: LineTable): number {
  const bytes = countEqualLeadingBytes(a.content, b.content);
  let lines = lineAtOffset(a, bytes);

  // A last line without a newline goes on in the other content unless both are equal.
  const last = lines - 1;
  const unterminated = lines > 0 && a.content[lineEnd(a, last) - 1] !== 0x0a;
  if (unterminated && a.content.length !== b.content.length) lines--;
  return lines;
}

/** Returns the number of equal lines at the end of both tables, leaving `leading` lines out. */
export function countEqualTrailingLines(a: LineTable, b: LineTable, leading: number): number {
  const maxLines = Math.min(a.count, b.count) - leading;
  const bytes = countEqualTrailingBytes(a.content, b.content);
  let first = lineAtOffset(a, a.content.length - bytes);
  if (lineStart(a, first) < a.content.length - bytes) first++;

  // The first equal line of `a` must also start a line in `b`, else it is only a line's tail.
  while (
    first < a.count &&
    !startsLineIn(b, b.content.length - (a.content.length - lineStart(a, first)))
  ) {
    first++;
  }
  return Math.min(a.count - first, maxLines);
}

function startsLineIn(table: LineTable, offset: number): boolean {
  return offset === 0 || table.content[offset - 1] === 0x0a;
}

function countEqualLeadingBytes(a: Buffer, b: Buffer): number {
  const limit = Math.min(a.length, b.length);
  let offset = 0;
  let size = Math.min(SCAN_BLOCK_BYTES, limit);
  while (offset < limit) {
    size = Math.min(SCAN_BLOCK_BYTES, limit - offset);
    if (a.compare(b, offset, offset + size, offset, offset + size) !== 0) break;
    offset += size;
  }

  // The first difference lies in the block at `offset`: halve it with native compares, so
  // that only a few bytes are compared one by one in JavaScript, which is slow before the JIT.
  while (offset < limit && size > BYTE_SCAN_BYTES) {
    const half = size >>> 1;
    if (a.compare(b, offset, offset + half, offset, offset + half) === 0) {
      offset += half;
      size -= half;
    } else {
      size = half;
    }
  }
  while (offset < limit && a[offset] === b[offset]) offset++;
  return offset;
}

function countEqualTrailingBytes(a: Buffer, b: Buffer): number {
  const limit = Math.min(a.length, b.length);
  let count = 0;
  let size = Math.min(SCAN_BLOCK_BYTES, limit);
  while (count < limit) {
    size = Math.min(SCAN_BLOCK_BYTES, limit - count);
    if (compareFromEnd(a, b, count, size) !== 0) break;
    count += size;
  }

  // As for the leading bytes, the block with the last difference is halved natively first.
  while (count < limit && size > BYTE_SCAN_BYTES) {
    const half = size >>> 1;
    if (compareFromEnd(a, b, count, half) === 0) {
      count += half;
      size -= half;
    } else {
      size = half;
    }
  }
  while (count < limit && a[a.length - 1 - count] === b[b.length - 1 - count]) count++;
  return count;
}

/** Compares the `size` bytes that end `skip` bytes before the end of each buffer. */
function compareFromEnd(a: Buffer, b: Buffer, skip: number, size: number): number {
  return a.compare(
    b,
    b.length - skip - size,
    b.length - skip,
    a.length - skip - size,
    a.length - skip,
  );
}
