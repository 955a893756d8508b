import { UserError } from '../errors.js';
import { definesFunction, isCommandLine, scanShellLines, type ShellLine } from './shell-lines.js';

/** Placement of footprint's line in a husky hook file: unchanged, inserted or moved. */
export type LinePlacement =
  | { action: 'unchanged' }
  /** The text with the line added (`inserted`) or moved above the end of the script (`moved`). */
  | ({ action: 'inserted' | 'moved'; text: string; where: string } & InsertedLine);

/** Position of footprint's line in the new text of a husky hook file. */
export interface InsertedLine {
  /** 1-based number of footprint's line in the new text. */
  lineNumber: number;
  /** Whether footprint's line went last, below every line of the old text. */
  atEnd: boolean;
}

/** The line to place and the lines it goes after when the file has them. */
export interface LineRequest {
  line: string;
  /** Matches a command line that already runs footprint's command, in any form init writes. */
  existing: RegExp;
  /** Commands to place it after, such as lint-staged, and the words for the report. */
  after: { pattern: RegExp; where: string } | null;
}

/** A line that ends the script: `exit`, `exit 0`, `exit $?` or `exit "$?"`, with an optional comment. */
const EXIT_LINE = /^\s*exit(?:\s+(?:\d+|"?\$\?"?))?\s*(?:#.*)?$/;

/** An `exec` word at the start of a line, and the rest of the line. */
const EXEC_START = /^\s*exec(?:\s+(.*))?$/;

/** One redirection such as `< /dev/tty`, `2>&1` or `>"$log"`, at the start of the text. */
const REDIRECTION = /^\d*(?:[<>]&|<>|<<|>>|>\||<|>)\s*(?:"[^"]*"|'[^']*'|[^\s"';&|<>]+)?/;

/**
 * Decides where footprint's line goes in the text of a husky hook file. A command line that
 * already runs footprint stays, unless it sits below the lines that end the script, where it
 * never runs, so it moves above them. A mention in a comment, a string or a heredoc is not
 * such a line. A new line goes after the last command that runs `after` when there is one,
 * else at the end, and always above a final `exit` or `exec COMMAND`. Throws a UserError
 * naming the file, the line and the fix when footprint cannot place its line where it runs on
 * every commit (see rejectUnsafeFile and rejectOpenCommand).
 */
export function placeLine(file: string, text: string, request: LineRequest): LinePlacement {
  const scanned = scanShellLines(text);
  const runsFootprint = scanned.map(
    (line) => isCommandLine(line) && request.existing.test(line.text),
  );
  const current = runsFootprint.indexOf(true);
  const otherLines = scanned.filter((_, i) => !runsFootprint[i]);

  // No footprint line is above `current`, so it is also its index among the other lines.
  const end = current === -1 ? null : scriptEnd(otherLines);
  // A file without a final newline keeps that ending, so uninstall can restore it exactly.
  const ending = text === '' || text.endsWith('\n') ? '\n' : '';
  if (current !== -1 && end !== null && end.index !== -1 && current > end.index) {
    return { action: 'moved', ...insertLine(file, otherLines, request, ending) };
  }
  if (current !== -1) {
    rejectEarlierEnd(file, scanned, current, request.line);
    return { action: 'unchanged' };
  }
  return { action: 'inserted', ...insertLine(file, scanned, request, ending) };
}

function insertLine(
  file: string,
  scanned: readonly ShellLine[],
  request: LineRequest,
  ending: string,
): { text: string; where: string } & InsertedLine {
  rejectUnsafeFile(file, scanned, request.line);
  const end = scriptEnd(scanned);
  if (end.otherExit !== -1) {
    const text = scanned[end.otherExit]?.text.trim() ?? '';
    const reason = 'an exit with a status that footprint cannot keep';
    rejectLine(file, end.otherExit, text, reason, request.line);
  }
  let index = scanned.length;
  let where = 'at the end';
  for (let i = scanned.length - 1; request.after !== null && i >= 0; i--) {
    const line = scanned[i];
    if (line !== undefined && isCommandLine(line) && request.after.pattern.test(line.code)) {
      index = i + 1;
      where = request.after.where;
      break;
    }
  }
  while (index < scanned.length && scanned[index - 1]?.endsInContinuation === true) index++;
  if (end.index !== -1 && index > end.index) {
    index = end.index;
    where = end.where;
  }
  const exitAfterCommand = findExitAfterCommand(scanned, index);
  if (exitAfterCommand !== -1) {
    index = exitAfterCommand;
    where = 'above a command that may end the script';
  }
  rejectIndentedPlace(file, scanned, index, request.line);
  rejectEarlierEnd(file, scanned, index, request.line);
  rejectOpenCommand(file, scanned, index, request.line);

  const text = spliceLine(scanned, index, request.line, ending);
  return { text, where, lineNumber: index + 1, atEnd: index === scanned.length };
}

/**
 * Inserts `line` at `index` with the file's own line ending: CRLF when the first line ends in
 * CRLF, since scanned lines keep their `\r`. A line added after a last line without a
 * newline ends that line with the file's ending.
 */
function spliceLine(
  scanned: readonly ShellLine[],
  index: number,
  line: string,
  ending: string,
): string {
  const lines = scanned.map((current) => current.text);
  const firstEndsInCrlf = lines[0]?.endsWith('\r') === true && (lines.length > 1 || ending !== '');
  const carriageReturn = firstEndsInCrlf ? '\r' : '';
  const last = index === lines.length;
  lines.splice(index, 0, last && ending === '' ? line : `${line}${carriageReturn}`);
  const before = lines[index - 1];
  if (last && ending === '' && before !== undefined && !before.endsWith(carriageReturn)) {
    lines[index - 1] = `${before}${carriageReturn}`;
  }
  return lines.join('\n') + ending;
}

/**
 * Finds the trailing lines that end the script: the last command lines, when each is an
 * `exit` or an `exec` that runs a command. Returns the index of the first of them and where a
 * line above them goes, for the report. The index is -1 when the script has no such lines.
 * `otherExit` is the index of a trailing `exit` with a status other than 0 or `$?`, such as
 * `exit $status`, or -1: footprint cannot tell whether a line above it changes that status.
 */
function scriptEnd(scanned: readonly ShellLine[]): {
  index: number;
  where: string;
  otherExit: number;
} {
  let found = { index: -1, where: '', otherExit: -1 };
  for (let i = scanned.length - 1; i >= 0; i--) {
    const current = scanned[i];
    if (current === undefined || current.inHeredoc) break;
    if (current.continuesCommand || current.endsInContinuation) break;
    if (current.startsInString || current.endsInString) break;
    const trimmed = current.text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (EXIT_LINE.test(trimmed)) {
      found = { ...found, index: i, where: 'before the final exit' };
    } else if (/^exit\b/.test(trimmed)) {
      found = { index: i, where: 'before the final exit', otherExit: i };
    } else if (execRunsCommand(trimmed)) {
      const where = `before \`${trimmed}\`, because exec ends the script`;
      found = { ...found, index: i, where };
    } else {
      break;
    }
  }
  return found;
}

/**
 * Rejects a file with a construct that a line-based placement cannot get right. A heredoc's
 * text may contain any line. A function may exit when a later line calls it. A last line
 * ending in `\` would join footprint's line to its command.
 */
function rejectUnsafeFile(file: string, scanned: readonly ShellLine[], line: string): void {
  const heredoc = scanned.findIndex((current) => current.startsHeredoc);
  if (heredoc !== -1) {
    const text = scanned[heredoc]?.text.trim() ?? '';
    rejectLine(file, heredoc, text, 'a heredoc, which footprint does not parse', line);
  }

  const definition = scanned.findIndex(definesFunction);
  const exits = scanned.some(
    (current) => isCommandLine(current) && /(?:^|[\s;&|({])(?:exit|exec)\b/.test(current.code),
  );
  if (definition !== -1 && exits) {
    const text = scanned[definition]?.text.trim() ?? '';
    const reason =
      'a function definition in a file that calls exit or exec, so a call may end the script';
    rejectLine(file, definition, text, reason, line);
  }

  const last = scanned.length - 1;
  if (scanned[last]?.endsInContinuation === true) {
    const text = scanned[last]?.text.trim() ?? '';
    rejectLine(
      file,
      last,
      text,
      'the last line and ends in `\\`, so the command is unfinished',
      line,
    );
  }
}

/**
 * Returns the first command line above `index` that may end the script after a command, such
 * as `npx lint-staged && exit 0`, or -1. A line below it runs only when that command fails, so
 * footprint's line goes above it. A guard on a test (`[ -n "$CI" ] && exit 0`) is left above
 * footprint's line on purpose: it skips every check, as its author meant. So is a command that
 * exits only to fail the commit, such as `npx lint-staged || exit 1` (see FAILURE_EXIT).
 */
function findExitAfterCommand(scanned: readonly ShellLine[], index: number): number {
  return scanned.findIndex(
    (current, i) =>
      i < index &&
      isCommandLine(current) &&
      EXIT_AFTER_COMMAND.test(current.code.replace(FAILURE_EXIT, '')) &&
      !/^\s*(?:\[|test\b|if\b)/.test(current.code),
  );
}

/** An `exit` or `exec` that runs after another command on the same line. */
const EXIT_AFTER_COMMAND = /(?:&&|\|\||;)\s*(?:exit|exec)\b/;

/** An exit status from 1 to 255, which sh does not wrap round to 0. */
const FAILURE_STATUS = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d?)`;

/**
 * The end of a line's code that exits with a failure status when its command fails: `|| exit`,
 * `|| exit $?` or `|| exit N`, or a `|| { ...; exit N; }` group. The commit then fails without
 * footprint, and a line below runs whenever the command succeeds. In a group, a bare `exit` or
 * `$?` takes the status of the group's last command, which may be 0, so only a number counts.
 */
const FAILURE_EXIT = new RegExp(
  String.raw`\|\|\s*(?:` +
    String.raw`exit(?:\s+(?:${FAILURE_STATUS}|\$\?))?` +
    String.raw`|\{[^{}]*;\s*exit\s+${FAILURE_STATUS}\s*;?\s*\}` +
    String.raw`)\s*$`,
);

/**
 * Rejects a place after an indented line, such as a command inside a multi-line `if` block:
 * footprint's line there would run only when the block's condition holds.
 */
function rejectIndentedPlace(
  file: string,
  scanned: readonly ShellLine[],
  index: number,
  line: string,
): void {
  const before = scanned[index - 1];
  if (before === undefined || !/^\s+\S/.test(before.text) || !isCommandLine(before)) return;
  rejectLine(file, index - 1, before.text.trim(), 'an indented line, maybe inside a block', line);
}

/**
 * Rejects an unindented `exec COMMAND` or `exit` line above `index`. That line ends the script
 * when it runs, so footprint's line below it may never run. It may also sit in an `if` block,
 * which footprint does not parse, so footprint cannot pick a safe place itself.
 */
function rejectEarlierEnd(
  file: string,
  scanned: readonly ShellLine[],
  index: number,
  line: string,
): void {
  const end = scanned.findIndex(
    (current, i) =>
      i < index &&
      isCommandLine(current) &&
      (/^exit\b/.test(current.code) ||
        (/^exec\b/.test(current.text) && execRunsCommand(current.text))),
  );
  if (end === -1) return;

  throw new UserError(
    `${file} line ${end + 1} is \`${scanned[end]?.text ?? ''}\`, which ends the script, so a ` +
      `line below it may never run and footprint installed nothing. Put \`${line}\` above ` +
      `line ${end + 1} where it runs on every commit, then run \`footprint init\` again.`,
  );
}

/**
 * Rejects a place below a line that leaves its command open: a line ending in `{`, `(`, `&&`,
 * `||`, `|`, `\`, `then`, `do`, `else` or `in`, or inside a quoted string. footprint's line
 * would run only in that block, as part of that command, or not at all.
 */
function rejectOpenCommand(
  file: string,
  scanned: readonly ShellLine[],
  index: number,
  line: string,
): void {
  const above = scanned[index - 1];
  if (above === undefined || above.inHeredoc) return;
  if (above.endsInString) {
    const reason = 'which leaves a quoted string open, so a line below it would be text';
    rejectLine(file, index - 1, above.text.trim(), reason, line);
  }
  const code = above.code.trimEnd();
  if (!/(?:[{(|\\]|&&|(?:^|\s)(?:then|do|else|in))$/.test(code)) return;

  const reason =
    'which leaves its command or block open, so a line below it may not run on every commit';
  rejectLine(file, index - 1, above.text.trim(), reason, line);
}

function rejectLine(
  file: string,
  index: number,
  text: string,
  reason: string,
  line: string,
): never {
  throw new UserError(
    `${file} line ${index + 1} is \`${text}\`, ${reason}, and footprint installed nothing. ` +
      `Add \`${line}\` yourself where it runs on every commit, then run \`footprint init\` again.`,
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
