/**
 * A value written after a password option or variable, as a command line in a script, a
 * Dockerfile or a document has it.
 */
export interface PasswordValue {
  /** Offset of the value in the text; the quotes around a quoted value are outside. */
  start: number;
  end: number;
  value: string;
}

/**
 * Kind of a value. A `literal` is a password, and a `placeholder` stands for one (`<password>`,
 * `***`, a metavariable such as `PASSWORD`). A `reference` points to a value kept elsewhere
 * (`$PASS`, `"${PASS}"`, `%PASS%`, `{{ pass }}`, `$(cat file)`), as a script should pass one.
 */
export type PasswordValueKind = 'literal' | 'placeholder' | 'reference';

/** Maximum length of a value read. Each read is bounded, so a long line costs linear time. */
const MAX_VALUE = 256;

/**
 * A value in double or single quotes without spaces, or a bare run up to a space, a quote or a
 * shell operator. A quoted value with spaces is taken as prose, not as a password.
 */
const VALUE = new RegExp(
  `"([^"\\s]{1,${MAX_VALUE}})"|'([^'\\s]{1,${MAX_VALUE}})'|([^\\s'"\`;|&<>()]{1,${MAX_VALUE}})`,
  'y',
);

/** Shell, template and format references: `$X`, `${X}`, `$(cmd)`, `%X%`, `%s`, `#{x}`, `{{ x }}`. */
const REFERENCE = /^[$%]|\$[{(]|#\{|\{\{|`/;

/** Words and marks that stand for a password in documentation and examples. */
const PLACEHOLDER =
  /^(?:\*+|x+|\.+|_+|-+|\?+|<.*>|\[.*\]|\{.*\}|(?:(?:your|my|the|new|db|user)[-_]?)?(?:pass(?:word|wd|phrase)?|pwd|secret)|change[-_]?me|example|redacted|dummy|placeholder)$/i;

/** A metavariable of help text, such as `PASSWORD` or `DB_PASS`. */
const METAVARIABLE = /^[A-Z][A-Z_]*$/;

/** One lower-case word, which after a space is more often prose (`--password and --user`). */
const LOWER_CASE_WORD = /^[a-z]+$/;

/** Reads the value that starts at `at`, or returns null when none does. */
export function readPasswordValue(text: string, at: number): PasswordValue | null {
  VALUE.lastIndex = at;
  const match = VALUE.exec(text);
  if (match === null) return null;

  const quoted = match[1] ?? match[2];
  if (quoted !== undefined) return { start: at + 1, end: at + 1 + quoted.length, value: quoted };
  const bare = match[3] ?? '';
  return { start: at, end: at + bare.length, value: bare };
}

/**
 * Sorts a value into literal, placeholder or reference. `afterSpace` is true for a value
 * separated from its option by a space, where a lower-case word is taken as prose.
 *
 * NOTE: a literal password of lower-case letters only (`--password hunter`) after a space is
 * therefore a placeholder, so the rule misses it. The same password is found after `=` or
 * right after `-p`.
 */
export function classifyPasswordValue(value: string, afterSpace: boolean): PasswordValueKind {
  if (REFERENCE.test(value)) return 'reference';
  // Backslashes are dropped for a placeholder escaped in a pattern, as in `/-p\[REDACTED\]/`.
  const unescaped = value.replaceAll('\\', '');
  if (PLACEHOLDER.test(unescaped) || METAVARIABLE.test(value)) return 'placeholder';
  if (afterSpace && LOWER_CASE_WORD.test(value)) return 'placeholder';
  return 'literal';
}
