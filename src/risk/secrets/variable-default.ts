/**
 * A Terraform variable's quoted `default`, judged under the variable's name, because the block's
 * label names the secret: `variable "db_password" { default = "…" }`.
 */
export interface VariableDefault {
  value: string;
  /** Offset of the value's first character. */
  valueStart: number;
  /** Offset after the value's closing quote. */
  end: number;
}

/** The text of the line before a variable's name: `variable "`. */
const VARIABLE_BEFORE = /^[ \t]*variable[ \t]+"$/;
/** The quote after the name and the brace that opens the block. */
const BLOCK_OPEN = /"[ \t]*\{/y;
/** A `default` attribute with a quoted value, at the start of a line of the block or after `{`. */
const DEFAULT_ATTRIBUTE = /[ \t]*default[ \t]*=[ \t]*"([^"\s\\]{1,200})"/y;
/** Characters of a block read at most, which bounds the cost of each variable. */
const MAX_BLOCK = 2000;
/** Characters of the line read back from a name to find `variable`. */
const MAX_LOOK_BACK = 40;

/** Returns the offset after a quoted string or comment that starts at `at`, within its line. */
function skipQuotedOrComment(text: string, at: number, limit: number): number {
  const opener = text.charAt(at);
  let index = at + 1;
  while (index < limit && text.charAt(index) !== '\n') {
    const char = text.charAt(index);
    if (opener === '"' && char === '\\') index++;
    else if (opener === '"' && char === '"') return index + 1;
    index++;
  }
  return index;
}

/** Returns true when the text at `at` starts a comment of HCL: `#` or `//`. */
function startsComment(text: string, at: number): boolean {
  const char = text.charAt(at);
  return char === '#' || (char === '/' && text.charAt(at + 1) === '/');
}

/**
 * Finds the `default` among the block's own attributes, from `open` (after the `{`) to the
 * brace that closes the block. Nested blocks such as `validation { … }` are skipped.
 */
function findDefault(text: string, open: number): VariableDefault | null {
  const limit = Math.min(text.length, open + MAX_BLOCK);
  let depth = 1;
  let lineStart = true;
  for (let at = open; at < limit;) {
    if (depth === 1 && lineStart) {
      DEFAULT_ATTRIBUTE.lastIndex = at;
      const match = DEFAULT_ATTRIBUTE.exec(text);
      if (match !== null) {
        const end = DEFAULT_ATTRIBUTE.lastIndex;
        const value = match[1] ?? '';
        return { value, valueStart: end - 1 - value.length, end };
      }
    }
    const char = text.charAt(at);
    lineStart = char === '\n';
    if (char === '"' || startsComment(text, at)) {
      at = skipQuotedOrComment(text, at, limit);
      continue;
    }
    if (char === '{') depth++;
    if (char === '}' && --depth === 0) return null;
    at++;
  }
  return null;
}

/**
 * Reads the `default` of the Terraform variable block whose label is the name from `nameStart`
 * to `nameEnd`, on the same line or below, or returns null for any other name.
 */
export function readVariableDefault(
  text: string,
  nameStart: number,
  nameEnd: number,
): VariableDefault | null {
  if (text.charAt(nameStart - 1) !== '"') return null;
  const from = Math.max(0, nameStart - MAX_LOOK_BACK);
  const before = text.slice(from, nameStart);
  const lineStart = before.lastIndexOf('\n');
  if (lineStart === -1 && from > 0) return null;
  if (!VARIABLE_BEFORE.test(before.slice(lineStart + 1))) return null;
  BLOCK_OPEN.lastIndex = nameEnd;
  if (!BLOCK_OPEN.test(text)) return null;
  return findDefault(text, BLOCK_OPEN.lastIndex);
}
