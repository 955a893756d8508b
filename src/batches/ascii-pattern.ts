/** Unicode property escapes and what they match among ASCII characters. */
const ASCII_RANGES: Record<string, string> = { '\\p{L}': 'A-Za-z', '\\p{N}': '0-9' };

/** A property escape other than the `\p{L}` and `\p{N}` of ASCII_RANGES, negated ones included. */
const OTHER_PROPERTY_ESCAPE = /\\P\{|\\p\{(?![LN]\})/;

/** Returns true when every character of `text` is ASCII. */
export function isAscii(text: string): boolean {
  for (let at = 0; at < text.length; at += 1) {
    if (text.charCodeAt(at) > 0x7f) return false;
  }
  return true;
}

/**
 * Ranges of code points outside ASCII that hold no letter (`\p{L}`) and no number (`\p{N}`):
 * the typographic punctuation, arrows, box drawing and emoji that prose and comments contain.
 * A test checks every code point of them against `\p{L}` and `\p{N}`.
 */
export const NON_WORD_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00a0, 0x00a9],
  [0x00ab, 0x00b1],
  [0x00b4, 0x00b4],
  [0x00b6, 0x00b8],
  [0x00bb, 0x00bb],
  [0x00bf, 0x00bf],
  [0x00d7, 0x00d7],
  [0x00f7, 0x00f7],
  [0x2000, 0x206f],
  [0x2190, 0x21ff],
  [0x2500, 0x25ff],
  [0xfe0f, 0xfe0f],
  [0x1f300, 0x1faff],
];

function isNonWordCodePoint(code: number): boolean {
  return NON_WORD_RANGES.some(([first, last]) => code >= first && code <= last);
}

/**
 * Returns true when a pattern narrowed to ASCII matches `text` as the full pattern does: every
 * character outside ASCII is neither a letter nor a number, such as `’` or `—` in a sentence.
 * The two patterns differ only in the letters and numbers their classes take.
 */
export function fitsAsciiPattern(text: string): boolean {
  if (isAscii(text)) return true;
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (code > 0x7f && !isNonWordCodePoint(code)) return false;
  }
  return true;
}

/**
 * Rewrites a pattern's `\p{L}` and `\p{N}` escapes as their ASCII ranges. Throws on any other
 * property escape, because its ASCII range is not listed here.
 */
function narrowToAscii(source: string): string {
  let narrowed = '';
  let inClass = false;
  for (let at = 0; at < source.length; at += 1) {
    const character = source[at] as string;
    if (character === '\\') {
      const escape = source.slice(at, at + 5);
      const range = ASCII_RANGES[escape];
      if (range === undefined && /^\\[pP]\{/.test(escape)) {
        throw new Error(
          `No ASCII range for the property escape in /${source}/: add it to ASCII_RANGES.`,
        );
      }
      if (range !== undefined) {
        narrowed += inClass ? range : `[${range}]`;
        at += 4;
      } else {
        narrowed += source.slice(at, at + 2);
        at += 1;
      }
      continue;
    }
    if (character === '[') inClass = true;
    else if (character === ']') inClass = false;
    narrowed += character;
  }
  return narrowed;
}

/**
 * A regular expression with Unicode letter and digit classes, and a copy narrowed to ASCII
 * that matches the same on ASCII text. V8 builds `\p{L}` from hundreds of ranges, which is
 * slow in a fresh process such as a commit hook. So ASCII text, most of a change, uses the
 * narrow copy, and the full pattern is built only for other text.
 */
export class AsciiFirstPattern {
  private fullPattern: RegExp | undefined;
  private narrowed: RegExp | undefined;

  /**
   * Takes the pattern as source text, because creating a `\p{L}` pattern takes 0.1 to 0.4 ms
   * (measured in a fresh node 20 process), and modules make several at start-up. Throws at
   * once on a property escape without an ASCII range.
   */
  constructor(
    readonly source: string,
    readonly flags: string,
  ) {
    if (OTHER_PROPERTY_ESCAPE.test(source)) narrowToAscii(source);
  }

  /** The full pattern, built the first time non-ASCII text needs it. */
  get full(): RegExp {
    this.fullPattern ??= new RegExp(this.source, this.flags);
    return this.fullPattern;
  }

  /** The copy narrowed to ASCII, built on first use. */
  get ascii(): RegExp {
    this.narrowed ??= new RegExp(narrowToAscii(this.source), this.flags);
    return this.narrowed;
  }

  /** Returns the pattern to use on `text`. */
  for(text: string): RegExp {
    return fitsAsciiPattern(text) ? this.ascii : this.full;
  }
}
