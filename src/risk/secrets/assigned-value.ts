import { readFallbackLiteral } from './fallback-literal.js';
import { skipTypeAnnotation } from './type-annotation.js';
import {
  findUnquotedValueEnd,
  isLineKey,
  readShellValue,
  type ValueSyntax,
} from './unquoted-value.js';
import { readVariableDefault } from './variable-default.js';

/** A name and the value the text assigns to it. */
export interface Assignment {
  name: string;
  value: string;
  /** True when the value was written without quotes, as code or a bare config value. */
  bare: boolean;
  /** True when each blank-separated word of the value is judged on its own. */
  wordByWord?: boolean;
  /** Offset in the line at or before the value's text, past the name. */
  valueFrom: number;
  /** Offset in the line where the examined text ends. */
  end: number;
  /** True when the value sits on the line after its name, as in a YAML block scalar. */
  nextLine?: boolean;
  /**
   * True when the value is an attribute of the block that the name labels, on the name's line
   * or below, as a Terraform variable's `default` is.
   */
  inBlock?: boolean;
}

/** Returns true for the characters of a name: ASCII letters, digits, `_`, `.` and `-`. */
function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 46 ||
    code === 45
  );
}
const MAX_NAME = 64;
/**
 * After a name: an optional closing quote, an assignment (`=`, `:`, `:=`, `=>`, `?=`), then a
 * quoted value or a bare one. Every part is bounded, so each candidate costs constant time.
 */
