import { AsciiFirstPattern } from './ascii-pattern.js';
import { isCommonWord } from './identifiers.js';

/** Boundaries inside an identifier or path segment: case changes, digits, `_`, `-`, `.`. */
const WORD_PART = new AsciiFirstPattern(
  String.raw`[A-Z]{2,}(?=[A-Z][a-z]|\b|[^A-Za-z]|$)|[A-Z]?[a-z]+|[A-Z]+|\p{L}+`,
  'gu',
);

/**
 * Splits an identifier or a path segment into lower-case words of three letters or more,
 * leaving out common words: `parseArgsFromEnv` gives `parse`, `args`, `from`, `env` minus the
 * common ones.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD_PART.for(text))) {
    const word = match[0].toLowerCase();
    if (word.length >= 3 && !isCommonWord(word)) words.push(word);
  }
  return words;
}

/** Folders that say where a file sits in any project, not what it is about. */
const GENERIC_SEGMENTS = new Set([
  'src',
  'lib',
  'source',
  'sources',
  'test',
  'tests',
  '__tests__',
  'spec',
  'specs',
  'packages',
  'package',
  'docs',
  'doc',
  'samples',
  'sample',
  'fixtures',
  'fixture',
  'internal',
  'index',
  'main',
  'scripts',
  'dist',
  'build',
]);

/** Returns the words of a path's folders and file name, without generic folder names. */
export function pathWords(path: string): string[] {
  const words: string[] = [];
  const segments = path.split('/');
  segments.forEach((segment, position) => {
    const name = position === segments.length - 1 ? segment.replace(/\.[^.]*$/, '') : segment;
    if (GENERIC_SEGMENTS.has(name.toLowerCase())) return;
    words.push(...splitWords(name));
  });
  return words;
}
