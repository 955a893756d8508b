import { hasEscapedByte, showEscapedBytes } from '../git/path-bytes.js';

/** C escapes that git writes for these characters in a quoted path. */
const NAMED_ESCAPES: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};

/**
 * Characters that make a path quoted: C0 controls, DEL, C1 controls (U+0080 to U+009F, which
 * some terminals read as escape sequences), the double quote and the backslash, the
 * bidirectional controls and invisible characters that make a name show as another
 * (U+202E before `gnp.js` shows `sj.png`), and the escaped bytes of a name that is not
 * valid UTF-8 (see path-bytes.ts), which would show as U+FFFD.
 */
const NEEDS_QUOTING =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  /[\u0000-\u001f"\\\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\udc80-\udcff]/u;
const QUOTED_CHARACTER = new RegExp(NEEDS_QUOTING.source, 'gu');

/**
 * Writes a character as git does: a C escape, else the octal of each of its UTF-8 bytes, or
 * of the byte an escaped byte of a path stands for.
 */
export function escapeCharacter(character: string): string {
  const named = NAMED_ESCAPES[character];
  if (named !== undefined) return named;
  if (hasEscapedByte(character)) return showEscapedBytes(character);
  return [...Buffer.from(character, 'utf8')]
    .map((byte) => `\\${byte.toString(8).padStart(3, '0')}`)
    .join('');
}

/**
 * Quotes a path for the terminal as git does with `core.quotePath=false`. A path with a
 * control character, a double quote or a backslash is written in double quotes with C-style
 * escapes: `\n`, `\t`, `\"`, `\\`, and octal such as `\033` for the others. Any other path,
 * non-ASCII letters included, is returned as it is. Unlike git, C1 control characters,
 * bidirectional controls and invisible characters are escaped too, because a terminal may
 * read them as escape sequences or show the name as another. Only human output uses
 * it, and `--json` keeps the path as it is.
 */
export function quotePath(path: string): string {
  if (!NEEDS_QUOTING.test(path)) return path;
  return `"${path.replace(QUOTED_CHARACTER, escapeCharacter)}"`;
}

/**
 * Returns true when a terminal may not show `character` as itself: a control character, a
 * bidirectional or invisible character, or an escaped byte. quotePath escapes these, and
 * also `"` and `\`, which print as they are.
 */
export function isHiddenCharacter(character: string): boolean {
  return character !== '"' && character !== '\\' && NEEDS_QUOTING.test(character);
}

// eslint-disable-next-line no-control-regex -- control characters are what it replaces
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Writes the control characters of a text, such as a commit message, as C escapes (`\n`,
 * `\033`) and leaves every other character as it is, without adding quotes.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTER, escapeCharacter);
}

/** The characters quotePath escapes that JSON.stringify writes as they are. */
export const JSON_UNESCAPED_CONTROL =
  /[\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Writes a string as a JSON string literal that is safe to print: JSON.stringify escapes C0
 * controls, the quote and the backslash, and this also escapes DEL, the C1 controls and the
 * bidirectional and invisible characters that quotePath escapes, as `\u202e`.
 */
export function quoteJsonString(text: string): string {
  return JSON.stringify(text).replace(
    JSON_UNESCAPED_CONTROL,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
