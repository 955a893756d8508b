import { MAX_NESTING_DEPTH } from './records.js';

/** JSON5's escapes of one character in strings, by the character after the backslash. */
const ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '0': '\0',
};

/** Digits of the `\x` and `\u` escapes. */
const HEX_ESCAPE_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4 };

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const NUMBER = /[+-]?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/y;
const LITERALS: ReadonlySet<string> = new Set(['true', 'false', 'null']);

/**
 * Parses JSON5 as Renovate's configuration files use it: JSON with comments, trailing commas,
 * unquoted keys, single-quoted strings, hexadecimal numbers and signs or dots that JSON
 * lacks. Raises SyntaxError for anything else, such as `Infinity` or `NaN`, and for collections
 * nested deeper than MAX_NESTING_DEPTH.
 */
export function parseJson5Subset(text: string): unknown {
  return JSON.parse(new Json5Converter(text).convert()) as unknown;
}

/** Rewrites JSON5 text as JSON, one token at a time. */
class Json5Converter {
  private index = 0;
  private output = '';
  /** A comma not written yet, because a closing bracket right after it drops it. */
  private comma = false;
  /** The number of collections open at the current position. */
  private depth = 0;

  constructor(private readonly text: string) {
    if (text.startsWith('\uFEFF')) this.index = 1;
  }

  convert(): string {
    for (this.skipSpace(); this.index < this.text.length; this.skipSpace()) {
      const char = this.text[this.index] as string;
      if (char === ',') {
        if (this.comma) throw new SyntaxError(`Unexpected , at position ${this.index}`);
        this.comma = true;
        this.index += 1;
      } else if (char === '}' || char === ']') {
        this.comma = false;
        this.depth -= 1;
        this.emit(char);
        this.index += 1;
      } else if (char === '{' || char === '[') {
        this.depth += 1;
        if (this.depth > MAX_NESTING_DEPTH) {
          throw new SyntaxError(
            `Nesting deeper than ${MAX_NESTING_DEPTH} at position ${this.index}`,
          );
        }
        this.emit(char);
        this.index += 1;
      } else if (char === ':') {
        this.emit(char);
        this.index += 1;
      } else if (char === '"' || char === "'") {
        this.emit(JSON.stringify(this.readString(char)));
      } else {
        this.emit(this.readWord());
      }
    }
    if (this.comma) this.output += ',';
    return this.output;
  }

  /** Writes a token, after the comma before it. */
  private emit(token: string): void {
    if (this.comma) this.output += ',';
    this.comma = false;
    this.output += token;
  }

  /** Skips white space and comments. */
  private skipSpace(): void {
    for (;;) {
      while (/\s/.test(this.text[this.index] ?? '')) this.index += 1;
      if (this.text.startsWith('//', this.index)) {
        const end = this.text.indexOf('\n', this.index);
        this.index = end < 0 ? this.text.length : end + 1;
      } else if (this.text.startsWith('/*', this.index)) {
        const end = this.text.indexOf('*/', this.index + 2);
        if (end < 0) throw new SyntaxError(`Unterminated comment at position ${this.index}`);
        this.index = end + 2;
      } else {
        return;
      }
    }
  }

  private readString(quote: string): string {
    let value = '';
    for (this.index += 1; this.index < this.text.length; this.index += 1) {
      const char = this.text[this.index] as string;
      if (char === quote) {
        this.index += 1;
        return value;
      }
      if (char === '\n') break;
      value += char === '\\' ? this.readEscape() : char;
    }
    throw new SyntaxError(`Unterminated string at position ${this.index}`);
  }

  /** Reads the escape after a backslash, leaving the index on its last character. */
  private readEscape(): string {
    this.index += 1;
    const char = this.text[this.index] ?? '';
    const digits = HEX_ESCAPE_DIGITS[char];
    if (digits !== undefined) {
      const hex = this.text.slice(this.index + 1, this.index + 1 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
        throw new SyntaxError(`Invalid escape at position ${this.index}`);
      }
      this.index += digits;
      return String.fromCharCode(parseInt(hex, 16));
    }
    // A backslash before a line break continues the string on the next line.
    if (char === '\n') return '';
    if (char === '\r') {
      if (this.text[this.index + 1] === '\n') this.index += 1;
      return '';
    }
    return ESCAPES[char] ?? char;
  }

  /** Reads an unquoted key, a literal or a number, as JSON. */
  private readWord(): string {
    IDENTIFIER.lastIndex = this.index;
    const identifier = IDENTIFIER.exec(this.text)?.[0];
    if (identifier !== undefined) {
      this.index += identifier.length;
      if (LITERALS.has(identifier)) return identifier;
      this.skipSpace();
      if (this.text[this.index] !== ':') {
        throw new SyntaxError(`Unexpected word ${identifier} at position ${this.index}`);
      }
      return JSON.stringify(identifier);
    }

    NUMBER.lastIndex = this.index;
    const number = NUMBER.exec(this.text)?.[0];
    if (number === undefined) {
      throw new SyntaxError(`Unexpected ${this.text[this.index]} at position ${this.index}`);
    }
    this.index += number.length;
    // Number() reads `0x1F`, `.5` and `5.` but no sign before a hexadecimal number.
    const magnitude = Number(number.replace(/^[+-]/, ''));
    return String(number.startsWith('-') ? -magnitude : magnitude);
  }
}
