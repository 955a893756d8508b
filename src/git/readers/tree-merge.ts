import { latin1Text } from '../buffer-text.js';
import { ObjectFormatError } from '../objects/types.js';

/** The trees that have the name a walk stopped at: the first only, the second only, or both. */
export type MergeStep = 'first' | 'second' | 'both';

const SLASH = 0x2f;

/**
 * Walks the contents of two tree objects (entries of `<mode> <name>\0<id>`) in git's tree
 * order and stops at each name whose entries differ: a name in one tree only, or in both with
 * another mode or id. A folder of thousands of subfolders, of which a commit changes a few,
 * then costs a few byte comparisons per changed entry and one search for a NUL per equal
 * entry: the walk finds where the two contents stop being equal (see skipEqualEntries), and
 * no name or id of an equal entry is decoded.
 *
 * Both contents are read as Latin-1 text, one character per byte, so comparing characters
 * compares bytes. A tree that is not in tree order (git's fsck reports such trees) gives
 * names that pair up wrongly, as they do in git's own diff of it.
 */
export class TreeMerge {
  private readonly first: Buffer;
  private readonly second: Buffer;
  private readonly firstText: string;
  private readonly secondText: string;
  private firstAt = 0;
  private secondAt = 0;
  private firstEnd = 0;
  private secondEnd = 0;
  /** Entries of the first tree passed before the current one. */
  private firstCount = 0;
  /** Step the walk stopped at last, or null before the first step. */
  private step: MergeStep | null = null;

  constructor(
    first: Buffer,
    second: Buffer,
    private readonly hashLength = 20,
  ) {
    this.first = first;
    this.second = second;
    this.firstText = latin1Text(first, 0, first.length);
    this.secondText = latin1Text(second, 0, second.length);
  }

  /**
   * Moves to the next name whose entries differ and returns which trees have it, or null
   * when both trees are done. Read the entries there with firstOrdinal and secondEntryStart
   * before calling next again.
   */
  next(): MergeStep | null {
    this.passStep();
    const { firstText, secondText } = this;
    for (;;) {
      const hasFirst = this.firstAt < firstText.length;
      const hasSecond = this.secondAt < secondText.length;
      if (hasFirst && hasSecond && this.skipEqualEntries()) continue;
      if (hasFirst) this.firstEnd = this.entryEnd(firstText, this.firstAt);
      if (hasSecond) this.secondEnd = this.entryEnd(secondText, this.secondAt);
      if (!hasFirst || !hasSecond) {
        this.step = null;
        if (hasFirst) this.step = 'first';
        if (hasSecond) this.step = 'second';
        return this.step;
      }

      const same =
        this.firstEnd - this.firstAt === this.secondEnd - this.secondAt &&
        firstText.slice(this.firstAt, this.firstEnd) ===
          secondText.slice(this.secondAt, this.secondEnd);
      if (!same) {
        const order = this.compareNames();
        this.step = 'both';
        if (order < 0) this.step = 'first';
        if (order > 0) this.step = 'second';
        return this.step;
      }
      this.firstAt = this.firstEnd;
      this.secondAt = this.secondEnd;
      this.firstCount++;
    }
  }

  /** Position of the current entry among the first tree's entries. */
  get firstOrdinal(): number {
    return this.firstCount;
  }

  /** Byte offset of the current entry in the first tree's content. */
  get firstEntryStart(): number {
    return this.firstAt;
  }

  /** Byte offset of the current entry in the second tree's content. */
  get secondEntryStart(): number {
    return this.secondAt;
  }

  /**
   * Moves both trees past the whole entries at which their contents are byte for byte equal,
   * and returns true when it moved. The equal stretch is measured with byte comparisons of
   * doubling length, then halving, so a run of a thousand equal entries costs some twenty
   * comparisons and a search for each entry's NUL to count it.
   */
  private skipEqualEntries(): boolean {
    const common = commonPrefixLength(this.first, this.firstAt, this.second, this.secondAt);
    const limit = this.firstAt + common;
    let at = this.firstAt;
    let count = 0;
    for (;;) {
      const nul = this.firstText.indexOf('\0', at);
      const end = nul + 1 + this.hashLength;
      if (nul < 0 || end > limit) break;
      at = end;
      count++;
    }
    if (count === 0) return false;

    this.secondAt += at - this.firstAt;
    this.firstAt = at;
    this.firstCount += count;
    return true;
  }

  /** Moves past the entries the last step stopped at. */
  private passStep(): void {
    if (this.step === 'first' || this.step === 'both') {
      this.firstAt = this.firstEnd;
      this.firstCount++;
    }
    if (this.step === 'second' || this.step === 'both') this.secondAt = this.secondEnd;
  }

  /** Returns the offset just past the entry at `start`. */
  private entryEnd(text: string, start: number): number {
    const nul = text.indexOf('\0', start);
    const end = nul + 1 + this.hashLength;
    if (nul < 0 || end > text.length) {
      throw new ObjectFormatError(`A tree object is truncated at byte ${start}.`);
    }
    return end;
  }

  /**
   * Compares the names of the current entries in tree order: byte by byte, where the name of
   * a subtree ends in `/` and a file's name ends before any byte.
   */
  private compareNames(): number {
    const { firstText, secondText } = this;
    let a = firstText.indexOf(' ', this.firstAt) + 1;
    let b = secondText.indexOf(' ', this.secondAt) + 1;
    for (;;) {
      const left = firstText.charCodeAt(a);
      const right = secondText.charCodeAt(b);
      if (left === 0 || right === 0) {
        const leftEnd = left === 0 ? this.endMark(firstText, this.firstAt) : left;
        const rightEnd = right === 0 ? this.endMark(secondText, this.secondAt) : right;
        return leftEnd - rightEnd;
      }
      if (left !== right) return left - right;
      a++;
      b++;
    }
  }

  /** Returns the byte a name compares as after its end: `/` for a subtree, -1 for a file. */
  private endMark(text: string, start: number): number {
    const mode = Number.parseInt(text.slice(start, text.indexOf(' ', start)), 8);
    return (mode & 0o170000) === 0o040000 ? SLASH : -1;
  }
}

/** Bytes compared first when measuring an equal stretch: a few tree entries. */
const FIRST_PROBE_BYTES = 256;

/**
 * Returns how many bytes from `firstStart` in `first` equal those from `secondStart` in
 * `second`. Each probe is one call of Buffer's compare, which runs memcmp in C++.
 */
function commonPrefixLength(
  first: Buffer,
  firstStart: number,
  second: Buffer,
  secondStart: number,
): number {
  const available = Math.min(first.length - firstStart, second.length - secondStart);
  const equal = (length: number): boolean =>
    first.compare(second, secondStart, secondStart + length, firstStart, firstStart + length) === 0;

  // Grow the probe until it reaches a difference or the end, then narrow it down.
  let known = 0;
  let probe = Math.min(FIRST_PROBE_BYTES, available);
  while (probe > known && equal(probe)) {
    known = probe;
    probe = Math.min(probe * 2, available);
  }
  let unknown = probe;
  while (unknown - known > 1) {
    const middle = (known + unknown) >>> 1;
    if (equal(middle)) known = middle;
    else unknown = middle;
  }
  return known;
}
