import { MAX_NESTING_DEPTH } from './records.js';

/** A YAML text that the subset reader cannot read, with the 1-based line of the problem. */
export class YamlSubsetError extends Error {
  override readonly name = 'YamlSubsetError';

  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`YAML line ${line}: ${reason}`);
  }
}

/** Characters that end a plain scalar inside a flow collection. */
const FLOW_INDICATORS = ',[]{}';

/** Double-quoted escapes of one character, by the character after the backslash. */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** Digits of the `\x`, `\u` and `\U` escapes. */
const HEX_ESCAPE_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * Returns the index at which a quoted scalar that starts at `start` ends (one past its closing
 * quote), or -1 when the text ends first.
 */
export function findQuoteEnd(text: string, start: number): number {
  const quote = text[start];
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index];
    if (quote === '"' && char === '\\') index += 1;
    else if (char === quote) {
      if (quote === "'" && text[index + 1] === "'") index += 1;
      else return index + 1;
    }
  }
  return -1;
}

/**
 * Removes a comment from a line: a `#` at its start or after a space, outside quoted scalars.
 * A quote starts a scalar only after a space, a flow indicator or the line's start, so the
 * quote in `prefix: it's` is text.
 */
export function stripComment(text: string): string {
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    const previous = index === 0 ? ' ' : (text[index - 1] as string);
    const atToken = previous === ' ' || previous === '\t' || FLOW_INDICATORS.includes(previous);
    if (char === '#' && (previous === ' ' || previous === '\t')) return text.slice(0, index);
    if ((char === '"' || char === "'") && atToken) {
      const end = findQuoteEnd(text, index);
      // An unclosed quote is reported where the scalar is read.
      if (end < 0) return text;
      index = end - 1;
    }
  }
  return text;
}

/**
 * Returns how many more flow collections `text` opens than it closes, counting brackets outside
 * quoted scalars. A line that ends inside a quoted scalar counts up to that quote.
 */
export function countOpenFlows(text: string): number {
  let open = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    const previous = index === 0 ? ' ' : (text[index - 1] as string);
    const atToken = previous === ' ' || previous === '\t' || FLOW_INDICATORS.includes(previous);
    if ((char === '"' || char === "'") && atToken) {
      const end = findQuoteEnd(text, index);
      if (end < 0) return open;
      index = end - 1;
    } else if (char === '[' || char === '{') {
      open += 1;
    } else if (char === ']' || char === '}') {
      open -= 1;
    }
  }
  return open;
}

/**
 * Raises YamlSubsetError when a collection that starts on `line` at `depth` (1 for the
 * outermost) nests deeper than MAX_NESTING_DEPTH.
 */
export function checkNestingDepth(depth: number, line: number): void {
  if (depth > MAX_NESTING_DEPTH) {
    throw new YamlSubsetError(line, `collections nested deeper than ${MAX_NESTING_DEPTH}`);
  }
}

/** Reads a quoted scalar whose quotes are the first and last characters of `text`. */
export function readQuoted(text: string, line: number): string {
  const inner = text.slice(1, -1);
  if (text[0] === "'") return inner.replaceAll("''", "'");

  let value = '';
  for (let index = 0; index < inner.length; index += 1) {
    const char = inner[index] as string;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escape = inner[index + 1] ?? '';
    const digits = HEX_ESCAPE_DIGITS[escape];
    if (digits !== undefined) {
      const hex = inner.slice(index + 2, index + 2 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
        throw new YamlSubsetError(line, `invalid escape \\${escape}${hex}`);
      }
      value += String.fromCodePoint(parseInt(hex, 16));
      index += 1 + digits;
    } else if (ESCAPES[escape] !== undefined) {
      value += ESCAPES[escape];
      index += 1;
    } else {
      throw new YamlSubsetError(line, `invalid escape \\${escape}`);
    }
  }
  return value;
}

/** Reads a plain scalar: `~`, `null` and nothing are null, and anything else stays text. */
export function readPlain(text: string): string | null {
  return text === '' || text === '~' || /^(null|Null|NULL)$/.test(text) ? null : text;
}

