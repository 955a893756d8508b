import { detectLanguage } from '../../footprint/language.js';

/**
 * A file format whose own rules define where an unquoted value ends. The generic-secret rule
 * and the redaction of the LLM request both read values by these rules, so they agree on the
 * value. Code and prose have no such rule, because there an unquoted value is an expression.
 */
export type ValueSyntax = 'yaml' | 'properties' | 'dotenv' | 'ini' | 'shell';

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
const LINE_COMMENT: Readonly<Record<ValueSyntax, string>> = {
  yaml: '#',
  properties: '#!',
  dotenv: '#',
  ini: ';#',
  shell: '#',
};

/**
 * Characters that start a comment after a value when whitespace comes before them. YAML 1.2
 * and Docker Compose's `.env` syntax read `#` so. INI has no one standard, and `;` or `#` after
 * whitespace is taken as a comment. A properties value runs to the end of its line.
 */
const INLINE_COMMENT: Readonly<Record<Exclude<ValueSyntax, 'shell'>, string>> = {
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
function findKeyPlace(text: string, nameStart: number, syntax: ValueSyntax): KeyPlace | null {
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
 * A shell word's characters: anything but whitespace, quotes and the operators that end a
 * word. A `&`, `;` or `|` followed by another character of a word stays in the value, as in
 * `-pAmp3rs&nd`: the writer meant one password, and the redaction must not send its second half.
 */
const SHELL_CHAR = `[^\\s'"\`;|&<>()]`;

/** Returns the source of a pattern for one shell word of at most `maxLength` characters. */
export function shellWordSource(maxLength: number): string {
  return `(?:${SHELL_CHAR}|[&;|](?=${SHELL_CHAR})){1,${maxLength}}`;
}

const UNBOUNDED_SHELL_WORD = new RegExp(`(?:${SHELL_CHAR}|[&;|](?=${SHELL_CHAR}))+`, 'y');
const boundedShellWords = new Map<number, RegExp>();

function readShellWordEnd(text: string, start: number, maxLength: number): number {
  let pattern = UNBOUNDED_SHELL_WORD;
  if (Number.isFinite(maxLength)) {
    pattern = boundedShellWords.get(maxLength) ?? new RegExp(shellWordSource(maxLength), 'y');
    boundedShellWords.set(maxLength, pattern);
  }
  pattern.lastIndex = start;
  return pattern.test(text) ? pattern.lastIndex : start;
}

/** Returns the end of a value that runs to the end of its line, a comment or a flow indicator. */
function readLineValueEnd(
  text: string,
  start: number,
  syntax: Exclude<ValueSyntax, 'shell'>,
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
 * and in YAML flow collections to `,`, `]` or `}`. In shell scripts and Dockerfiles a value is
 * one shell word. Returns `start` for an empty value, and null when the format sets no end
 * there: a name inside a value or prose, or a YAML value that is no plain scalar. At most
 * `maxLength` characters are read.
 */
export function findUnquotedValueEnd(
  text: string,
  nameStart: number,
  start: number,
  syntax: ValueSyntax,
  maxLength = Number.POSITIVE_INFINITY,
): number | null {
  if (syntax === 'shell') {
    const before = text[nameStart - 1];
    const startsWord = before === undefined || /[\s;&|(]/.test(before);
    return startsWord ? readShellWordEnd(text, start, maxLength) : null;
  }

  const place = findKeyPlace(text, nameStart, syntax);
  if (place === null) return null;
  if (syntax === 'yaml' && YAML_INDICATORS.has(text[start] ?? '')) return null;
  return readLineValueEnd(text, start, syntax, place, maxLength);
}
