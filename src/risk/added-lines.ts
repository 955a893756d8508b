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

/**
 * Returns true when a binary or too-large file has added lines found without a diff, which only
 * the secret rules read: the other rules' findings need a real diff to be trusted.
 */
export function hasOpaqueLines(file: FileChange, content: FileContent | undefined): boolean {
  return file.opaque !== undefined && content?.opaqueLines !== undefined;
}

/**
 * A file's added lines as one text, so one indexOf or regular expression pass searches them
 * all. No object is made per line: a line is its offset in `starts` and its number in
 * `lineNumbers`, and readAddedLines makes the objects only for rules that need them.
 */
export interface AddedText {
  /**
   * The added lines joined by `\n`, without terminators or a stray `\r`. Line 1 also loses a
   * leading byte order mark, so patterns anchored at a line's start match it as any other line.
   */
  text: string;
  /** Offset in `text` where each line starts. */
  starts: Uint32Array;
  /** 1-based line number in the staged blob of each line, in the order of `starts`. */
  lineNumbers: Uint32Array;
  /** `text` in ASCII lower case with every offset kept, made on first use. */
  lower?: string;
  /** The lines as objects, made on first use by readAddedLines. */
  lines?: AddedLine[];
}

const addedTextCache = new WeakMap<FileContent, AddedText>();

/** U+FEFF, which some editors write at the start of a UTF-8 file as a byte order mark. */
const BYTE_ORDER_MARK = 0xfeff;

/**
 * Returns the text of the staged line numbered `line` without the byte order mark that may
 * start line 1. Every other line, and line 1 without a mark, is returned as it is.
 */
function dropByteOrderMark(text: string, line: number): string {
  return line === 1 && text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
}

/**
 * An added text being built. The line tables are allocated once at their final size, because
 * growing arrays line by line made the garbage collector run during the first rule.
 */
interface TextBuilder {
  parts: string[];
  starts: Uint32Array;
  lineNumbers: Uint32Array;
  /** Lines recorded so far. */
  count: number;
  /** Offset in the joined text after the lines recorded so far. */
  offset: number;
}

function createBuilder(file: FileChange, content: FileContent): TextBuilder {
  let total = content.opaqueLines?.length ?? 0;
  for (let index = 0; index < file.hunks.length; index++) {
    total += content.hunks[index]?.added.length ?? 0;
  }
  const starts = new Uint32Array(total);
  const lineNumbers = new Uint32Array(total);
  return { parts: [], starts, lineNumbers, count: 0, offset: 0 };
}

function finishText(builder: TextBuilder): AddedText {
  const { parts, starts, lineNumbers } = builder;
  const text = parts.length === 1 ? (parts[0] ?? '') : parts.join('\n');
  return { text, starts, lineNumbers };
}

/**
 * Records the lines of `texts`, numbered from `firstLine`, and appends their text as one part:
 * the hunk's lines joined, each without a stray `\r` at its end.
 */
function appendLines(builder: TextBuilder, texts: readonly string[], firstLine: number): void {
  let cleanTexts = texts;
  const first = texts[0];
  if (first !== undefined && dropByteOrderMark(first, firstLine) !== first) {
    cleanTexts = [dropByteOrderMark(first, firstLine), ...texts.slice(1)];
  }
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index] ?? '';
    if (text.charCodeAt(text.length - 1) === 13) {
      cleanTexts = cleanTexts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
      break;
    }
  }

  for (let index = 0; index < cleanTexts.length; index++) {
    builder.starts[builder.count] = builder.offset;
    builder.lineNumbers[builder.count] = firstLine + index;
    builder.count++;
    builder.offset += (cleanTexts[index] ?? '').length + 1;
  }
  if (cleanTexts.length > 0) builder.parts.push(cleanTexts.join('\n'));
}

/**
 * Returns a file's added lines joined into one text, built once per file: the lines found
 * without a diff (`opaqueLines`) first, then each hunk's added lines, which with zero-context
 * hunks are consecutive from its `newStart`.
 */
export function readAddedText(file: FileChange, content: FileContent): AddedText {
  let added = addedTextCache.get(content);
  if (added !== undefined) return added;

  added = readFromStagedText(file, content) ?? readFromHunkTexts(file, content);
  addedTextCache.set(content, added);
  return added;
}

/**
 * Builds the added text from the hunks' line arrays: the path for opaque lines, for text with
 * `\r`, and wherever the staged text does not match the hunks.
 */
function readFromHunkTexts(file: FileChange, content: FileContent): AddedText {
  const builder = createBuilder(file, content);
  for (const opaque of content.opaqueLines ?? []) appendLines(builder, [opaque.text], opaque.line);
  for (let index = 0; index < file.hunks.length; index++) {
    const texts = content.hunks[index]?.added ?? [];
    appendLines(builder, texts, file.hunks[index]?.newStart ?? 1);
  }
  return finishText(builder);
}

