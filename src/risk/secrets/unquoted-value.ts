import { detectLanguage } from '../../footprint/language.js';

/**
 * A file format whose own rules define where an unquoted value ends. The generic-secret rule
 * and the redaction of the LLM request both read values by these rules, so they agree on the
 * value. Code and prose have no such rule, because there an unquoted value is an expression.
 */
export type ValueSyntax = 'yaml' | 'properties' | 'dotenv' | 'ini' | 'shell';

/** A value syntax whose values run along a line, which findUnquotedValueEnd reads. */
export type LineValueSyntax = Exclude<ValueSyntax, 'shell'>;

const YAML_NAME = /\.ya?ml$/i;
const PROPERTIES_NAME = /\.properties$/i;
/** `.env`, `.env.local`, `.env.production`, `staging.env`. */
const DOTENV_NAME = /^\.env(?:\.[^/]*)?$|\.env$/i;
const INI_NAME = /\.(?:ini|cfg|conf)$/i;

/** Returns the value syntax of a staged path, or null for code, prose and unknown formats. */
export function detectValueSyntax(path: string): ValueSyntax | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (YAML_NAME.test(name)) return 'yaml';
  if (PROPERTIES_NAME.test(name)) return 'properties';
  if (DOTENV_NAME.test(name)) return 'dotenv';
  if (INI_NAME.test(name)) return 'ini';
  // direnv's `.envrc` is a shell script.
  if (name === '.envrc') return 'shell';
  const language = detectLanguage(path);
  return language === 'shell' || language === 'dockerfile' ? 'shell' : null;
}

/**
 * Characters that start a comment at the start of a line (after indentation). A commented-out
 * setting is read as the setting it would be, because its value is committed all the same.
 * Java's Properties.load reads `#` and `!` as comments only there.
 */
const LINE_COMMENT: Readonly<Record<LineValueSyntax, string>> = {
  yaml: '#',
  properties: '#!',
  dotenv: '#',
  ini: ';#',
};

/**
 * Characters that start a comment after a value when whitespace comes before them. YAML 1.2
 * and Docker Compose's `.env` syntax read `#` so. INI has no one standard, and `;` or `#` after
 * whitespace is taken as a comment. A properties value runs to the end of its line.
 */
const INLINE_COMMENT: Readonly<Record<LineValueSyntax, string>> = {
  yaml: '#',
  properties: '',
  dotenv: '#',
  ini: ';#',
};

/**
 * YAML indicators that cannot start a plain scalar: an anchor, alias or tag, a block scalar, a
 * flow collection, a directive or a reserved character. After them the value is no plain text.
 */
const YAML_INDICATORS = new Set(['&', '*', '!', '|', '>', '[', ']', '{', '}', ',', '%', '@', '`']);

/** YAML flow indicators, which end a plain scalar inside `{…}` or `[…]`. */
const YAML_FLOW_END = new Set([',', ']', '}']);

/** Where a name sits on its line, which decides how its value is read. */
type KeyPlace = 'line' | 'flow';

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

function skipBlanksBack(text: string, index: number): number {
  let at = index;
  while (at >= 0 && isBlank(text[at])) at--;
  return at;
}

/** Returns true when the word that ends at `index` is `export`, as .env files allow. */
function endsExportWord(text: string, index: number): boolean {
  const start = index - 'export'.length + 1;
  if (start < 0 || text.slice(start, index + 1) !== 'export') return false;
  const before = text[start - 1];
  return before === undefined || before === '\n' || isBlank(before);
}

/**
 * Returns whether the name at `nameStart` is the key of its line: after indentation, and in
 * YAML `- ` sequence markers, in .env files `export`, in any format a line comment marker. In
 * YAML a name right after `{` or `[` is the first key of a flow collection. A name anywhere
 * else is a word inside a value or prose, and null is returned.
 * NOTE: a later key of a flow collection (`{a: 1, password: …}`) also gets null, because
 * telling it from a comma in a plain value needs the whole line read back.
 */
function findKeyPlace(text: string, nameStart: number, syntax: LineValueSyntax): KeyPlace | null {
  let at = nameStart - 1;
  if (text[at] === '"' || text[at] === "'") at--;
  at = skipBlanksBack(text, at);
  if (syntax === 'yaml' && (text[at] === '{' || text[at] === '[')) return 'flow';

  for (;;) {
    if (syntax === 'yaml' && text[at] === '-' && isBlank(text[at + 1])) {
      at = skipBlanksBack(text, at - 1);
    } else if (syntax === 'dotenv' && endsExportWord(text, at)) {
      at = skipBlanksBack(text, at - 'export'.length);
    } else {
      break;
    }
  }
  const markers = LINE_COMMENT[syntax];
  if (at >= 0 && markers.includes(text[at] ?? '')) {
    while (at >= 0 && markers.includes(text[at] ?? '')) at--;
    at = skipBlanksBack(text, at);
  }
  return at < 0 || text[at] === '\n' || text[at] === '\r' ? 'line' : null;
}

