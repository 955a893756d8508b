import { stringEnd } from '../strategy/duplicate-keys.js';

const WHITESPACE = /[ \t\n\r]*/y;
/** A number, `true`, `false` or `null`, up to the character that ends it. */
const SCALAR = /[^ \t\n\r,\]}]*/y;

function skipWhitespace(text: string, at: number): number {
  WHITESPACE.lastIndex = at;
  WHITESPACE.test(text);
  return WHITESPACE.lastIndex;
}

/**
 * Returns the offset just past the value that starts at `start`. Objects and arrays are
 * skipped with a depth count rather than recursion, so deep nesting cannot overflow the stack.
 */
function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return stringEnd(text, start) + 1;
  if (first !== '{' && first !== '[') {
    SCALAR.lastIndex = start;
    SCALAR.test(text);
    return SCALAR.lastIndex;
  }

  let depth = 0;
  for (let at = start; at < text.length; at += 1) {
    const character = text[at];
    if (character === '"') at = stringEnd(text, at);
    else if (character === '{' || character === '[') depth += 1;
    else if (character === '}' || character === ']') depth -= 1;
    if (depth === 0) return at + 1;
  }
  return text.length;
}

/**
 * Returns the offset where the value of `key` starts in the object that opens at `open`, or
 * undefined when it has no such key. The last occurrence wins, as in JSON.parse.
 */
function memberStart(text: string, open: number, key: string): number | undefined {
  let found: number | undefined;
  let at = skipWhitespace(text, open + 1);
  while (text[at] === '"') {
    const nameEnd = stringEnd(text, at);
    const name = JSON.parse(text.slice(at, nameEnd + 1)) as string;
    const start = skipWhitespace(text, skipWhitespace(text, nameEnd + 1) + 1);
    if (name === key) found = start;
    at = skipWhitespace(text, valueEnd(text, start));
    if (text[at] !== ',') break;
    at = skipWhitespace(text, at + 1);
  }
  return found;
}

/** Returns the offset where item `index` starts in the array that opens at `open`. */
function itemStart(text: string, open: number, index: number): number | undefined {
  let at = skipWhitespace(text, open + 1);
  for (let item = 0; at < text.length && text[at] !== ']'; item += 1) {
    if (item === index) return at;
    at = skipWhitespace(text, valueEnd(text, at));
    if (text[at] !== ',') return undefined;
    at = skipWhitespace(text, at + 1);
  }
  return undefined;
}

/**
 * Returns the text of the value that `keys` (object keys and array indexes) lead to in the
 * JSON text `text`, as written there, or undefined when no value is at that path. `text` must
 * be valid JSON, and a leading byte order mark is skipped.
 */
export function findValueSource(text: string, keys: readonly string[]): string | undefined {
  let at = skipWhitespace(text, text.startsWith('\uFEFF') ? 1 : 0);
  for (const key of keys) {
    let start: number | undefined;
    if (text[at] === '{') start = memberStart(text, at, key);
    else if (text[at] === '[' && /^\d+$/.test(key)) start = itemStart(text, at, Number(key));
    if (start === undefined) return undefined;
    at = start;
  }
  return text.slice(at, valueEnd(text, at));
}

/**
 * Removes the whitespace between the tokens of JSON text, as JSON.stringify writes it, and
 * stops once the result is longer than `limit` characters.
 */
export function compactJsonSource(source: string, limit: number): string {
  let compact = '';
  for (let at = 0; at < source.length && compact.length <= limit; at += 1) {
    const character = source[at] as string;
    if (character === '"') {
      const end = stringEnd(source, at);
      compact += source.slice(at, end + 1);
      at = end;
    } else if (!' \t\n\r'.includes(character)) {
      compact += character;
    }
  }
  return compact;
}
