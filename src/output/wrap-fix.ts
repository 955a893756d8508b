import { wrapWordList, wrapWords } from './fit.js';
import { firstSentence } from './messages.js';

/** The end of a sentence: `.`, `!` or `?` before white space. */
const SENTENCE_END = /[.!?]\s/;

/**
 * Wraps the first sentence of a finding's fix into at most `maxLines` lines of `width`
 * columns. When the fix shows `command` in backquotes, the command is printed whole, with its
 * spaces and newlines, so the user can copy it. A line break inside `git reset -q -- PATH`
 * would make a paste run `git reset -q --`, which unstages every file. A `.` followed by a
 * space inside the command, as in the path `notes. old.env`, does not end the sentence.
 */
export function wrapFix(
  fix: string,
  command: string | undefined,
  width: number,
  maxLines: number,
  ellipsis: string,
): string[] {
  const code = command === undefined ? '' : `\`${command}\``;
  const start = code === '' ? -1 : fix.indexOf(code);
  const before = fix.slice(0, Math.max(0, start));
  if (start === -1 || SENTENCE_END.test(before)) {
    return wrapWords(firstSentence(fix), width, maxLines, ellipsis);
  }

  // The command joins the characters around it without a space, such as `(` and `),`.
  const after = firstSentence(fix.slice(start + code.length));
  const head = /\S*$/.exec(before)?.[0] ?? '';
  const tail = /^\S*/.exec(after)?.[0] ?? '';
  const words = [...splitWords(before.slice(0, before.length - head.length)), head + code + tail];
  const whole = words.length - 1;
  words.push(...splitWords(after.slice(tail.length)));
  return wrapWordList(words, width, maxLines, ellipsis, whole);
}

function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((part) => part !== '');
}
