import { UserError } from '../errors.js';

/** Placement of footprint's line in a husky hook file: unchanged, inserted or moved. */
export type LinePlacement =
  | { action: 'unchanged' }
  /** The text with the line added (`inserted`) or moved above the end of the script (`moved`). */
  | { action: 'inserted' | 'moved'; text: string; where: string };

/** The line to place and the lines it goes after when the file has them. */
export interface LineRequest {
  line: string;
  /** Matches a line that already runs footprint's command, in any form init writes. */
  existing: RegExp;
  /** Lines to place it after, such as lint-staged's, and the words for the report. */
  after: { pattern: RegExp; where: string } | null;
}

/** A line that ends the script: `exit`, `exit 0`, `exit $?` or `exit "$?"`, with an optional comment. */
const EXIT_LINE = /^\s*exit(?:\s+(?:\d+|"?\$\?"?))?\s*(?:#.*)?$/;

/** An `exec` word at the start of a line, and the rest of the line. */
const EXEC_START = /^\s*exec(?:\s+(.*))?$/;

/** One redirection such as `< /dev/tty`, `2>&1` or `>"$log"`, at the start of the text. */
const REDIRECTION = /^\d*(?:[<>]&|<>|<<|>>|>\||<|>)\s*(?:"[^"]*"|'[^']*'|[^\s"';&|<>]+)?/;

/**
 * Decides where footprint's line goes in the text of a husky hook file. A line that already
 * runs footprint stays, unless it sits below the lines that end the script, where it never
 * runs, so it moves above them. A new line goes after the last `after` line when there is
 * one, else at the end, and always above a final `exit` or `exec COMMAND`. Throws a
 * UserError naming the file and the line when an unindented `exec COMMAND` higher up ends the
 * script first.
 */
export function placeLine(file: string, text: string, request: LineRequest): LinePlacement {
  const lines = splitLines(text);
  const current = lines.findIndex((line) => request.existing.test(line));
  const kept = lines.filter((line) => !request.existing.test(line));

  // No footprint line is above `current`, so it is also its index among the kept lines.
  const end = scriptEnd(kept);
  if (current !== -1 && end.index !== -1 && current > end.index) {
    return { action: 'moved', ...insertLine(file, kept, request) };
  }
  if (current !== -1) {
    rejectEarlierExec(file, lines, current, request.line);
    return { action: 'unchanged' };
  }
  return { action: 'inserted', ...insertLine(file, lines, request) };
}

function insertLine(
  file: string,
  lines: string[],
  request: LineRequest,
): { text: string; where: string } {
  const end = scriptEnd(lines);
  let index = lines.length;
  let where = 'at the end';
  for (let i = lines.length - 1; request.after !== null && i >= 0; i--) {
    if (request.after.pattern.test(lines[i] ?? '')) {
      index = i + 1;
      where = request.after.where;
      break;
    }
  }
  if (end.index !== -1 && index > end.index) {
    index = end.index;
    where = end.where;
  }
  rejectEarlierExec(file, lines, index, request.line);

  lines.splice(index, 0, request.line);
  return { text: lines.join('\n') + '\n', where };
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Finds the trailing lines that end the script: the last lines that are not blank or
 * comments, when each is an `exit` line or an `exec` that runs a command. Returns the index
 * of the first of them and where a line above them goes, for the report. The index is -1
 * when the script has no such lines.
 */
function scriptEnd(lines: readonly string[]): { index: number; where: string } {
  let found = { index: -1, where: '' };
  for (let i = lines.length - 1; i >= 0; i--) {
    const trimmed = (lines[i] ?? '').trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (EXIT_LINE.test(trimmed)) {
      found = { index: i, where: 'before the final exit' };
    } else if (execRunsCommand(trimmed)) {
      found = { index: i, where: `before \`${trimmed}\`, because exec ends the script` };
    } else {
      break;
    }
  }
  return found;
}

/**
 * Rejects a file with an unindented `exec COMMAND` line above `index`. That line ends the
 * script when it runs, so footprint's line below it may never run. It may also sit in an
 * `if` block, which footprint does not parse, so footprint cannot pick a safe place itself.
 */
function rejectEarlierExec(
  file: string,
  lines: readonly string[],
  index: number,
  line: string,
): void {
  const exec = lines.findIndex(
    (text, i) => i < index && /^exec\b/.test(text) && execRunsCommand(text),
  );
  if (exec === -1) return;

  throw new UserError(
    `${file} line ${exec + 1} is \`${lines[exec]}\`, which ends the script, so a line below it ` +
      `may never run and footprint installed nothing. Put \`${line}\` above line ${exec + 1} ` +
      'where it runs on every commit, then run `footprint init` again.',
  );
}

/**
 * Returns true when an `exec` line runs a command, which replaces the shell. Returns false for
 * `exec` with only redirections (such as `exec < /dev/tty && npx cz`), after which the script
 * goes on.
 */
export function execRunsCommand(trimmed: string): boolean {
  const match = EXEC_START.exec(trimmed);
  if (match === null) return false;

  let rest = match[1] ?? '';
  for (;;) {
    rest = rest.trimStart();
    if (rest === '' || /^[#;&|]/.test(rest)) return false;
    const redirection = REDIRECTION.exec(rest);
    if (redirection === null) return true;
    rest = rest.slice(redirection[0].length);
  }
}
