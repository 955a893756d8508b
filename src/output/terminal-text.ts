import { escapeCharacter, JSON_UNESCAPED_CONTROL } from './quote-path.js';

/**
 * The characters quotePath escapes but for `"` and `\`: C0 controls, DEL, C1 controls (U+0080
 * to U+009F, which some terminals read as the start of an escape sequence), bidirectional
 * controls, invisible characters and the escaped bytes of a path.
 */
const HIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\udc80-\udcff]/gu;

/**
 * Escapes the characters of one line of stored text, such as a message or a branch name read
 * from a fossil, that a terminal would run or hide: `\033`, `\302\233` (U+009B),
 * `\342\200\256` (U+202E). Other characters, `"` and `\` included, are kept as they are.
 */
export function escapeHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_CHARACTER, escapeCharacter);
}

/**
 * Writes `value` as JSON text that is safe to print: JSON.stringify escapes C0 controls and
 * lone surrogates, and this also writes DEL, the C1 controls and the bidirectional and
 * invisible characters as `\u009b`. JSON allows such an escape anywhere in a string and no
 * such character can occur outside one, so the text parses to the same value.
 */
export function stringifyJsonForTerminal(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  return text.replace(JSON_UNESCAPED_CONTROL, escapeJsonUnit);
}

/** Writes one UTF-16 code unit as a JSON `\uXXXX` escape. */
export function escapeJsonUnit(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