/**
 * Reads one scalar or flow collection that fills `text`, which has no comment, inside `depth`
 * block collections.
 */
export function readInlineValue(text: string, line: number, depth = 0): unknown {
  const reader = new FlowReader(text, line, depth);
  const value = reader.readNode('');
  reader.expectEnd();
  return value;
}

/** Reads scalars and `[...]` and `{...}` collections from one line, or lines joined as one. */
class FlowReader {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly line: number,
    /** The number of collections open around the current position. */
    private depth: number,
  ) {}

  /** Reads a node, where a plain scalar also stops at any character of `stops`. */
  readNode(stops: string): unknown {
    this.skipSpaces();
    const char = this.text[this.index];
    if (char === '[') return this.readSequence();
    if (char === '{') return this.readMapping();
    if (char === '"' || char === "'") return this.readQuotedScalar();
    if (char !== undefined && '!&*|>@`%'.includes(char)) {
      throw new YamlSubsetError(this.line, `unsupported value starting with ${char}`);
    }
    return readPlain(this.readPlainText(stops));
  }

  expectEnd(): void {
    this.skipSpaces();
    if (this.index < this.text.length) {
      throw new YamlSubsetError(this.line, `unexpected text ${this.text.slice(this.index)}`);
    }
  }

  private readSequence(): unknown[] {
    this.open();
    const items: unknown[] = [];
    for (;;) {
      this.skipSpaces();
      if (this.take(']')) break;
      items.push(this.readNode(FLOW_INDICATORS));
      this.skipSpaces();
      if (!this.take(',')) this.expect(']');
      if (this.text[this.index - 1] === ']') break;
    }
    this.depth -= 1;
    return items;
  }

  private readMapping(): Record<string, unknown> {
    this.open();
    const entries: Array<[string, unknown]> = [];
    for (;;) {
      this.skipSpaces();
      if (this.take('}')) break;
      const key = this.readNode(`${FLOW_INDICATORS}:`);
      if (typeof key !== 'string') throw new YamlSubsetError(this.line, 'invalid mapping key');
      this.skipSpaces();
      this.expect(':');
      entries.push([key, this.readNode(FLOW_INDICATORS)]);
      this.skipSpaces();
      if (!this.take(',')) this.expect('}');
      if (this.text[this.index - 1] === '}') break;
    }
    this.depth -= 1;
    return Object.fromEntries(entries);
  }

  /** Moves past the bracket that opens a collection, one level deeper. */
  private open(): void {
    this.depth += 1;
    checkNestingDepth(this.depth, this.line);
    this.index += 1;
  }

  private readQuotedScalar(): string {
    const end = findQuoteEnd(this.text, this.index);
    if (end < 0) throw new YamlSubsetError(this.line, 'unclosed quoted scalar');
    const value = readQuoted(this.text.slice(this.index, end), this.line);
    this.index = end;
    return value;
  }

  /**
   * Reads plain text up to a stop character. A `:` stops it only before a space, a flow
   * indicator or the end, as in `{prefix: build}`, so `https://x` stays whole.
   */
  private readPlainText(stops: string): string {
    const start = this.index;
    while (this.index < this.text.length) {
      const char = this.text[this.index] as string;
      const next = this.text[this.index + 1];
      const colonEnds =
        char === ':' && (next === undefined || next === ' ' || FLOW_INDICATORS.includes(next));
      if (stops.includes(char) && (char !== ':' || colonEnds)) break;
      this.index += 1;
    }
    return this.text.slice(start, this.index).trim();
  }

  private skipSpaces(): void {
    while (this.text[this.index] === ' ' || this.text[this.index] === '\t') this.index += 1;
  }

  private take(char: string): boolean {
    if (this.text[this.index] !== char) return false;
    this.index += 1;
    return true;
  }

  private expect(char: string): void {
    if (!this.take(char)) {
      const found = this.text[this.index] ?? 'the end of the line';
      throw new YamlSubsetError(this.line, `expected ${char} but found ${found}`);
    }
  }
}
