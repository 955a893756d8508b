import type { CleanupMode } from './cleanup-setting.js';

/** git's scissors line: with `commit -v`, everything below it is the diff, never the message. */
const SCISSORS = '------------------------ >8 ------------------------';

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
  /** A subject line to write at the top, or null to keep the message as it is. */
  subject: string | null;
  /** Comment lines without their comment character; an empty list adds none. */
  comments: string[];
  commentChar: string;
}

/**
 * Returns the message file's text with the subject at the top and the comment lines under
 * it. Without a subject, the comments go right under the last line of the message (a
 * template's text), above git's own comment lines and scissors line. When there is no
 * message, the first line stays empty for the user to type on, and the comments follow it.
 */
export function editMessage(text: string, edit: MessageEdit): string {
  // A comment that contains a line break becomes several comment lines, so no part of it can
  // end up in the commit message.
  const comments = edit.comments
    .flatMap((comment) => comment.split(LINE_BREAK))
    .map((line) => (line === '' ? edit.commentChar : `${edit.commentChar} ${line}`));
  if (edit.subject !== null) {
    const rest = text.startsWith('\n') ? text.slice(1) : text;
    const block = comments.length === 0 ? [] : [...comments, edit.commentChar];
    return [edit.subject, '', ...block, rest].join('\n');
  }
  if (comments.length === 0) return text;

  const lines = text.split('\n');
  const end = endOfMessage(messageLines(text, edit.commentChar), edit.commentChar);
  if (end === 0 && lines[0] === '') {
    lines.splice(1, 0, ...comments, edit.commentChar);
  } else {
    lines.splice(end, 0, ...comments);
  }
  return lines.join('\n');
}

/** Index after the last line that is neither blank nor a comment, or 0 when there is none. */
function endOfMessage(lines: readonly string[], commentChar: string): number {
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    if (!BLANK_LINE.test(line) && !line.startsWith(commentChar)) return index + 1;
  }
  return 0;
}