/**
 * Builds the added text by slicing the staged text, whose added lines are consecutive from each
 * zero-context hunk's `newStart`. Line starts come from native indexOf calls, and a new file's
 * text is one slice of the staged text, with no copy and no string per line. Returns null
 * when the staged text is missing, contains `\r` (lines must lose a stray one), or does not
 * have the lines the hunks say, so the caller falls back to the hunks' line arrays.
 */
function readFromStagedText(file: FileChange, content: FileContent): AddedText | null {
  const staged = content.newText;
  if (staged === null || content.opaqueLines !== undefined || staged.includes('\r')) return null;

  const builder = createBuilder(file, content);
  // Line 1 starts after a byte order mark, as dropByteOrderMark reads it.
  let position = staged.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  let line = 1;
  for (let index = 0; index < file.hunks.length; index++) {
    const texts = content.hunks[index]?.added ?? [];
    const count = texts.length;
    if (count === 0) continue;
    const first = file.hunks[index]?.newStart ?? 1;
    for (; line < first; line++) {
      const newline = staged.indexOf('\n', position);
      if (newline === -1) return null;
      position = newline + 1;
    }

    const start = position;
    let end = position;
    for (let counted = 0; counted < count; counted++, line++) {
      if (position > staged.length || (position === staged.length && counted > 0)) return null;
      builder.starts[builder.count] = builder.offset + position - start;
      builder.lineNumbers[builder.count] = line;
      builder.count++;
      const newline = staged.indexOf('\n', position);
      end = newline === -1 ? staged.length : newline;
      // The first and last lines of each hunk are compared, which catches a shifted hunk.
      const edge = counted === 0 || counted === count - 1;
      const expected = dropByteOrderMark(texts[counted] ?? '', line);
      if (edge && !staged.startsWith(expected, position)) return null;
      if (edge && end - position !== expected.length) return null;
      position = end + 1;
    }
    builder.parts.push(staged.slice(start, end));
    builder.offset += end - start + 1;
  }
  return finishText(builder);
}

/** Returns the 1-based staged line number of the added line that contains `offset` of the text. */
export function findLineNumber(added: AddedText, offset: number): number {
  return added.lineNumbers[findLineIndex(added.starts, offset)] ?? 1;
}

/** Returns the added line at `index` of the text, with its number and text. */
export function readLineAt(added: AddedText, index: number): AddedLine {
  const start = added.starts[index] ?? 0;
  const next = added.starts[index + 1];
  const end = next === undefined ? added.text.length : next - 1;
  return { line: added.lineNumbers[index] ?? 1, text: added.text.slice(start, end) };
}

/**
 * Returns the text of the added line with the 1-based staged line number `line`, or undefined
 * when the change does not add that line. Line numbers ascend, so a binary search finds it.
 */
export function findAddedLineText(added: AddedText, line: number): string | undefined {
  const numbers = added.lineNumbers;
  let low = 0;
  let high = numbers.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = numbers[middle] ?? 0;
    if (found === line) return readLineAt(added, middle).text;
    if (found < line) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * Returns the lines a file's hunks add, in order, as objects. A line keeps no terminator, and a
 * stray `\r` left at its end is removed. The list is built once per file and shared by the
 * rules: do not change it. Rules that search for a keyword use readAddedText instead, which
 * makes no object per line.
 */
export function readAddedLines(file: FileChange, content: FileContent): readonly AddedLine[] {
  const added = readAddedText(file, content);
  added.lines ??= Array.from({ length: added.starts.length }, (_, index) =>
    readLineAt(added, index),
  );
  return added.lines;
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
  const { starts } = added;
  const text = options.ignoreCase === true ? lowerCaseOf(added) : added.text;
  if (options.ignoreCase === true) keyword = keyword.toLowerCase();
  const found: AddedLine[] = [];
  for (let at = text.indexOf(keyword); at !== -1;) {
    const index = findLineIndex(starts, at);
    found.push(readLineAt(added, index));
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
export function findLineIndex(starts: ArrayLike<number>, offset: number): number {
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

/** Places lines found without a diff at their numbers; the lines between them read as empty. */
function placeOpaqueLines(opaqueLines: readonly AddedLine[]): string[] {
  const lines = new Array<string>(opaqueLines.at(-1)?.line ?? 0).fill('');
  for (const { line, text } of opaqueLines) lines[line - 1] = dropByteOrderMark(text, line);
  return lines;
}

/**
 * Returns the staged text's lines without terminators or line 1's byte order mark, split once
 * per file and kept while the content object lives. Rules call it only for files where an
 * added line needs its neighbours.
 */
export function readStagedLines(content: FileContent): string[] {
  let lines = stagedLineCache.get(content);
  if (lines === undefined) {
    lines =
      content.newText === null && content.opaqueLines !== undefined
        ? placeOpaqueLines(content.opaqueLines)
        : (content.newText ?? '')
            .split('\n')
            .map((line, index) => dropByteOrderMark(line.replace(/\r$/, ''), index + 1));
    stagedLineCache.set(content, lines);
  }
  return lines;
}