/**
 * Returns true when the name at `nameStart` is the key of its line, as findKeyPlace reads it,
 * and not the first key of a YAML flow collection.
 */
export function isLineKey(text: string, nameStart: number, syntax: LineValueSyntax): boolean {
  return findKeyPlace(text, nameStart, syntax) === 'line';
}

/**
 * A shell word's characters: anything but whitespace, quotes and the operators that end a
 * word. A `&`, `;` or `|` followed by another character of a word stays in the value, as in
 * `-pAmp3rs&nd`: the writer meant one password, and the redaction must not send its second half.
 */
const SHELL_CHAR = `[^\\s'"\`;|&<>()]`;

/**
 * Returns the source of a pattern for at most `maxLength` unquoted characters of a shell word.
 * NOTE: the pattern stops at a quote, so the command-line-password rule reads `-pab"cd"` as `ab`.
 */
export function shellWordSource(maxLength: number): string {
  return `(?:${SHELL_CHAR}|[&;|](?=${SHELL_CHAR})){1,${maxLength}}`;
}

const SHELL_WORD_CHAR = new RegExp(SHELL_CHAR);
const SHELL_OPERATOR_IN_WORD = /[&;|]/;

/** Characters that a backslash escapes inside double quotes, by POSIX shell rules. */
const DOUBLE_QUOTE_ESCAPES = '$`"\\';

/**
 * A value in a shell script or Dockerfile: the span the assignment writes and the value that
 * the shell reads from it after quote removal.
 */
export interface ShellValue {
  /** Offset of the value's first character, a quote included. */
  start: number;
  /** Offset after the value's last character, a closing quote included. */
  end: number;
  /** The value with quotes and escaping backslashes removed, and no expansion done. */
  value: string;
}

/** A quoted part of a shell word, read up to its closing quote. */
interface QuotedPart {
  end: number;
  value: string;
}

/** Returns the offset of the line end at or after `at`, or `limit` if that comes first. */
function findLineEnd(text: string, at: number, limit: number): number {
  const newline = text.indexOf('\n', at);
  return newline === -1 || newline > limit ? limit : newline;
}

/**
 * Reads the single-quoted part that opens at `at`. An unclosed quote continues on later lines,
 * which are not read, so the part runs to the end of its line.
 */
function readSingleQuoted(text: string, at: number, limit: number): QuotedPart {
  const lineEnd = findLineEnd(text, at + 1, limit);
  const close = text.indexOf("'", at + 1);
  if (close === -1 || close >= lineEnd) return { end: lineEnd, value: text.slice(at + 1, lineEnd) };
  return { end: close + 1, value: text.slice(at + 1, close) };
}

/** Reads the double-quoted part that opens at `at`, to its closing quote or its line end. */
function readDoubleQuoted(text: string, at: number, limit: number): QuotedPart {
  const lineEnd = findLineEnd(text, at + 1, limit);
  let value = '';
  let index = at + 1;
  while (index < lineEnd) {
    const char = text.charAt(index);
    if (char === '"') return { end: index + 1, value };
    const next = text.charAt(index + 1);
    if (char === '\\' && index + 1 < lineEnd && DOUBLE_QUOTE_ESCAPES.includes(next)) {
      value += next;
      index += 2;
    } else {
      value += char;
      index += 1;
    }
  }
  return { end: lineEnd, value };
}

/**
 * Reads text by POSIX shell word rules from `start`: unquoted characters, single-quoted and
 * double-quoted parts and backslash-escaped characters, joined. A word ends at an unquoted
 * blank, line end or operator, except a `&`, `;` or `|` inside a word, as SHELL_CHAR
 * describes. With `toLineEnd`, blanks and operators belong to the text, which runs to the end
 * of the line without trailing blanks, as in Dockerfile's `ENV NAME value`.
 * NOTE: a backslash before a line end (a continued line) ends the word, and the next line is
 * not read as part of it.
 */
