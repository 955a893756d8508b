import type { FileChange, FileContent } from '../footprint/types.js';

/** One line a staged change adds, with its 1-based number in the staged blob. */
export interface AddedLine {
  line: number;
  text: string;
}

/** Returns true when the file has text a rule can read: not binary, opaque or deleted. */
export function hasReadableText(file: FileChange, content: FileContent | undefined): boolean {
  if (file.binary || file.opaque !== undefined || file.status === 'deleted') return false;
  return content !== undefined && content.newText !== null;
}

/** A file's added lines with their texts joined, so one indexOf can search them all. */
export interface AddedText {
  lines: AddedLine[];
  /** The added lines joined by `\n`. */
  text: string;
  /** Offset in `text` where each line starts, in the order of `lines`. */
  starts: number[];
  /** `text` in ASCII lower case with every offset kept, made on first use. */
  lower?: string;
}

const addedTextCache = new WeakMap<FileContent, AddedText>();

/** Returns a file's added lines and their joined text, built once per file. */
export function readAddedText(file: FileChange, content: FileContent): AddedText {
  let added = addedTextCache.get(content);
  if (added !== undefined) return added;

  const lines: AddedLine[] = [];
  file.hunks.forEach((hunk, index) => {
    const texts = content.hunks[index]?.added ?? [];
    texts.forEach((text, offset) => {
      const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
      lines.push({ line: hunk.newStart + offset, text: clean });
    });
  });
  const starts: number[] = [];
  let position = 0;
  for (const added of lines) {
    starts.push(position);
    position += added.text.length + 1;
  }
  added = { lines, text: lines.map((line) => line.text).join('\n'), starts };
  addedTextCache.set(content, added);
  return added;
}

/**
 * Returns the lines a file's hunks add, in order. With zero-context hunks the added lines of a
 * hunk are consecutive from its `newStart`. A line keeps no terminator, and a stray `\r` left
 * at its end is removed. The list is built once per file and shared by the rules: do not change it.
 */
export function readAddedLines(file: FileChange, content: FileContent): readonly AddedLine[] {
  return readAddedText(file, content).lines;
}

/**
 * Returns the added lines that contain `keyword`, found with indexOf over all added lines at
 * once: far cheaper than testing each line when few lines hold it.
 */
export function findAddedLinesWith(
  file: FileChange,
  content: FileContent,
  keyword: string,
  options: { ignoreCase?: boolean } = {},
): AddedLine[] {
  const added = readAddedText(file, content);
  const { lines, starts } = added;
  const text = options.ignoreCase === true ? lowerCaseOf(added) : added.text;
  if (options.ignoreCase === true) keyword = keyword.toLowerCase();
  const found: AddedLine[] = [];
  for (let at = text.indexOf(keyword); at !== -1;) {
    const index = findLineIndex(starts, at);
    const line = lines[index];
    if (line !== undefined) found.push(line);
    const next = starts[index + 1];
    if (next === undefined) break;
    at = text.indexOf(keyword, next);
  }
  return found;
}

export function lowerCaseOf(added: AddedText): string {
  added.lower ??= lowerCaseSameLength(added.text);
  return added.lower;
}

/** Lower-cases text keeping every offset: a few non-ASCII letters change length when lowered. */
export function lowerCaseSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** Returns the index of the last line that starts at or before `offset`. */
export function findLineIndex(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

const stagedLineCache = new WeakMap<FileContent, string[]>();

/**
 * Returns the staged text's lines without terminators, split once per file and kept while the
 * content object lives. Rules call it only for files where an added line needs its neighbours.
 */
export function readStagedLines(content: FileContent): string[] {
  let lines = stagedLineCache.get(content);
  if (lines === undefined) {
    lines = (content.newText ?? '').split('\n').map((line) => line.replace(/\r$/, ''));
    stagedLineCache.set(content, lines);
  }
  return lines;
}
