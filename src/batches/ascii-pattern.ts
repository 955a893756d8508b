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
    return isAscii(text) ? this.ascii : this.full;
  }
}