function readShellText(
  text: string,
  start: number,
  maxLength: number,
  toLineEnd: boolean,
): ShellValue {
  const limit = Math.min(text.length, start + maxLength);
  let value = '';
  let at = start;
  // Span end and value length after the last character that is not an unquoted blank.
  let end = start;
  let valueLength = 0;
  while (at < limit) {
    const char = text.charAt(at);
    if (char === "'" || char === '"') {
      const part =
        char === "'" ? readSingleQuoted(text, at, limit) : readDoubleQuoted(text, at, limit);
      value += part.value;
      at = part.end;
      end = at;
      valueLength = value.length;
      continue;
    }
    if (char === '\\') {
      const next = text.charAt(at + 1);
      if (at + 1 >= limit || next === '\n' || next === '\r') break;
      value += next;
      at += 2;
      end = at;
      valueLength = value.length;
      continue;
    }
    if (char === '\n' || char === '\r') break;
    if (!toLineEnd && !SHELL_WORD_CHAR.test(char)) {
      const joins = SHELL_OPERATOR_IN_WORD.test(char) && SHELL_WORD_CHAR.test(text.charAt(at + 1));
      if (!joins) break;
    }
    value += char;
    at += 1;
    if (!isBlank(char)) {
      end = at;
      valueLength = value.length;
    }
  }
  return { start, end, value: value.slice(0, valueLength) };
}

/** Returns true when the name at `nameStart` starts a shell word, as an assignment must. */
function startsShellWord(text: string, nameStart: number): boolean {
  const before = text[nameStart - 1];
  return before === undefined || /[\s;&|(]/.test(before);
}

/** Returns true when `ENV` and blanks alone come before `nameStart` on its line. */
function followsDockerEnv(text: string, nameStart: number): boolean {
  const lineStart = text.lastIndexOf('\n', nameStart - 1) + 1;
  return /^[ \t]*ENV[ \t]+$/i.test(text.slice(lineStart, nameStart));
}

/**
 * Reads the value assigned to the name at [`nameStart`, `nameEnd`) in a shell script or a
 * Dockerfile. After `=` (`NAME=value`, `export NAME=value`, `ENV NAME=value`, `ARG NAME=value`)
 * the value is one shell word. In Dockerfile's `ENV NAME value` form it is the rest of the
 * line, with quotes removed as in a word. Returns null where the name is assigned no value this
 * way: a name inside a word, a name followed by another operator, or `ENV NAME` alone. At most
 * `maxLength` characters of the value are read.
 */
export function readShellValue(
  text: string,
  nameStart: number,
  nameEnd: number,
  maxLength = Number.POSITIVE_INFINITY,
): ShellValue | null {
  if (!startsShellWord(text, nameStart)) return null;
  if (text[nameEnd] === '=') return readShellText(text, nameEnd + 1, maxLength, false);
  if (!isBlank(text[nameEnd]) || !followsDockerEnv(text, nameStart)) return null;

  let start = nameEnd;
  while (isBlank(text[start])) start++;
  const value = readShellText(text, start, maxLength, true);
  return value.end === start ? null : value;
}

/** Returns the end of a value that runs to the end of its line, a comment or a flow indicator. */
function readLineValueEnd(
  text: string,
  start: number,
  syntax: LineValueSyntax,
  place: KeyPlace,
  maxLength: number,
): number {
  const comments = INLINE_COMMENT[syntax];
  const limit = Math.min(text.length, start + maxLength);
  let end = start;
  for (let at = start; at < limit; at++) {
    const char = text[at] ?? '';
    if (char === '\n' || char === '\r') break;
    if (place === 'flow' && YAML_FLOW_END.has(char)) break;
    if (comments.includes(char) && isBlank(text[at - 1])) break;
    if (!isBlank(char)) end = at + 1;
  }
  return end;
}

/**
 * Returns the end of the unquoted value that starts at `start`, assigned to the name that
 * starts at `nameStart`, as the format defines it. In YAML, .env, INI and properties files the
 * value of a line's key runs to the end of the line or to a comment, without trailing blanks,
 * and in YAML flow collections to `,`, `]` or `}`. Shell scripts and Dockerfiles are read by
 * readShellValue. Returns `start` for an empty value, and null when the format sets no end
 * there: a name inside a value or prose, or a YAML value that is no plain scalar. At most
 * `maxLength` characters are read.
 */
export function findUnquotedValueEnd(
  text: string,
  nameStart: number,
  start: number,
  syntax: LineValueSyntax,
  maxLength = Number.POSITIVE_INFINITY,
): number | null {
  const place = findKeyPlace(text, nameStart, syntax);
  if (place === null) return null;
  if (syntax === 'yaml' && YAML_INDICATORS.has(text[start] ?? '')) return null;
  return readLineValueEnd(text, start, syntax, place, maxLength);
}
