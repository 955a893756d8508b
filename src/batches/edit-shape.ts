import { tokensOf } from './identifiers.js';

/** Line starts of comments in common languages; `#` is no comment before a C directive. */
const COMMENT_START = /^(?:\/\/|\/\*|\*|<!--|--|;;|#(?!include|define|if|endif|else|pragma|!|\[))/;

/** Returns true when a trimmed, non-blank line is a comment in a common language. */
function isCommentLine(line: string): boolean {
  return COMMENT_START.test(line.trim());
}

/** Returns true when every non-blank line is a comment; false when all are blank. */
export function isCommentOnly(lines: readonly string[]): boolean {
  let comments = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (!isCommentLine(line)) return false;
    comments += 1;
  }
  return comments > 0;
}

/** Walks the characters of some lines, skipping white space, without joining them. */
class TextCursor {
  private line = 0;
  private column = 0;

  constructor(private readonly lines: readonly string[]) {}

  /** Returns the next character that is not white space, or '' at the end. */
  next(): string {
    while (this.line < this.lines.length) {
      const text = this.lines[this.line] as string;
      while (this.column < text.length) {
        const character = text[this.column] as string;
        this.column += 1;
        if (!/\s/.test(character)) return character;
      }
      this.line += 1;
      this.column = 0;
    }
    return '';
  }
}

/** Returns true when added and removed lines differ only in white space and blank lines. */
export function isWhitespaceOnly(added: readonly string[], removed: readonly string[]): boolean {
  const before = new TextCursor(removed);
  const after = new TextCursor(added);
  for (;;) {
    const character = before.next();
    if (character !== after.next()) return false;
    if (character === '') return true;
  }
}

/** Counts the tokens of some lines, common words included. */
function countTokens(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const token of tokensOf(line)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

/** Returns the tokens of `a` that `b` has fewer of, sorted and without repeats. */
function tokensOnlyIn(a: Map<string, number>, b: Map<string, number>): string[] {
  const only: string[] = [];
  for (const [token, count] of a) if (count > (b.get(token) ?? 0)) only.push(token);
  return only.sort();
}

/** The tokens an edit takes out and puts in, when it replaces a few words in place. */
export interface TokenSwap {
  removed: string[];
  added: string[];
}

/** Edits that swap more tokens than this are rewrites, not renames or typo fixes. */
const MAX_SWAPPED_TOKENS = 3;

/**
 * Returns the tokens a modifying hunk swaps, or null when it adds or removes lines only, or
 * swaps more than a few tokens. `const total = a` to `const sum = a` swaps `total` for `sum`.
 */
export function findTokenSwap(
  added: readonly string[],
  removed: readonly string[],
): TokenSwap | null {
  if (added.length === 0 || removed.length === 0 || added.length !== removed.length) return null;
  const before = countTokens(removed);
  const after = countTokens(added);
  const swap = { removed: tokensOnlyIn(before, after), added: tokensOnlyIn(after, before) };
  if (swap.removed.length === 0 || swap.added.length === 0) return null;
  if (swap.removed.length > MAX_SWAPPED_TOKENS || swap.added.length > MAX_SWAPPED_TOKENS) {
    return null;
  }
  return swap;
}

/** Returns the Levenshtein distance of two short words, or Infinity past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  const distance = previous[b.length] ?? Infinity;
  return distance > max ? Infinity : distance;
}

/** Returns true when a swap replaces one word with a spelling within two edits of it. */
export function isSpellingFix(swap: TokenSwap | null): boolean {
  if (swap === null || swap.removed.length !== 1 || swap.added.length !== 1) return false;
  const [before, after] = [swap.removed[0] as string, swap.added[0] as string];
  return before.length >= 3 && editDistance(before.toLowerCase(), after.toLowerCase(), 2) <= 2;
}