const ASSIGNED_VALUE =
  /["']?[ \t]{0,5}(?::=|=>|\?=|=|:)[ \t]{0,5}(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})'|`([^`\s\\]{1,200})`|([A-Za-z0-9+/=_.~-]{1,200}))/y;
/** The operator of ASSIGNED_VALUE, before an unquoted value that findUnquotedValueEnd reads. */
const ASSIGNMENT_BEFORE_UNQUOTED = /["']?[ \t]{0,5}(?::=|=>|\?=|=|:)[ \t]{0,5}(?=[^"'`\s])/y;
/** Maximum characters of a value that the rule reads, as in ASSIGNED_VALUE. */
const MAX_VALUE = 200;
const BLANK = /\s/;
/**
 * A quoted name, a comma and a quoted value, as a call passes a setting:
 * `define('DB_PASSWORD', '…')`, `setenv("API_KEY", "…")`. Without quotes around the name, a
 * comma separates arguments that are not a name and its value.
 */
const ARGUMENT_VALUE = /["'][ \t]{0,5},[ \t]{0,5}(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})')/y;
/** The text of an XML element named like a secret: `<password>…</password>`. */
const ELEMENT_VALUE = />([^<\s]{1,200})<\//y;
/** A value after a space, where a command sets a named setting: `aws configure set NAME VALUE`. */
const COMMAND_VALUE =
  /[ \t]{1,5}(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})'|([A-Za-z0-9+/=_.~-]{1,200}))(?![^\s])/y;
/** A command whose next two words are a setting's name and its value. */
const SETTING_COMMAND = /\bconfigure[ \t]+set[ \t]+$/;
/**
 * A `name=value` pair of a connection string (`Server=db;Password=…;`) after a `;` or an
 * opening quote. The value is a literal inside a string, even in code, and ends at `;`.
 */
const CONNECTION_PAIR = /[ \t]{0,5}=[ \t]{0,5}([^;"'`\s\\]{1,200})(?=[;"'`\s\\]|$)/y;
/**
 * The text before a pair in the middle of a quoted connection string: a quote, another pair
 * and `;`. A `;` that ends a statement of code has no such text before it.
 */
const CONNECTION_STRING_BEFORE = /["'][^"'\n]*=[^"'\n]*;[ \t]*$/;
/** A URL query parameter after `?` or `&`: `…?driver=ODBC&password=…`. */
const QUERY_PAIR = /=([^&#;"'`\s\\]{1,200})(?=[&#;"'`\s\\]|$)/y;
/**
 * The text before a query parameter inside a quoted URL: a quote, then a path with `/` and a
 * `?`, with no blank. A `?` of a conditional expression in minified code has none of it.
 */
const QUOTED_URL_BEFORE = /["'`][^"'`\s]*\/[^"'`\s]*\?[^"'`\s]*$/;
/**
 * The value attribute after a quoted setting name, as .NET's `<add key="DbPassword"
 * value="…" />` and Spring's `<property name="password" value="…" />` write it.
 */
const NAMED_ATTRIBUTE_VALUE =
  /["'][ \t]{1,20}value[ \t]*=[ \t]*(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})')/y;
/** The attribute before a setting's name in NAMED_ATTRIBUTE_VALUE. */
const SETTING_NAME_ATTRIBUTE = /\b(?:key|name)[ \t]*=[ \t]*["']$/;
/**
 * A user name and a password in a tuple or list: `auth=("admin", "…")`, `credentials: ["u",
 * "…"]`. The second element is the value.
 */
const CREDENTIAL_PAIR =
  /["']?[ \t]{0,5}[=:][ \t]{0,5}[([][ \t]{0,5}(?:"[^"\n]{0,100}"|'[^'\n]{0,100}')[ \t]{0,5},[ \t]{0,5}(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})')[ \t]{0,5}[)\]]/y;
/** Names of a user and password pair in CREDENTIAL_PAIR. */
const CREDENTIAL_PAIR_NAME = /(?:auth|credentials?|creds)$/i;
/** A quoted password after PostgreSQL's `PASSWORD` in `CREATE ROLE … WITH PASSWORD '…'`. */
const SQL_PASSWORD = /[ \t]{1,5}'([^'\s\\]{1,200})'/y;
/** The statements in which SQL_PASSWORD applies: those on a user or a role. */
const SQL_ROLE_STATEMENT = /\b(?:USER|ROLE)\b/i;
/**
 * A value after `is` or `was`, as docs and comments give one: `the staging password is …`. It
 * ends at a blank, or at punctuation before one, and counts as quoted, since prose names no
 * variable.
 */
const PROSE_VALUE =
  /[ \t]{1,5}(?:is|was)[ \t]{1,5}(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})'|`([^`\s\\]{1,200})`|([^\s"'`]{1,200}?))(?=[.,;:!?)]*(?:\s|$))/y;
/** Names after which PROSE_VALUE reads a value: a word for a password, a secret or a token. */
const PROSE_NAME = /(?:password|passwd|passphrase|pwd|secret|token)$/i;
/** Characters of a line read back from a name, to decide whether a form applies. */
const MAX_LOOK_BACK = 120;

/**
 * The forms a value takes after a name. `applies` checks the name and the text before it, and
 * `bareGroup` is the capture group of a value written without quotes, if the form has one.
 */
interface ValueForm {
  pattern: RegExp;
  applies(text: string, nameStart: number, name: string): boolean;
  bareGroup?: number;
}

const QUOTES = new Set(['"', "'"]);
const QUERY_OPENERS = new Set(['?', '&']);

/** Returns the character before `at`, skipping spaces and tabs. */
function charBeforeBlanks(text: string, at: number): string {
  let index = at - 1;
  while (text[index] === ' ' || text[index] === '\t') index--;
  return text[index] ?? '';
}

/**
 * Returns the text of the line before `at`, at most MAX_LOOK_BACK characters of it. Only
 * those characters are searched for the line start, so a long line costs no more.
 */
function lineBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - MAX_LOOK_BACK), at);
  return before.slice(before.lastIndexOf('\n') + 1);
}

/** Returns true when the name at `at` starts a pair of a quoted connection string. */
function startsConnectionPair(text: string, at: number): boolean {
  if (QUOTES.has(text[at - 1] ?? '')) return true;
  return charBeforeBlanks(text, at) === ';' && CONNECTION_STRING_BEFORE.test(lineBefore(text, at));
}

/** Returns true when the name at `at` starts a query parameter of a quoted URL. */
function startsQueryParameter(text: string, at: number): boolean {
  return QUERY_OPENERS.has(text[at - 1] ?? '') && QUOTED_URL_BEFORE.test(lineBefore(text, at));
}

const VALUE_FORMS: readonly ValueForm[] = [
  { pattern: CONNECTION_PAIR, applies: startsConnectionPair },
  { pattern: QUERY_PAIR, applies: startsQueryParameter },
  {
    pattern: NAMED_ATTRIBUTE_VALUE,
    applies: (text, at) =>
      QUOTES.has(text[at - 1] ?? '') && SETTING_NAME_ATTRIBUTE.test(lineBefore(text, at)),
  },
  { pattern: CREDENTIAL_PAIR, applies: (_text, _at, name) => CREDENTIAL_PAIR_NAME.test(name) },
  {
    pattern: SQL_PASSWORD,
    applies: (text, at, name) =>
      name.toLowerCase() === 'password' && SQL_ROLE_STATEMENT.test(lineBefore(text, at)),
  },
  { pattern: ASSIGNED_VALUE, applies: () => true, bareGroup: 4 },
  { pattern: PROSE_VALUE, applies: (_text, _at, name) => PROSE_NAME.test(name) },
  { pattern: ARGUMENT_VALUE, applies: (text, at) => QUOTES.has(text[at - 1] ?? '') },
  { pattern: ELEMENT_VALUE, applies: (text, at) => text[at - 1] === '<' },
  {
    pattern: COMMAND_VALUE,
    applies: (text, at) => SETTING_COMMAND.test(text.slice(Math.max(0, at - 40), at)),
    bareGroup: 3,
  },
];

/** Names of the HTTP `Authorization` header, alone or as the last part of a name. */
const AUTHORIZATION_NAME = /(?:^|[._-])authorization$/i;
/** An `Authorization` value: a scheme and its credentials (`Bearer …`, `Basic …`). */
const AUTHORIZATION_VALUE =
  /["']?[ \t]{0,5}[:=][ \t]{0,5}["'`]?[ \t]{0,5}(Bearer|Basic|Token|Bot)[ \t]{1,5}([A-Za-z0-9._~+/=-]{1,200})/iy;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** The printable `user:password` that HTTP Basic credentials encode. */
const USER_PASSWORD = /^[\x21-\x39\x3b-\x7e]+:[\x20-\x7e]+$/;

/** Returns the password of base64 `user:password` credentials, or null for other tokens. */
function decodeBasicPassword(token: string): string | null {
  if (!BASE64.test(token) || token.length % 4 !== 0) return null;
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  if (!USER_PASSWORD.test(decoded)) return null;
  return decoded.slice(decoded.indexOf(':') + 1);
}

/**
 * Reads the credentials of an `Authorization` header after its name: the token of `Bearer`,
 * `Token` and `Bot`, and the password of `Basic` credentials, decoded from base64.
 */
function readAuthorization(
  text: string,
  name: string,
  nameEnd: number,
): Omit<Assignment, 'name'> | null {
  if (!AUTHORIZATION_NAME.test(name)) return null;
  AUTHORIZATION_VALUE.lastIndex = nameEnd;
  const match = AUTHORIZATION_VALUE.exec(text);
  if (match === null) return null;

  const token = match[2] ?? '';
  const basic = match[1]?.toLowerCase() === 'basic';
  const value = (basic ? decodeBasicPassword(token) : null) ?? token;
  const end = AUTHORIZATION_VALUE.lastIndex;
  return { value, bare: false, valueFrom: end - token.length, end };
}

/** A YAML block scalar indicator after a key (`password: |`, `key: >-`), to its line end. */
const BLOCK_SCALAR = /["']?[ \t]{0,5}:[ \t]{1,5}[|>][-+1-9]{0,2}[ \t]*(?:#[^\n]*)?\n/y;

function countSpaces(text: string, at: number): number {
  let index = at;
  while (text[index] === ' ') index++;
  return index - at;
}

/**
 * Reads the first word of a YAML block scalar whose indicator follows the key at `nameStart`,
 * from the next line when that line is indented deeper than the key's.
 * NOTE: both lines must be added lines. A change of the value line alone, as when a password
 * is rotated, leaves the key out of the added text, so the value is not read.
 */
function readBlockScalar(
  text: string,
  nameStart: number,
  nameEnd: number,
  syntax: ValueSyntax | null,
): Omit<Assignment, 'name'> | null {
  if (syntax !== 'yaml' || !isLineKey(text, nameStart, 'yaml')) return null;
  BLOCK_SCALAR.lastIndex = nameEnd;
  if (!BLOCK_SCALAR.test(text)) return null;

  const keyIndent = countSpaces(text, text.lastIndexOf('\n', nameStart - 1) + 1);
  const contentLine = BLOCK_SCALAR.lastIndex;
  const start = contentLine + countSpaces(text, contentLine);
  if (start - contentLine <= keyIndent) return null;
  let end = start;
  while (end < text.length && end - start < MAX_VALUE && !BLANK.test(text.charAt(end))) end++;
  if (end === start) return null;
  return { value: text.slice(start, end), bare: false, valueFrom: start, end, nextLine: true };
}

/**
 * Reads the value of a shell or Dockerfile assignment as the shell reads the word, quoted and
 * escaped parts joined. The value is a literal, because the shell refers to a variable only
 * with `$`. Blanks in it come from quotes or `\ `, so each word is judged, and prose passes.
 */
function readShellAssignment(
  text: string,
  nameStart: number,
  nameEnd: number,
): Omit<Assignment, 'name'> | null {
  const shell = readShellValue(text, nameStart, nameEnd, MAX_VALUE);
  if (shell === null || shell.value === '') return null;
  return {
    value: shell.value,
    bare: false,
    wordByWord: true,
    valueFrom: shell.start,
    end: shell.end,
  };
}

/**
 * Reads an unquoted value as the file's format defines it (`Tr0ub4dor&3` in YAML, `k9#Lm2` in a
 * .env file), or returns null where the format sets no end. Only the value's first word is
 * judged, because a value with spaces is prose or a passphrase, as in quotes.
 */
function readUnquotedValue(
  text: string,
  nameStart: number,
  nameEnd: number,
  syntax: ValueSyntax | null,
): Omit<Assignment, 'name'> | null {
  if (syntax === null) return null;
  if (syntax === 'shell') return readShellAssignment(text, nameStart, nameEnd);
  ASSIGNMENT_BEFORE_UNQUOTED.lastIndex = nameEnd;
  if (!ASSIGNMENT_BEFORE_UNQUOTED.test(text)) return null;

  const start = ASSIGNMENT_BEFORE_UNQUOTED.lastIndex;
  const end = findUnquotedValueEnd(text, nameStart, start, syntax, MAX_VALUE);
  if (end === null || end === start) return null;
  const line = text.slice(start, end);
  const blank = line.search(BLANK);
  const value = blank === -1 ? line : line.slice(0, blank);
  return { value, bare: true, valueFrom: start, end: start + value.length };
}

/** A quoted literal after the `=` of a typed declaration. */
const TYPED_LITERAL = /(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})'|`([^`\s\\]{1,200})`)/y;

/**
 * Reads the quoted literal of a declaration with a type between its name and `=` (`API_KEY:
 * &str = "…"`, `const apiKey string = "…"`). Any other value there is an expression.
 */
function readTypedValue(
  text: string,
  nameStart: number,
  nameEnd: number,
): Omit<Assignment, 'name'> | null {
  const valueAt = skipTypeAnnotation(text, nameStart, nameEnd);
  if (valueAt === null) return null;
  TYPED_LITERAL.lastIndex = valueAt;
  const match = TYPED_LITERAL.exec(text);
  if (match === null) return null;
  const value = match[1] ?? match[2] ?? match[3] ?? '';
  return { value, bare: false, valueFrom: valueAt, end: TYPED_LITERAL.lastIndex };
}

/** Reads the `default` of a Terraform variable block labelled with the name, or null. */
function readBlockDefault(
  text: string,
  nameStart: number,
  nameEnd: number,
): Omit<Assignment, 'name'> | null {
  const found = readVariableDefault(text, nameStart, nameEnd);
  if (found === null) return null;
  const { value, valueStart, end } = found;
  return { value, bare: false, valueFrom: valueStart, end, inBlock: true };
}

/** Reads the value after the name from `start` to `end` in one of VALUE_FORMS, or null. */
function readValueForm(text: string, start: number, end: number): Omit<Assignment, 'name'> | null {
  const name = text.slice(start, end);
  for (const form of VALUE_FORMS) {
    if (!form.applies(text, start, name)) continue;
    form.pattern.lastIndex = end;
    const match = form.pattern.exec(text);
    if (!match) continue;

    const value = match.slice(1).find((group) => group !== undefined) ?? '';
    const bare = form.bareGroup !== undefined && match[form.bareGroup] !== undefined;
    return { value, bare, valueFrom: end, end: form.pattern.lastIndex };
  }
  return null;
}

/**
 * Reads the name around a keyword and the value assigned to it, or null. The forms are tried
 * from the most specific: an `Authorization` header, a YAML block scalar, an unquoted value as
 * the file's format reads it, a literal fallback (`process.env.X || "…"`), a typed declaration,
 * a Terraform variable's `default`, then VALUE_FORMS.
 */
export function readAssignment(
  text: string,
  keywordAt: number,
  keywordLength: number,
  syntax: ValueSyntax | null,
): Assignment | null {
  let start = keywordAt;
  while (start > 0 && keywordAt - start < MAX_NAME && isNameChar(text.charCodeAt(start - 1)))
    start--;
  let end = keywordAt + keywordLength;
  while (end < text.length && end - keywordAt < MAX_NAME && isNameChar(text.charCodeAt(end))) end++;

  const name = text.slice(start, end);
  const value =
    readAuthorization(text, name, end) ??
    readBlockScalar(text, start, end, syntax) ??
    readUnquotedValue(text, start, end, syntax);
  if (value !== null) return { name, ...value };

  const fallback = readFallbackLiteral(text, end);
  if (fallback !== null) {
    // The literal ends one quote before the fallback's end.
    const valueFrom = fallback.end - 1 - fallback.value.length;
    return { name, value: fallback.value, bare: false, valueFrom, end: fallback.end };
  }
  const declared = readTypedValue(text, start, end) ?? readBlockDefault(text, start, end);
  if (declared !== null) return { name, ...declared };
  const form = readValueForm(text, start, end);
  return form === null ? null : { name, ...form };
}
