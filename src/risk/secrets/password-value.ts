import { shellWordSource } from './unquoted-value.js';

/**
 * A value written after a password option or variable, as a command line in a script, a
 * Dockerfile or a document has it.
 */
export interface PasswordValue {
  /** Offset of the value in the text; the quotes around a quoted value are outside. */
  start: number;
  end: number;
  value: string;
  /** The quote around the value, or '' for a bare value. */
  quote: '"' | "'" | '';
}

/**
 * Kind of a value. A `literal` is a password, and a `placeholder` stands for one (`<password>`,
 * `***`, a metavariable such as `PASSWORD`). A `reference` points to a value kept elsewhere
 * (`$PASS`, `"${PASS}"`, `%PASS%`, `{{ pass }}`, `$(cat file)`), as a script should pass one.
 */
export type PasswordValueKind = 'literal' | 'placeholder' | 'reference';

/** Maximum length of a value read. Each read is bounded, so a long line costs linear time. */
const MAX_VALUE = 256;

/** A bare value is one shell word: it runs up to a space, a quote or a shell operator. */
const BARE = `(${shellWordSource(MAX_VALUE)})`;

/**
 * A value in double or single quotes without spaces, or a bare value. A quoted value with
 * spaces is taken as prose, not as a password, unless the caller allows spaces.
 */
const VALUE = new RegExp(`"([^"\\s]{1,${MAX_VALUE}})"|'([^'\\s]{1,${MAX_VALUE}})'|${BARE}`, 'y');

/** As VALUE, but a quoted value may hold spaces: `PGPASSWORD="two words"`. */
const SPACED_VALUE = new RegExp(
  `"([^"\\n]{1,${MAX_VALUE}})"|'([^'\\n]{1,${MAX_VALUE}})'|${BARE}`,
  'y',
);

/** Shell, template and format references: `$X`, `${X}`, `$(cmd)`, `%X%`, `%s`, `#{x}`, `{{ x }}`. */
const REFERENCE = /^[$%]|\$[{(]|#\{|\{\{|`/;

/**
 * References that stay references in single quotes, where the shell reads `$` literally. A
 * template or a CI runner expands `%X%`, `#{x}` and `{{ x }}` before any shell runs. `${x}` is
 * most often part of a JavaScript template string in the lines of a change.
 */
const TEMPLATE_REFERENCE = /^%|#\{|\{\{|\$\{/;

/** Prefixes of tools that read the password from elsewhere: `env:DB_PW`, `file:/run/secrets/db`. */
const SOURCE_PREFIX = /^(?:env|file|fd):/i;

/** Lower-case words separated by single spaces. */
const WORDS_ONLY = /^[a-z]+(?: [a-z]+)+$/;

/** Values of an option that are switches or keywords, not passwords. */
const KEYWORD = /^(?:true|false|yes|no|on|off|null|nil|none|empty|stdin|prompt|ask|0|1)$/i;

/**
 * Words and marks that stand for a password in documentation and examples, and the default
 * logins of database images that CI files and READMEs use (`mysql -uroot -proot`,
 * `PGPASSWORD=postgres`), which protect nothing.
 */
const PLACEHOLDER =
  /^(?:\*+|x+|\.+|_+|-+|\?+|<.*>|\[.*\]|\{.*\}|(?:(?:your|my|the|new|db|user)[-_]?)?(?:pass(?:word|wd|phrase)?|pwd|secret)|change[-_]?me|example|redacted|dummy|placeholder|root|postgres|mysql|admin|guest|test)$/i;

/** Marks that end a sentence or a list item after a bare value. */
const TRAILING_PUNCTUATION = /[,.:]+$/;

/** A metavariable of help text, such as `PASSWORD` or `DB_PASS`. */
const METAVARIABLE = /^[A-Z][A-Z_]*$/;

/**
 * One word of letters only, which after a space is more often prose (`--password and --user`,
 * `--password  The password to use`).
 */
const LETTERS_ONLY = /^[A-Za-z]+$/;

/** Words of a quoted value with spaces that show it describes a password rather than is one. */
const DESCRIPTION_WORD = /\b(?:your|pass(?:word|wd|phrase)?|secret|here)\b/i;

/**
 * Reads the value that starts at `at`, or returns null when none does. With `spaces`, a quoted
 * value may hold spaces, as after a variable or `--passphrase`.
 */
export function readPasswordValue(text: string, at: number, spaces = false): PasswordValue | null {
  const pattern = spaces ? SPACED_VALUE : VALUE;
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  if (match === null) return null;

  if (match[1] !== undefined || match[2] !== undefined) {
    const quoted = match[1] ?? match[2] ?? '';
    const quote = match[1] === undefined ? "'" : '"';
    return { start: at + 1, end: at + 1 + quoted.length, value: quoted, quote };
  }
  const bare = match[3] ?? '';
  return { start: at, end: at + bare.length, value: bare, quote: '' };
}

/**
 * Sorts a value into literal, placeholder or reference. `afterSpace` is true for a value
 * separated from its option by a space, where a word of letters only is taken as prose. In
 * single quotes (`quote` is `'`) the shell reads `$` literally, so `-p'$ecret'` is a literal.
 *
 * NOTE: a literal password of letters only (`--password hunter`) after a space is therefore a
 * placeholder, so the rule misses it. The same password is found after `=` or right after `-p`.
 */
export function classifyPasswordValue(
  value: string,
  afterSpace: boolean,
  quote: PasswordValue['quote'] = '',
): PasswordValueKind {
  const reference = quote === "'" ? TEMPLATE_REFERENCE : REFERENCE;
  if (reference.test(value) || SOURCE_PREFIX.test(value)) return 'reference';
  // Prose puts a comma or a full stop after a bare value (`mysql -pSECRET, or`), and a value
  // that is nothing else (`PGPASSWORD=,`) names no password. The caller masks the whole value.
  if (quote === '') value = value.replace(TRAILING_PUNCTUATION, '');
  if (value === '') return 'placeholder';
  // Backslashes are dropped for a placeholder escaped in a pattern, as in `/-p\[REDACTED\]/`.
  const unescaped = value.replaceAll('\\', '');
  if (PLACEHOLDER.test(unescaped) || METAVARIABLE.test(value)) return 'placeholder';
  if (KEYWORD.test(value)) return 'placeholder';
  if (afterSpace && LETTERS_ONLY.test(value)) return 'placeholder';
  if (value.includes(' ') && DESCRIPTION_WORD.test(value)) return 'placeholder';
  // Words and spaces alone, as in `PGPASSWORD="two words"`, are prose in a comment or a doc.
  if (WORDS_ONLY.test(value)) return 'placeholder';
  return 'literal';
}
