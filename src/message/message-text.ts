import type { CleanupMode } from './cleanup-setting.js';

/** git's scissors line: with `commit -v`, everything below it is the diff, never the message. */
export const SCISSORS = '------------------------ >8 ------------------------';

/** Line breaks as git reads a message file: a carriage return alone also ends a line for editors. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Lines of a message file above git's scissors line, or all of them. */
function messageLines(text: string, commentChar: string): string[] {
  const lines = text.split('\n');
  const scissors = lines.indexOf(`${commentChar} ${SCISSORS}`);
  return scissors === -1 ? lines : lines.slice(0, scissors);
}

/** A line of git's isspace() characters: space, tab and CR, so `\v`, `\f` and U+00A0 are text. */
const BLANK_LINE = /^[ \t\r]*$/;

/** git's empty-message check skips lines that start with this trailer. */
const SIGN_OFF = 'Signed-off-by: ';

/**
 * Returns true when the message file has text that git 2.39 would commit under `mode`. Under
 * `verbatim` git keeps every byte, so any line that is not empty counts. Under the other modes a
 * line counts when it has a character that git's isspace() does not match, unless it is a
 * `Signed-off-by: ` trailer, which `git commit -s` writes and git does not count as a message.
 * NOTE: comment lines never count, because they are git's own hints, though `whitespace`,
 * `scissors` and `verbatim` commit them. Empty lines never count either, though `verbatim`
 * commits a file of empty lines.
 */
export function hasMessage(text: string, commentChar: string, mode: CleanupMode): boolean {
  return messageLines(text, commentChar).some((line) => {
    if (line.startsWith(commentChar)) return false;
    if (mode === 'verbatim') return line !== '';
    return !BLANK_LINE.test(line) && !line.startsWith(SIGN_OFF);
  });
}

export interface MessageEdit {
  /** Comment lines without their comment character. An empty list adds none. */
  comments: string[];
  /**
   * A line written under the comments with the comment character and no space, so deleting
   * that one character makes it part of the message, or null for none.
   */
  suggestion: string | null;
  commentChar: string;
  /** `top`: under the first line, for a message with no text yet. `end`: under its text. */
  position: 'top' | 'end';
}

/**
 * Returns the message file's text with comment lines added. At the `top`, they go under the
 * first line, which stays empty for the user to type on. At the `end`, they go right under
 * the last line of the message (a template's text), above git's own comment lines and
 * scissors line. Every line of the text stays as it was.
 */
export function editMessage(text: string, edit: MessageEdit): string {
  const added = [
    ...commentOut(edit.comments, `${edit.commentChar} `, edit.commentChar),
    ...commentOut(edit.suggestion === null ? [] : [edit.suggestion], edit.commentChar, null),
  ];
  if (added.length === 0) return text;

  const lines = text.split('\n');
  const end = endOfMessage(messageLines(text, edit.commentChar), edit.commentChar);
  if (edit.position === 'end' && end > 0) {
    lines.splice(end, 0, ...added);
  } else if (BLANK_LINE.test(lines[0] ?? '')) {
    lines.splice(1, 0, ...added, edit.commentChar);
  } else {
    lines.splice(0, 0, '', ...added, edit.commentChar);
  }
  return lines.join('\n');
}

/**
 * Prefixes every line of `comments` with `prefix`, or an empty line with `emptyLine` when it
 * is not null. A comment that contains a line break becomes several comment lines, so no part
 * of it can end up in the commit message.
 */
function commentOut(comments: string[], prefix: string, emptyLine: string | null): string[] {
  return comments
    .flatMap((comment) => comment.split(LINE_BREAK))
    .map((line) => (line === '' && emptyLine !== null ? emptyLine : `${prefix}${line}`));
}

/** Index after the last line that is neither blank nor a comment, or 0 when there is none. */
function endOfMessage(lines: readonly string[], commentChar: string): number {
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    if (!BLANK_LINE.test(line) && !line.startsWith(commentChar)) return index + 1;
  }
  return 0;
}
