/**
 * Detection of UTF-16 text without a byte order mark by its NUL bytes. Text in Latin script has
 * a NUL as the high byte of almost every code unit, and almost never as the low byte.
 */

/** Bytes of the start of a blob that are read: a few lines of text decide it. */
const SAMPLE_BYTES = 4096;

/** Minimum code units in the sample, since a shorter blob has too few pairs to count. */
const MIN_UNITS = 4;

/** Share of the high bytes that are NUL, at least, and of the low bytes, at most. */
const MIN_HIGH_NUL_SHARE = 0.6;
const MAX_LOW_NUL_SHARE = 0.02;

/** Share of decoded units that may be control characters, which text has few of. */
const MAX_CONTROL_SHARE = 0.02;

/** Returns true for a code unit text has no use for: C0 controls but tab, LF, FF and CR, and C1. */
function isControlUnit(unit: number): boolean {
  if (unit < 0x20) return unit !== 0x09 && unit !== 0x0a && unit !== 0x0c && unit !== 0x0d;
  return unit >= 0x7f && unit < 0xa0;
}

/** Returns the share of a byte-order's units that are control characters. */
function controlShare(sample: Buffer, order: 'le' | 'be'): number {
  let controls = 0;
  const units = sample.length / 2;
  for (let at = 0; at < sample.length; at += 2) {
    const unit = order === 'le' ? sample.readUInt16LE(at) : sample.readUInt16BE(at);
    if (isControlUnit(unit)) controls++;
  }
  return controls / units;
}

/**
 * Returns the byte order of a blob that is UTF-16 text without a byte order mark, or null. It
 * reads the first 4 KiB. In `le` the odd bytes are mostly NUL and the even ones are not, and
 * in `be` the other way round. The units must also decode to text with few control
 * characters, which keeps out arrays of small 16-bit numbers.
 */
export function detectUtf16Order(content: Buffer): 'le' | 'be' | null {
  if (content.length % 2 !== 0) return null;
  const sample = content.subarray(0, Math.min(content.length, SAMPLE_BYTES));
  const units = sample.length / 2;
  if (units < MIN_UNITS) return null;

  let evenNuls = 0;
  let oddNuls = 0;
  for (let at = 0; at < sample.length; at += 2) {
    if (sample[at] === 0) evenNuls++;
    if (sample[at + 1] === 0) oddNuls++;
  }

  let order: 'le' | 'be' | null = null;
  if (oddNuls / units >= MIN_HIGH_NUL_SHARE && evenNuls / units <= MAX_LOW_NUL_SHARE) order = 'le';
  if (evenNuls / units >= MIN_HIGH_NUL_SHARE && oddNuls / units <= MAX_LOW_NUL_SHARE) order = 'be';
  if (order === null || controlShare(sample, order) > MAX_CONTROL_SHARE) return null;
  return order;
}
