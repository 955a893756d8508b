import { AsciiFirstPattern } from './ascii-pattern.js';

/**
 * Identifiers of changed lines, for any language: a word of letters, digits, `_` and `$` that
 * starts with no digit. Comments and strings count too, because a docs line naming `parseArgs`
 * ties to the code that changes it.
 */
const IDENTIFIER = new AsciiFirstPattern(String.raw`[\p{L}_$][\p{L}\p{N}_$]*`, 'gu');

/** Characters of a line that are read; a longer line is minified code or data. */
const MAX_LINE_LENGTH = 400;

/** Lines of one unit that are read, so a large new file costs a bounded time. */
export const MAX_UNIT_LINES = 1500;

/**
 * Keywords of common languages and words so frequent in code and prose that sharing them tells
 * nothing about two edits belonging together.
 */
const COMMON_WORDS = new Set(
  `
abstract and any are args arguments array as assert async await bool boolean break by byte
case catch char class const constructor continue data def default defer del delete do does
done double elif else enum err error export extends extern false file final finally float
fn for from func function get go goto has if impl implements import in index info init
instanceof int interface is it item key keyof lambda len let long loop match mod module
mut name namespace native new nil none not null number object of or options out override
package pass path print private protected pub public raise readonly ref require result
return self set short static str string struct super switch sync test that the then this
throw throws to true try type typeof undefined unsafe use using val value var void volatile
when where while with yield you your we will can should must may our its be an at on no
so all also only but if than then there these those what which who why how more most
some such into over under after before about new old add added update updated remove
removed fix fixed use used make makes see note todo fixme console log warn expect toBe
toEqual describe length push map filter forEach join split slice includes keys values
entries resolve reject promise then catch string number true false props state children
div span class id src href px em rem auto none block flex
`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/** Returns true for a word that names nothing specific. */
export function isCommonWord(word: string): boolean {
  if (word.length < 3 || COMMON_WORDS.has(word)) return true;
  return /[A-Z]/.test(word) && COMMON_WORDS.has(word.toLowerCase());
}

/**
 * Returns how strongly a shared identifier ties two edits, in [0, 1]. Compound names such as
 * `parseArgs` or `max_edit_length` tie them most, and short words least.
 */
export function specificityOf(word: string): number {
  if (isCommonWord(word)) return 0;
  if (/^v\d+\.\d/.test(word)) return 1;
  const compound = /[a-z][A-Z]|[A-Za-z]_[A-Za-z]|[A-Za-z][0-9]/.test(word);
  if (compound || word.length >= 10) return 1;
  if (word.length >= 6) return 0.7;
  if (word.length >= 4) return 0.45;
  return 0.25;
}

/**
 * Version numbers such as `2.5.2` or `v5.1.0-beta.1`. A release names its version in the
 * manifest and the changelog, and a dependency bump in the manifest and the lockfile.
 */
const VERSION = /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)/g;

/** Adds the identifiers and version numbers of one line to `into`, skipping common words. */
function collectIdentifiers(line: string, into: Set<string>): void {
  const text = line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line;
  // match, not matchAll: a hook run lexes thousands of lines before V8 compiles this loop,
  // and there matchAll makes a match object and an iterator step per word.
  const words = text.match(IDENTIFIER.for(text)) ?? [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] as string;
    if (!isCommonWord(word)) into.add(word);
  }
  if (!/\d\.\d/.test(text)) return;
  for (const match of text.matchAll(VERSION)) into.add(`v${match[1]}`);
}

/** Returns the identifiers of some lines, skipping common words. */
export function identifiersOf(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  const count = Math.min(lines.length, MAX_UNIT_LINES);
  for (let index = 0; index < count; index += 1) collectIdentifiers(lines[index] as string, words);
  return words;
}

/** Returns every identifier of a line in order, common words included, for comparing edits. */
export function tokensOf(line: string): string[] {
  const text = line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line;
  return text.match(IDENTIFIER.for(text)) ?? [];
}

/** Replaces each identifier of a line that is exactly `name` with `replacement`. */
export function replaceIdentifier(line: string, name: string, replacement: string): string {
  return line.replace(IDENTIFIER.for(line), (token) => (token === name ? replacement : token));
}
