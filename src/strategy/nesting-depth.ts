import { stringEnd } from './duplicate-keys.js';

/** Position of the first bracket that opens a value deeper than the limit. */
export interface ExcessNesting {
  /** 1-based line and column of that `[` or `{`. */
  line: number;
  column: number;
}

/**
 * Finds the first array or object of `text` nested more than `limit` levels deep, skipping
 * brackets inside strings. It reads the text once, so its time is linear in the text's length.
 */
export function findExcessNesting(text: string, limit: number): ExcessNesting | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < text.length; at += 1) {
    const character = text[at];
    if (character === '"') {
      at = stringEnd(text, at);
    } else if (character === '\n') {
      line += 1;
      lineStart = at + 1;
    } else if (character === '[' || character === '{') {
      depth += 1;
      if (depth > limit) return { line, column: at - lineStart + 1 };
    } else if (character === ']' || character === '}') {
      depth -= 1;
    }
  }
  return undefined;
}
