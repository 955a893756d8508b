/**
 * Every message footprint shows a user, in one place. Each names the value involved and the
 * command that fixes or bypasses the problem. Usage errors are plain strings (the CLI adds
 * the symbol); the rest take a Style for colour and symbols.
 */
import path from 'node:path';
import { acceptsLineComments } from '../risk/inline-allow.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import type { Finding } from '../risk/types.js';
import { rewriteCommand } from '../strategy/rewrite-command.js';
import type { StrategyProblem } from '../strategy/types.js';
import { quoteJsonString, quotePath } from './quote-path.js';
import { shellPath } from './shell-quote.js';
import { formatStatus, type Style } from './style.js';
import { requestHost } from '../insights/request-host.js';
import type { Insights } from '../insights/types.js';

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function helpCommand(command: string | null): string {
  return command === null ? 'footprint --help' : `footprint ${command} --help`;
}

// Usage errors (exit 2).

export function missingCommandMessage(): string {
  return 'No command given. Run `footprint --help` to list the commands.';
}

export function unknownCommandMessage(name: string, suggestion: string | null = null): string {
  const guess = suggestion === null ? '' : ` Did you mean '${suggestion}'?`;
  return `Unknown command '${name}'.${guess} Run \`footprint --help\` to list the commands.`;
}

export function unknownOptionMessage(
  option: string,
  command: string | null,
  suggestion: string | null = null,
): string {
  const guess = suggestion === null ? '' : ` Did you mean '${suggestion}'?`;
  return `Unknown option '${option}'.${guess} Run \`${helpCommand(command)}\` to list the options.`;
}

export function optionOfOtherCommandMessage(
  option: string,
  command: string,
  owners: string[],
): string {
  return (
    `Option '${option}' is for footprint ${joinWords(owners, 'and')}, not footprint ${command}. ` +
    `Run \`${helpCommand(command)}\` to list the options.`
  );
}

