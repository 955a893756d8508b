import type { MessageCleanup } from '../message/cleanup-setting.js';
import { chooseAutoCommentChar } from '../message/comment-char.js';

/**
 * Cleans a message as `git commit -F FILE` does under `cleanup`, checked against git 2.39.
 * The message is not edited, so `default` and `scissors` clean whitespace only (a scissors
 * line stays), `strip` also drops each line that starts with the comment character, and
 * `verbatim` keeps every byte. Under `core.commentChar=auto` the character is chosen from
 * `original`, the message before the commit-msg hook changed it. Returns '' for a message
 * that git refuses as empty.
 */
export function cleanupCommitMessage(
  text: string,
  cleanup: MessageCleanup,
  original: string = text,
): string {
  if (cleanup.mode === 'verbatim') return text;
  if (cleanup.mode !== 'strip') return cleanupMessage(text);

  // Under `auto`, git picks a character that starts no line of the message before the hook.
  const prefix =
    cleanup.commentChar === 'auto' ? chooseAutoCommentChar(original) : cleanup.commentChar;
  const lines = text.split('\n');
  const uncommented = prefix === null ? lines : lines.filter((line) => !line.startsWith(prefix));
  return cleanupMessage(uncommented.join('\n'));
}

/**
 * Returns the text `git commit -F FILE` writes for the commit-msg hook: the message with its
 * whitespace cleaned and its comment lines kept, or unchanged under `verbatim`.
 */
export function prepareHookMessage(text: string, cleanup: MessageCleanup): string {
  return cleanup.mode === 'verbatim' ? text : cleanupMessage(text);
}

/**
 * Cleans a commit message as `git commit -m` does (`--cleanup=whitespace`): trailing
 * whitespace is removed from every line, blank lines at the start and end are dropped, runs of
 * blank lines become one, and the message ends with a newline. Returns '' for a message with
 * no text, which git refuses to commit.
 */
export function cleanupMessage(text: string): string {
  // git's isspace() is true for space, tab, LF and CR only, so a trailing \v, \f or
  // no-break space stays, as `git commit -F` keeps them in git 2.39.
  const lines = text.split('\n').map((line) => line.replace(/[ \t\r]+$/, ''));
  const kept: string[] = [];
  for (const line of lines) {
    const previousBlank = kept.length === 0 || kept[kept.length - 1] === '';
    if (line === '' && previousBlank) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}

/** Returns a message's first line, as `git log --oneline` shows it. */
export function messageSubject(message: string): string {
  return message.split('\n', 1)[0] ?? '';
}
