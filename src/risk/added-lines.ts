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
 * Returns the lines a file's hunks add, in order. With zero-context hunks the added lines of a
 * hunk are consecutive from its `newStart`. A line keeps no terminator, and a stray `\r` left
 * at its end is removed.
 */
export function readAddedLines(file: FileChange, content: FileContent): AddedLine[] {
  const added: AddedLine[] = [];
  file.hunks.forEach((hunk, index) => {
    const texts = content.hunks[index]?.added ?? [];
    texts.forEach((text, offset) => {
      const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
      added.push({ line: hunk.newStart + offset, text: clean });
    });
  });
  return added;
}
