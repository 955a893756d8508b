import { UserError } from '../errors.js';
import { shellPath } from '../output/shell-quote.js';

/** One `key = value` line of a git config file. */
export interface ConfigEntry {
  /** Normalized key: section and name lower-cased, subsection as written (`remote.Origin.url`). */
  key: string;
  section: string;
  subsection: string | null;
  name: string;
  /** The value after unquoting and unescaping, or null for a bare `key` line (boolean true). */
  value: string | null;
  /** File the entry comes from, or a label such as `command line` for environment entries. */
  origin: string;
  line: number;
}

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Parses git config text with git's syntax: `[section]`, `[section "subsection"]`, the old
 * `[section.subsection]` form, quoted values, `\n \t \b \\ \"` escapes, line continuations and
 * `#`/`;` comments. Does not follow includes; the caller reads `include.path` entries.
 * Throws a UserError naming the file and line, as git rejects the same file.
 */
export function parseConfig(text: string, origin: string): ConfigEntry[] {
  const parser = new ConfigParser(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text, origin);
  return parser.parse();
}

/** Splits `section.subsection.name` and normalizes its case the way git compares keys. */
export function normalizeConfigKey(key: string): string {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first <= 0 || last === key.length - 1) {
    throw new Error(
      `Invalid config key "${key}": expected section.name or section.subsection.name.`,
    );
  }

  const section = key.slice(0, first).toLowerCase();
  const name = key.slice(last + 1).toLowerCase();
  if (first === last) return `${section}.${name}`;
  return `${section}.${key.slice(first + 1, last)}.${name}`;
}

/** Parses git's boolean spellings; returns undefined for anything else. */
export function parseConfigBool(value: string): boolean | undefined {
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'yes' || lower === 'on') return true;
  if (lower === 'false' || lower === 'no' || lower === 'off' || lower === '') return false;

  const number = parseConfigInt(value);
  return number === undefined ? undefined : number !== 0;
}

const INTEGER_PATTERN = /^\s*([-+]?\d+)\s*([kmg]?)$/i;
const UNIT_FACTORS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

export function parseConfigInt(value: string): number | undefined {
  const match = INTEGER_PATTERN.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_FACTORS[(match[2] as string).toLowerCase()] ?? 1);
}

class ConfigParser {
  private position = 0;
  private line = 1;
  private section: string | null = null;
  private subsection: string | null = null;
  private readonly entries: ConfigEntry[] = [];

  constructor(
    private readonly text: string,
    private readonly origin: string,
  ) {}

  parse(): ConfigEntry[] {
    for (;;) {
      const char = this.next();
      if (char === null) return this.entries;

      if (char === '\n' || isSpace(char)) continue;
      if (char === '#' || char === ';') {
        this.skipComment();
        continue;
      }
      if (char === '[') {
        this.parseSectionHeader();
        continue;
      }
      if (!isAlpha(char)) this.fail();
      this.parseEntry(char);
    }
  }

  /** Returns the next character with `\r\n` read as `\n`, or null at the end of the text. */
  private next(): string | null {
    if (this.position >= this.text.length) return null;

    let char = this.text[this.position++] as string;
    if (char === '\r' && this.text[this.position] === '\n') {
      this.position++;
      char = '\n';
    }
    if (char === '\n') this.line++;
    return char;
  }

  private skipComment(): void {
    for (let char = this.next(); char !== null && char !== '\n'; char = this.next());
  }

  private parseSectionHeader(): void {
    let name = '';
    for (;;) {
      const char = this.next();
      if (char === null) this.fail();
      if (char === ']') break;
      if (isSpace(char)) {
        this.section = name.toLowerCase();
        this.subsection = this.parseQuotedSubsection();
        return;
      }
      if (!isAlphaNumeric(char) && char !== '-' && char !== '.') this.fail();
      name += char;
    }

    // The old `[section.subsection]` form: git lower-cases the subsection too.
    const dot = name.indexOf('.');
    if (name === '' || dot === 0) this.fail();
    this.section = (dot < 0 ? name : name.slice(0, dot)).toLowerCase();
    this.subsection = dot < 0 ? null : name.slice(dot + 1).toLowerCase();
  }

  private parseQuotedSubsection(): string {
    let char = this.next();
    while (char !== null && isSpace(char)) char = this.next();
    if (char !== '"') this.fail();

    let subsection = '';
    for (;;) {
      char = this.next();
      if (char === null || char === '\n') this.fail();
      if (char === '"') break;
      if (char === '\\') {
        char = this.next();
        if (char === null || char === '\n') this.fail();
      }
      subsection += char;
    }
    if (this.next() !== ']') this.fail();
    return subsection;
  }

  private parseEntry(firstChar: string): void {
    if (this.section === null) this.fail();

    const startLine = this.line;
    let name = firstChar;
    let char = this.next();
    while (char !== null && (isAlphaNumeric(char) || char === '-')) {
      name += char;
      char = this.next();
    }
    while (char !== null && isSpace(char)) char = this.next();

    let value: string | null = null;
    if (char === '=') {
      value = this.parseValue();
    } else if (char === '#' || char === ';') {
      this.skipComment();
    } else if (char !== null && char !== '\n') {
      this.fail();
    }
    this.addEntry(name.toLowerCase(), value, startLine);
  }

  private addEntry(name: string, value: string | null, line: number): void {
    const section = this.section as string;
    const key =
      this.subsection === null ? `${section}.${name}` : `${section}.${this.subsection}.${name}`;
    this.entries.push({
      key,
      section,
      subsection: this.subsection,
      name,
      value,
      origin: this.origin,
      line,
    });
  }

  /** Reads a value up to the end of its line, the way git's config reader does. */
  private parseValue(): string {
    let value = '';
    let pendingSpaces = 0;
    let quoted = false;
    let inComment = false;
    for (;;) {
      const char = this.next();
      if (char === null || char === '\n') {
        if (quoted) this.fail();
        return value;
      }
      if (inComment) continue;
      if (isSpace(char) && !quoted) {
        // Leading and trailing whitespace is dropped; each inner whitespace character is one space.
        if (value.length > 0) pendingSpaces++;
        continue;
      }
      if (!quoted && (char === '#' || char === ';')) {
        inComment = true;
        continue;
      }

      value += ' '.repeat(pendingSpaces);
      pendingSpaces = 0;
      if (char === '"') {
        quoted = !quoted;
      } else if (char === '\\') {
        value += this.parseEscape();
      } else {
        value += char;
      }
    }
  }

  private parseEscape(): string {
    const char = this.next();
    switch (char) {
      case '\n':
        return '';
      case 't':
        return '\t';
      case 'b':
        return '\b';
      case 'n':
        return '\n';
      case '\\':
      case '"':
        return char;
      default:
        return this.fail();
    }
  }

  private fail(): never {
    const check = `git config --file ${shellPath(this.origin)} --list`;
    throw new UserError(
      `Bad config line ${this.line} in ${this.origin}. Fix the file, or check it with \`${check}\`.`,
    );
  }
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\v' || char === '\f' || char === '\r';
}

function isAlpha(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
}

function isAlphaNumeric(char: string): boolean {
  return isAlpha(char) || (char >= '0' && char <= '9');
}