/** Joins words as a sentence does: `a`, `a and b`, `a, b and c`. */
export function joinWords(words: string[], conjunction: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** Says that `option`, as typed (such as `-o`), needs a value. `longOption` is its `--` form. */
export function missingOptionValueMessage(
  option: string,
  longOption: string,
  hint: string,
): string {
  return (
    `Option '${option}' needs a value: ${hint}. ` +
    `Write it as '${option} VALUE' or '${longOption}=VALUE'.`
  );
}

/** Explains an empty value, such as `--output ''` or `--output=`, with an `example` value. */
export function emptyOptionValueMessage(option: string, hint: string, example: string): string {
  return (
    `Option '${option}' needs a value: ${hint}, and the value given is empty. ` +
    `Pass one, such as '${option} ${example}'.`
  );
}

/** Explains `-o=FILE`, which gives a short option a value that starts with `=`. */
export function shortOptionEqualsMessage(
  option: string,
  longOption: string,
  value: string,
): string {
  const intended = value.slice(1);
  return (
    `'${option}${value}' gives ${option} the value '${value}'. ` +
    `Write '${option} ${intended}' or '${longOption}=${intended}'.`
  );
}

/** Says how to pass a path that starts with `-`, which would otherwise read as an option. */
export function dashValueMessage(option: string, value: string): string {
  return (
    `'${value}' reads as an option. Write '${option}=${value}' or '${option} ./${value}' ` +
    'to pass it as the value.'
  );
}

/** Explains `--strategy -` and `--output -`: footprint reads and writes files, not the standard streams. */
export function standardStreamValueMessage(option: string): string {
  if (option === '--output') {
    return (
      "Option '--output -' asks for standard output, where footprint strategy writes the " +
      "strategy when --output is left out. Leave out --output, or write '--output ./-' for a " +
      'file named -.'
    );
  }
  return (
    `Option '${option} -' asks to read standard input, which footprint does not support: ` +
    `${option} takes a file. Save the strategy to a file and pass its path, such as ` +
    `'${option} fossils/strategy.json' after ` +
    '`footprint strategy --output fossils/strategy.json`, ' +
    `or write '${option} ./-' for a file named -.`
  );
}

export function unexpectedOptionValueMessage(option: string, value: string): string {
  return `Option '${option}' takes no value, but got '${value}'. Write '${option}' alone.`;
}

export function invalidOptionValueMessage(
  option: string,
  value: string,
  allowed: readonly string[],
  suggestion: string | null = null,
): string {
  const guess = suggestion === null ? '' : ` Did you mean '${suggestion}'?`;
  return `Invalid value '${value}' for ${option}.${guess} Use one of: ${allowed.join(', ')}.`;
}

export function unexpectedArgumentMessage(argument: string, command: string): string {
  return (
    `Unexpected argument '${argument}' for footprint ${command}. ` +
    `Run \`${helpCommand(command)}\` to see what it takes.`
  );
}

/** Rejects a file given to `command` without `--strategy`, which is how it reads one. */
export function strategyArgumentMessage(argument: string, command: string): string {
  return (
    `Unexpected argument '${argument}' for footprint ${command}. To pass a strategy file, ` +
    `write \`footprint ${command} --strategy ${shellPath(argument)}\`.`
  );
}

export function requiredOptionMessage(option: string, command: string, example: string): string {
  return `footprint ${command} needs ${option}, for example \`${example}\`.`;
}

export function cwdNotFoundMessage(dir: string): string {
  return `The --cwd folder ${dir} does not exist or is not a folder. Pass an existing folder, or leave out --cwd.`;
}

// Results.

export function skippedMessage(style: Style): string {
  return formatStatus(style, 'info', 'footprint skipped because FOOTPRINT=0.') + '\n';
}

/** `stage` is the git hook at which the pre-commit framework ran footprint, such as `commit-msg`. */
export function frameworkStageSkippedMessage(style: Style, stage: string): string {
  const text =
    `footprint skipped at pre-commit's ${stage} stage, because it checks the staged change ` +
    'at the pre-commit stage. Fix: add `stages: [pre-commit]` (`[commit]` before pre-commit ' +
    '3.2.0) to the footprint hook in .pre-commit-config.yaml.';
  return formatStatus(style, 'info', text) + '\n';
}

export function interruptedMessage(style: Style): string {
  return formatStatus(style, 'warning', 'Interrupted.') + '\n';
}

/**
 * Formats an error the user must act on. A provider token in it, such as one that a message
 * quotes from a configuration value or a path, is masked, because CI logs keep stderr.
 */
export function userErrorMessage(style: Style, message: string): string {
  return formatStatus(style, 'error', maskNameSecrets(message)) + '\n';
}

/** Follows a usage or configuration error in the hook, which blocks the commit until it is fixed. */
export function hookBypassMessage(): string {
  return '  The commit is blocked until this is fixed. Skip footprint once with FOOTPRINT=0 git commit ..., or every hook with git commit --no-verify.\n';
}

/** Says what happened to the commit after footprint failed in `precommit`, by `failClosed`. */
function failClosedOutcome(commitAllowed: boolean): string {
  return commitAllowed
    ? '  The commit goes ahead without checks. Set "failClosed": true in footprint.config.json to block instead.'
    : '  The commit is blocked because "failClosed" is true. Bypass with `git commit --no-verify`.';
}

/**
 * Reports a damaged repository in `precommit`: the error, then what happened to the commit.
 * It requests no bug report, because the fault is in the repository.
 */
export function damagedRepositoryMessage(
  style: Style,
  message: string,
  commitAllowed: boolean,
): string {
  const status = formatStatus(style, commitAllowed ? 'warning' : 'error', maskNameSecrets(message));
  return `${status}\n${failClosedOutcome(commitAllowed)}\n`;
}

/**
 * Explains an internal error: where the crash report is and what happened to the commit.
 * `commitAllowed` is null outside `precommit`.
 */
export function crashMessage(
  style: Style,
  reportPath: string | null,
  commitAllowed: boolean | null,
): string {
  const report =
    reportPath === null ? 'No crash report could be written.' : `Crash report: ${reportPath}`;
  const lines = [
    formatStatus(
      style,
      commitAllowed ? 'warning' : 'error',
      'footprint failed with an internal error.',
    ),
  ];
  lines.push(`  ${report}`);
  if (commitAllowed !== null) lines.push(failClosedOutcome(commitAllowed));
  lines.push(
    '  Please report it with the crash report attached, after checking it for anything private.',
  );
  return lines.join('\n') + '\n';
}

/**
 * Reports a written strategy file. `pathFromShell` names the file from the shell's folder, and `file`
 * names it for the check command that `invocation` starts (see footprintInvocation).
 */
export function strategyWrittenMessage(
  style: Style,
  written: { pathFromShell: string; file: string; invocation: string },
  batchCount: number,
): string {
  const { pathFromShell, file, invocation } = written;
  const text =
    `Wrote the strategy (${plural(batchCount, 'batch', 'batches')}) to ${pathFromShell}. ` +
    `Check it with \`${invocation} validate --strategy ${shellPath(file)}\`.`;
  return formatStatus(style, 'success', text) + '\n';
}

/**
 * Says why a strategy file could not be read and what to do: a folder needs a file path, a
 * missing file can be written with `footprint strategy`, and other errors name their code.
 */
export function strategyNotFileMessage(file: string): string {
  return (
    `${quotePath(file)} is not a regular file but a pipe, a socket or a device, so footprint ` +
    'does not read it as a strategy. Pass the path of a strategy file to --strategy.'
  );
}

/** Says why a strategy file could not be read. A command it names starts with `invocation`. */
export function strategyReadFailedMessage(
  file: string,
  code: string,
  invocation = 'footprint',
): string {
  const quoted = quotePath(file);
  if (code === 'EISDIR') {
    const inside = shellPath(path.join(file, 'strategy.json'));
    return (
      `${quoted} is a folder, not a strategy file. Pass the path of a file to --strategy, ` +
      `and write one with ${rewriteCommand(inside, invocation)}.`
    );
  }
  if (code === 'ENOENT') {
    return (
      `Cannot read the strategy file ${quoted} (ENOENT). ` +
      `Write one with ${rewriteCommand(shellPath(file), invocation)}.`
    );
  }
  return `Cannot read the strategy file ${quoted} (${code}). Check that the file exists and is readable.`;
}

/** Causes of a failed write, by error code, as a user reads them. */
const WRITE_FAILURES: Record<string, string> = {
  EEXIST: 'a file is in the way of one of its folders',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

export function strategyWriteFailedMessage(file: string, code: string): string {
  const cause = WRITE_FAILURES[code];
  const reason = cause === undefined ? code : `${cause}, ${code}`;
  return `Cannot write the strategy to ${file} (${reason}). Pass a writable path to --output.`;
}

const OUTPUT_WAYS_OUT =
  'Pass a path that git does not track, such as --output fossils/strategy.json in the fossil ' +
  'store that `footprint init` makes git ignore, or leave out --output ' +
  'to print the strategy on stdout.';

export function outputInGitDirMessage(option: string, gitDir: string): string {
  return (
    `--output ${quotePath(option)} is inside the git directory ${quotePath(gitDir)}, where git ` +
    `keeps the index, refs and objects, so footprint does not write there. ${OUTPUT_WAYS_OUT}`
  );
}

export function outputTrackedMessage(option: string): string {
  return (
    `--output ${quotePath(option)} is a file in git's index, so writing the strategy there ` +
    `would replace its content in the working tree. ${OUTPUT_WAYS_OUT}`
  );
}

export function outputNotStrategyMessage(option: string): string {
  const quoted = quotePath(option);
  return (
    `--output ${quoted} already exists and is not a footprint strategy, so writing the ` +
    'strategy there would replace its content. Pass a new path or the file of an earlier ' +
    `strategy, or move ${quoted} away first.`
  );
}

/**
 * Rejects writing over an edited strategy. `option` is the path as given, and `pathFromShell` is the
 * path from the shell's folder, which the `mv` command names. The command moves the file to its
 * name with `suffix` added, which the caller checked is not in use.
 */
export function outputEditedStrategyMessage(
  option: string,
  pathFromShell: string = option,
  suffix = '.old',
): string {
  const quoted = quotePath(option);
  const moved = shellPath(`${pathFromShell}${suffix}`);
  return (
    `--output ${quoted} holds a strategy that was edited since footprint wrote it, or that ` +
    'another run or tool wrote, so writing there would lose it. Move it away first, for ' +
    `example with \`mv ${shellPath(pathFromShell)} ${moved}\`, or pass another --output path.`
  );
}

export function outputNotFileMessage(option: string, isFolder: boolean): string {
  const quoted = quotePath(option);
  if (isFolder) {
    return `--output ${quoted} is a folder. Pass the path of a file, such as --output ${shellPath(path.join(option, 'strategy.json'))}.`;
  }
  return (
    `--output ${quoted} is not a regular file but a device, a pipe, a socket or a link to a ` +
    `missing file, so footprint does not write there. ${OUTPUT_WAYS_OUT}`
  );
}

/** Explains a failed write to standard output, such as a redirect to a full disk. */
export function stdoutWriteFailedMessage(code: string): string {
  return `footprint: cannot write to standard output (${code}); the output is incomplete. Redirect it to a file system with space, or to a pipe.`;
}

export function strategyValidMessage(style: Style, file: string): string {
  return formatStatus(style, 'success', `${file} is valid for the staged change.`) + '\n';
}

/** Problems that follow from another one, listed under it before the rest are only counted. */
const LISTED_FOLLOWING = 5;

/** Problems that the text lists before it counts the rest and names the command to list all. */
const LISTED_PROBLEMS = 50;

/** Lists the problems of an invalid strategy under a headline with their count (see strategyProblemLines). */
export function strategyInvalidMessage(
  style: Style,
  file: string,
  problems: StrategyProblem[],
  invocation = 'footprint',
): string {
  const headline = `${file} is invalid: ${plural(problems.length, 'problem')}.`;
  const lines = [formatStatus(style, 'error', headline)];
  lines.push(...strategyProblemLines(style, file, problems, invocation));
  return lines.join('\n') + '\n';
}

/**
 * Writes the problems of an invalid strategy, one line each with its code, batch, path and
 * fix. A fix that writes the strategy again names `file` in place of the placeholder. Problems
 * that follow from another (their `cause`) are indented under the first problem with that
 * code, and only the first LISTED_FOLLOWING of them are written, so that a stale strategy does
 * not hide its fix. Of the others, the first LISTED_PROBLEMS are written and the rest counted.
 */
export function strategyProblemLines(
  style: Style,
  file: string,
  problems: readonly StrategyProblem[],
  invocation = 'footprint',
): string[] {
  const lines: string[] = [];
  const codes = new Set(problems.map((problem) => problem.code));
  const isFolded = (problem: StrategyProblem): boolean =>
    problem.cause !== undefined && codes.has(problem.cause);
  const listedCauses = new Set<string>();
  const leading = problems.filter((problem) => !isFolded(problem));
  for (const problem of leading.slice(0, LISTED_PROBLEMS)) {
    lines.push(formatProblemLine(style, file, problem, invocation));
    if (listedCauses.has(problem.code)) continue;
    listedCauses.add(problem.code);
    const following = problems.filter((other) => isFolded(other) && other.cause === problem.code);

    const listed = following.slice(0, LISTED_FOLLOWING);
    lines.push(...listed.map((other) => `  ${formatProblemLine(style, file, other, invocation)}`));
    const rest = following.length - listed.length;
    if (rest > 0) lines.push(`    and ${rest} more, listed with --json.`);
  }
  const rest = leading.length - LISTED_PROBLEMS;
  if (rest > 0) {
    const command = `${invocation} validate --strategy ${shellPath(file)} --json`;
    lines.push(`  and ${rest} more problems. Run \`${command}\` to list them all.`);
  }
  return lines;
}

/** Writes one problem or warning of a strategy: its code, batch and path, then the message. */
function formatProblemLine(
  style: Style,
  file: string,
  problem: StrategyProblem,
  invocation: string,
): string {
  const path = problem.path === undefined ? undefined : quotePath(problem.path);
  const where = [problem.batch, path].filter((part) => part !== undefined).join(' ');
  const command = rewriteCommand(shellPath(file), invocation);
  const message = problem.message.replaceAll(rewriteCommand(), command);
  return `  ${style.colors.dim(problem.code)}  ${where ? `${where}  ` : ''}${message}`;
}

/**
 * Lists what git and `footprint commit` accept in a strategy but a reviewer would fix, such as
 * a message that is not a Conventional Commits header. Returns '' when there is none.
 */
export function strategyWarningsMessage(
  style: Style,
  file: string,
  warnings: readonly StrategyProblem[],
  invocation = 'footprint',
): string {
  if (warnings.length === 0) return '';
  const lines = [formatStatus(style, 'warning', `${file}: ${plural(warnings.length, 'warning')}.`)];
  lines.push(...warnings.map((warning) => formatProblemLine(style, file, warning, invocation)));
  return lines.join('\n') + '\n';
}

// Blocked and passed commits.

/** Returns the first sentence of a finding's fix, which describes how to resolve it. */
export function firstSentence(text: string): string {
  return /^.*?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text;
}

function hasCommentLine(finding: Finding): boolean {
  return finding.line !== undefined && acceptsLineComments(finding.path);
}

/**
 * Lists the ways out of a blocked commit, from fixing the finding to skipping the hook.
 * `configFile` is the configuration file that governs the first finding's path, as shown to the
 * user, or null when there is none. `allowGlob` is that path as a glob written in that file.
 * A finding about the whole change, whose path is '', is allowed by its rule alone, because
 * `risk.allow` rejects an empty path glob. `takesLineComment` returns whether a finding's line can
 * take a `footprint-allow:` comment, by default when it has a line in a file with comments.
 */
export function waysOutLines(
  style: Style,
  blocking: Finding[],
  configFile: string | null,
  allowGlob: string = blocking[0]?.path ?? '',
  takesLineComment: (finding: Finding) => boolean = hasCommentLine,
): string[] {
  const rules = [...new Set(blocking.map((finding) => finding.rule))];
  const first = blocking[0];
  const ruleList = rules.join(',');
  // A comment only helps a finding that has a line; file-level rules such as a .env file do not.
  // A JSON file has no comments, so the path entry below is its way to allow a line.
  const lineAllow = lineAllowRow(blocking, takesLineComment);
  const config = configFile ?? 'footprint.config.json';
  const allowKey = config.endsWith('package.json') ? 'footprint.risk.allow' : 'risk.allow';
  const wholeChange = first !== undefined && first.path === '';
  const allowEntry =
    first === undefined
      ? ''
      : wholeChange
        ? `{ "rule": "${first.rule}" }`
        : `{ "rule": "${first.rule}", "path": ${quoteJsonString(allowGlob)} }`;
  const rows: Array<[string, string]> = [
    ['Fix it', describeFix(blocking)],
    ...(lineAllow === null ? [] : [lineAllow]),
    [
      wholeChange ? 'Allow the rule' : 'Allow a path',
      `add ${allowEntry} to "${allowKey}" in ${config}${otherEntries(blocking)}`,
    ],
    ['Skip the rule', `FOOTPRINT_SKIP=${ruleList} git commit ...`],
    ['Skip all checks', 'git commit --no-verify'],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 1;
  return rows.map(
    ([label, text]) => `  ${style.colors.bold(`${label}:`.padEnd(labelWidth))} ${text}`,
  );
}

/** Lines named in the comment row of the ways out before "and N more lines". */
const LISTED_ALLOW_LINES = 3;

/**
 * Builds the ways-out row that names each line needing a `footprint-allow:` comment, with the
 * rules that line's comment lists, or returns null when no blocking finding can take one.
 * Blocking findings that cannot take a comment are counted, because no comment allows them.
 */
function lineAllowRow(
  blocking: readonly Finding[],
  takesLineComment: (finding: Finding) => boolean,
): [string, string] | null {
  const rulesByLine = new Map<string, { path: string; line: number; rules: string[] }>();
  for (const finding of blocking.filter(takesLineComment)) {
    const line = finding.line ?? 1;
    const key = `${line}:${finding.path}`;
    const entry = rulesByLine.get(key) ?? { path: finding.path, line, rules: [] };
    if (!entry.rules.includes(finding.rule)) entry.rules.push(finding.rule);
    rulesByLine.set(key, entry);
  }
  const entries = [...rulesByLine.values()];
  const first = entries[0];
  if (first === undefined) return null;

  const others = blocking.filter((finding) => !takesLineComment(finding)).length;
  const note = others === 0 ? '' : ` (${plural(others, 'other finding')} cannot take a comment)`;
  const comment = (rules: string[]): string => `\`footprint-allow: ${rules.join(', ')}\``;
  if (entries.length === 1) {
    const where = `line ${first.line} of ${quotePath(first.path)}`;
    return ['Allow one line', `add the comment ${comment(first.rules)} on ${where}${note}`];
  }

  const listed = entries
    .slice(0, LISTED_ALLOW_LINES)
    .map((entry) => `${comment(entry.rules)} on ${quotePath(entry.path)}:${entry.line}`);
  const rest = entries.length - listed.length;
  if (rest > 0) listed.push(`and ${plural(rest, 'more line')}`);
  return ['Allow each line', `add a comment on each line: ${listed.join(', ')}${note}`];
}

/** Returns the words that ask for one allow entry per other finding, when there are others. */
function otherEntries(blocking: readonly Finding[]): string {
  const first = blocking[0];
  const others = blocking.some(
    (finding) => finding.rule !== first?.rule || finding.path !== first?.path,
  );
  return others ? ', and one like it for each other blocking finding' : '';
}

/**
 * Describes how to resolve the blocking findings. Findings on staged files are fixed in those
 * files. A finding about the whole change, such as a commit on a protected branch, has no file
 * to change, so its own fix is shown when it is the only one.
 */
function describeFix(blocking: Finding[]): string {
  const onFiles = blocking.filter((finding) => finding.path !== '');
  const onChange = blocking.filter((finding) => finding.path === '');
  if (onChange.length === 0) {
    return 'change the staged file as each finding says, then `git add` it again';
  }
  if (onFiles.length === 0 && onChange.length === 1) {
    return firstSentence(onChange[0]?.fix ?? '');
  }
  if (onFiles.length === 0) return 'do what each finding above says, then commit again';
  return 'do what each finding above says; change a staged file, then `git add` it again';
}

export function blockedHeadline(style: Style, blocking: Finding[], command: string): string {
  const rules = [...new Set(blocking.map((finding) => finding.rule))].join(', ');
  const subject = command === 'precommit' ? 'Commit blocked' : 'A commit would be blocked';
  return formatStatus(
    style,
    'error',
    `${subject} by ${plural(blocking.length, 'finding')} (${rules}).`,
  );
}

/**
 * `skipped` lists the rules FOOTPRINT_SKIP turned off, whose findings were not looked for, so
 * the headline does not claim that the change has none.
 */
export function passedHeadline(
  style: Style,
  command: string,
  findingCount: number,
  skipped: readonly string[] = [],
): string {
  const subject = command === 'precommit' ? 'Commit passed' : 'Nothing would block a commit';
  const scope = skipped.length === 0 ? '' : ' from the rules that ran';
  const tail =
    findingCount === 0
      ? `no risk findings${scope}`
      : `${plural(findingCount, 'finding')}, none blocking`;
  return formatStatus(style, 'success', `${subject}: ${tail}.`);
}

/** Formats the warning that names the rules FOOTPRINT_SKIP turned off for this run. */
export function skippedRulesMessage(style: Style, skipped: readonly string[]): string {
  const rules = plural(skipped.length, 'rule');
  return formatStatus(
    style,
    'warning',
    `FOOTPRINT_SKIP skipped ${rules} for this run: ${skipped.join(', ')}.`,
  );
}

// footprint init.

export type InstallAction =
  | 'created'
  | 'appended'
  | 'inserted'
  | 'chained'
  | 'unchanged'
  | 'updated'
  | 'removed'
  | 'restored';

export function installStepMessage(
  style: Style,
  action: InstallAction,
  file: string,
  detail: string,
): string {
  const level = action === 'unchanged' ? 'info' : 'success';
  return formatStatus(style, level, `${file}: ${action}${detail ? ` (${detail})` : ''}`) + '\n';
}

/** `waiting` is true when git does not run the hooks yet, which the notes above explain. */
export function initDoneMessage(style: Style, changed: boolean, waiting = false): string {
  if (waiting) {
    const text = changed
      ? 'footprint is installed, but git does not run its hook yet: see the note above.'
      : 'footprint was already installed, but git does not run its hook yet: see the note above.';
    return formatStatus(style, 'warning', text) + '\n';
  }
  const text = changed
    ? 'footprint is installed. It runs on your next `git commit`; skip it once with FOOTPRINT=0 git commit ...'
    : 'footprint was already installed; nothing changed.';
  return formatStatus(style, 'success', text) + '\n';
}

// footprint prepare-commit-msg.

/** Says that the prepare-commit-msg hook's message file cannot be read, and which file to pass. */
export function messageFileUnreadableMessage(file: string, code: string): string {
  return (
    `Cannot read the commit message file ${quotePath(file)} (${code}). ` +
    'Pass the file that git gives the prepare-commit-msg hook, such as .git/COMMIT_EDITMSG.'
  );
}

/** Warns that no message was suggested; `reason` is a sentence ending in a full stop. */
export function messageNotSuggestedMessage(style: Style, reason: string): string {
  const text = `footprint suggested no commit message: ${reason} The commit goes ahead.`;
  return formatStatus(style, 'warning', text) + '\n';
}

/**
 * Sums up an uninstall. `keptHooks` are footprint hooks left because someone edited them, and
 * `invocation` starts the footprint commands the message names (see footprintInvocation).
 */
export function uninstallDoneMessage(
  style: Style,
  changed: boolean,
  keptHooks: readonly string[] = [],
  invocation = 'footprint',
): string {
  if (keptHooks.length > 0) {
    const text =
      `footprint still runs from ${keptHooks.join(', ')}, kept because of your edits. ` +
      `Move your lines out, delete the file, and run \`${invocation} init --uninstall\` again.`;
    return formatStatus(style, 'warning', text) + '\n';
  }
  const text = changed
    ? `footprint is uninstalled. Run \`${invocation} init\` to install it again.`
    : 'footprint was not installed; nothing changed.';
  return formatStatus(style, 'success', text) + '\n';
}

// footprint learn and footprint fossils.

export const FOSSIL_ID_EXAMPLE = '20260101T120000.000Z-analysis-0a1b2c3d';

/** Says why prune kept model `id`, with the command that `invocation` starts to remove it. */
export function keptNewestModelMessage(id: string, invocation = 'footprint'): string {
  return (
    `Kept ${id} because it is the newest model and analyses read it. ` +
    `Run \`${invocation} fossils prune --keep 0 --type model\` to remove it too.`
  );
}

/**
 * Reports that prune kept `count` fossils that a newer footprint wrote, which this one, reading
 * fossil schema versions up to `readsUpTo`, never removes. With `dryRun`, it reports what a run
 * would keep.
 */
export function keptNewerFossilsMessage(count: number, dryRun: boolean, readsUpTo: number): string {
  const verb = dryRun ? 'Would keep' : 'Kept';
  return (
    `${verb} ${plural(count, 'fossil')} that a newer footprint wrote (fossil schema version ` +
    `above ${readsUpTo}), which this footprint cannot read and so does not remove.`
  );
}

/**
 * Reports that prune kept `count` fossils that are not valid JSON or cannot be read, with the
 * command that removes them too. `command` is the prune as run, without `--unreadable`.
 */
export function keptUnreadableFossilsMessage(
  count: number,
  dryRun: boolean,
  command: string,
): string {
  const verb = dryRun ? 'Would keep' : 'Kept';
  const them = count === 1 ? 'it' : 'them';
  return (
    `${verb} ${plural(count, 'fossil')} that footprint cannot read as JSON. ` +
    `Run \`${command} --unreadable\` to remove ${them} too.`
  );
}

/**
 * Says that `fossils list` found no fossil in the store folder `dir`, or none that matches
 * `filters`, the filter options as given, such as `--type model`.
 */
export function noFossilsListedMessage(dir: string, filters: readonly string[]): string {
  const folder = dir.endsWith('/') ? dir : `${dir}/`;
  if (filters.length === 0) return `No fossils in ${folder}.`;
  return `No fossil in ${folder} matches ${filters.join(' ')}.`;
}

/** The one message for a count option's invalid value, negative, zero, a fraction or a word. */
export function invalidCountMessage(
  option: string,
  value: string,
  count: { minimum: number; unit: string; example: string },
): string {
  return (
    `Invalid value '${value}' for ${option}: use a whole number of ${count.minimum} or more ` +
    `(${count.unit}), such as '${option} ${count.example}'.`
  );
}

export function invalidDateMessage(option: string, value: string): string {
  return (
    `Invalid value '${value}' for ${option}. Use a date such as 2025-01-31 or 2025-01-31T12:00Z, ` +
    'or an age such as 30d, 12h, 2w or "6 months ago".'
  );
}

export function missingFossilsSubcommandMessage(subcommands: readonly string[]): string {
  return (
    `footprint fossils needs a subcommand: ${joinWords([...subcommands], 'or')}. ` +
    'Run `footprint fossils --help` for what each does.'
  );
}

export function unknownFossilsSubcommandMessage(
  name: string,
  subcommands: readonly string[],
  suggestion: string | null = null,
): string {
  const guess = suggestion === null ? '' : ` Did you mean 'fossils ${suggestion}'?`;
  return `Unknown subcommand 'fossils ${name}'.${guess} Use one of: ${subcommands.join(', ')}.`;
}

export function optionOfOtherSubcommandMessage(
  option: string,
  subcommand: string,
  owners: string[],
): string {
  const named = owners.map((owner) => `fossils ${owner}`);
  return (
    `Option '${option}' is for footprint ${joinWords(named, 'and')}, not footprint fossils ${subcommand}. ` +
    'Run `footprint fossils --help` to list the options.'
  );
}

/** Rejects `fossils show` without an id. `invocation` starts the commands it names. */
export function missingFossilIdMessage(invocation = 'footprint'): string {
  return (
    `footprint fossils show needs a fossil id, e.g. ${invocation} fossils show ` +
    `${FOSSIL_ID_EXAMPLE}. Run \`${invocation} fossils list\` to see the ids.`
  );
}

/**
 * Reports that no readable fossil in the store folder `dir` has the id or path `value`, with
 * the command that `invocation` starts to list them.
 */
export function fossilNotFoundMessage(
  value: string,
  dir: string,
  invocation = 'footprint',
): string {
  return (
    `No readable fossil has the id or path '${value}' in ${dir}. ` +
    `Run \`${invocation} fossils list\` to see the ids.`
  );
}

export function unknownFossilTypeMessage(type: string, types: readonly string[]): string {
  return `Unknown fossil type '${type}' for --type. Use one of: ${types.join(', ')}.`;
}

/** Formats the warning that the run's fossil was not written. `warning` names the path and the fix. */
export function fossilNotWrittenMessage(style: Style, warning: string): string {
  return formatStatus(style, 'warning', warning) + '\n';
}

/**
 * Returns the notice that the LLM provider was not used, as the hook's summary shows it. The
 * reason itself states that the offline heuristic ran instead. A request that went to another
 * host than the default one names it, because the user's API key went there.
 */
export function llmFallbackMessage(reason: string, host?: string): string {
  if (host === undefined || host === requestHost(null)) return `LLM insights: ${reason}`;
  const ended = /[.!?]$/.test(reason) ? reason : `${reason}.`;
  return `LLM insights: ${ended} The request was for ${host}.`;
}

/**
 * Returns the line that reports the LLM insights of a run: the fallback warning, or the host
 * the change was sent to, or the host whose cached reply was reused. Returns null when the
 * offline heuristic ran as configured and nothing was sent.
 */
export function llmNoticeLine(style: Style, insights: Insights): string | null {
  const { fallbackReason, host } = insights;
  if (fallbackReason !== undefined && fallbackReason !== '') {
    return formatStatus(style, 'warning', llmFallbackMessage(fallbackReason, host));
  }
  if (host === undefined) return null;

  const model = insights.model === null ? '' : ` (${insights.model})`;
  const text = insights.cached
    ? `reused the reply that ${host} gave for this staged change${model}`
    : `sent the redacted change to ${host}${model}`;
  return formatStatus(style, 'info', `LLM insights: ${text}.`);
}

/**
 * Formats the line that blocks a commit whose fossil was not written, because `failClosed`
 * requires every commit to be checked and recorded.
 */
export function fossilFailClosedMessage(style: Style): string {
  const text =
    'Commit blocked: "failClosed" is true and no fossil could be written. Fix the fossil ' +
    'store as the warning above says, or bypass with `git commit --no-verify`.';
  return formatStatus(style, 'error', text) + '\n';
}

/** Formats the line for a skipped fossil; `warning` names the file and the reason. */
export function skippedFossilMessage(style: Style, warning: string): string {
  return formatStatus(style, 'warning', warning) + '\n';
}
