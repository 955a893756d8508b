/**
 * Content similarity as git's rename detection measures it (diffcore-delta): the content is cut
 * into spans that end at a newline or after 64 bytes, each span is hashed, and two files share
 * the bytes of the spans whose hashes both contain.
 */

/** Score of an identical pair; a percentage is `score * 100 / MAX_SCORE`. */
export const MAX_SCORE = 60000;

const HASH_BASE = 107927;
const MAX_SPAN_BYTES = 64;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Bytes per span hash of one blob, sorted by hash so two blobs compare in one pass. */
export interface SpanCounts {
  hashes: Uint32Array;
  bytes: Uint32Array;
}

/**
 * Counts the bytes of each span hash in `content`. For text, a carriage return right before a
 * newline is skipped, so CRLF and LF versions of a file count as the same content. Git before
 * 2.44 dropped a last line that has no newline and is shorter than a span;
 * `ignoreUnterminatedLastLine` reproduces that.
 */
export function countSpans(
  content: Uint8Array,
  isText: boolean,
  ignoreUnterminatedLastLine = false,
): SpanCounts {
  const counts = new Map<number, number>();
  let spanLength = 0;
  let accum1 = 0;
  let accum2 = 0;

  for (let i = 0; i < content.length; i++) {
    const byte = content[i] ?? 0;
    if (isText && byte === CARRIAGE_RETURN && content[i + 1] === NEWLINE) continue;

    const previous1 = accum1;
    accum1 = ((accum1 << 7) ^ (accum2 >>> 25)) >>> 0;
    accum2 = ((accum2 << 7) ^ (previous1 >>> 25)) >>> 0;
    accum1 = (accum1 + byte) >>> 0;
    spanLength++;
    if (spanLength < MAX_SPAN_BYTES && byte !== NEWLINE) continue;

    addSpan(counts, spanHash(accum1, accum2), spanLength);
    spanLength = 0;
    accum1 = 0;
    accum2 = 0;
  }
  if (spanLength > 0 && !ignoreUnterminatedLastLine)
    addSpan(counts, spanHash(accum1, accum2), spanLength);

  return sortCounts(counts);
}

/** Returns how many bytes of `destination` also occur in `source`, span by span. */
export function countCopiedBytes(source: SpanCounts, destination: SpanCounts): number {
  let copied = 0;
  let s = 0;
  for (let d = 0; d < destination.hashes.length; d++) {
    const hash = destination.hashes[d] ?? 0;
    while (s < source.hashes.length && (source.hashes[s] ?? 0) < hash) s++;
    if (s >= source.hashes.length || source.hashes[s] !== hash) continue;

    copied += Math.min(source.bytes[s] ?? 0, destination.bytes[d] ?? 0);
    s++;
  }
  return copied;
}

function spanHash(accum1: number, accum2: number): number {
  return ((accum1 + Math.imul(accum2, 0x61)) >>> 0) % HASH_BASE;
}

function addSpan(counts: Map<number, number>, hash: number, length: number): void {
  counts.set(hash, (counts.get(hash) ?? 0) + length);
}

function sortCounts(counts: Map<number, number>): SpanCounts {
  const hashes = Uint32Array.from(counts.keys()).sort();
  const bytes = new Uint32Array(hashes.length);
  hashes.forEach((hash, i) => {
    bytes[i] = counts.get(hash) ?? 0;
  });
  return { hashes, bytes };
}
