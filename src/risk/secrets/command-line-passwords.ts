import {
  classifyPasswordValue,
  readPasswordValue,
  type PasswordValue,
  type PasswordValueKind,
} from './password-value.js';

/** A password written into a command line, and the option or variable that carries it. */
export interface CommandLinePassword extends PasswordValue {
  kind: PasswordValueKind;
  /** The command whose short option carries the value, such as `mysqldump`; null for the rest. */
  command: string | null;
  /** The option or variable: `-p`, `--password`, `--db-password`, `PGPASSWORD`. */
  option: string;
  /** Separator between option and value: '' (`-pVALUE`), '=' or ' '. */
  separator: '' | '=' | ' ';
  /** The user name before the password in `curl -u user:password`, else null. */
  user: string | null;
}

/**
 * Anchors of a password value: a long option whose name ends in `pass`, `password`, `passwd` or
 * `passphrase` (`--password`, `--db-password`), a variable that client tools read a password
 * from, or a command with a short password option. The boundary before each is checked in code,
 * because a leading lookbehind would keep the engine from skipping ahead to the first character.
 */
const ANCHOR =
  /(--(?:[a-z0-9]+-){0,3}pass(?:word|wd|phrase)?)(?=[= \t])|(PGPASSWORD|MYSQL_PWD|SSHPASS|REDISCLI_AUTH)=|(mysql(?:dump|admin|import|check|show|slap|pump|binlog|sh)?|mariadb(?:-(?:dump|admin|import|check|show|slap|binlog))?|sshpass|redis-cli|curl)(?=[ \t'",])/g;

/** A command's short password option, and the ways its value may follow it. */
interface ShortOption {
  /** Global pattern of the option, preceded by a space, a quote or the segment start. */
  pattern: RegExp;
  /** The value may follow the option directly (`-pVALUE`). */
  attached: boolean;
  /** The value may follow after spaces (`-p VALUE`). */
  separated: boolean;
  /** The value is `user:password` and only the password is secret. */
  userPassword: boolean;
}

const MYSQL: ShortOption = {
  // After a space, mysql reads the next word as the database name, not as the password.
  pattern: /(?<![^\s'"])-p(?=\S)/g,
  attached: true,
  separated: false,
  userPassword: false,
};
const SSHPASS: ShortOption = {
  pattern: /(?<![^\s'"])-p/g,
  attached: true,
  separated: true,
  userPassword: false,
};
const REDIS_CLI: ShortOption = {
  pattern: /(?<![^\s'"])-a(?=[ \t])/g,
  attached: false,
  separated: true,
  userPassword: false,
};
const CURL: ShortOption = {
  pattern: /(?<![^\s'"])(?:-[uU]|--(?:proxy-)?user(?=[ \t]))/g,
  attached: true,
  separated: true,
  userPassword: true,
};

function shortOptionOf(command: string): ShortOption {
  if (command === 'sshpass') return SSHPASS;
  if (command === 'redis-cli') return REDIS_CLI;
  if (command === 'curl') return CURL;
  return MYSQL;
}

/** Characters of one command read after its name, continuation lines included. */
const MAX_SEGMENT = 4096;
/** Spaces skipped between an option and its value. */
const MAX_SPACES = 16;

/**
 * Returns true when the character before `at` ends a word, so a name may start at `at`. The
 * `+` or `-` of a diff line counts as a line start, as in a staged `.patch` file.
 */
function startsWord(text: string, at: number, extra: string): boolean {
  if (at === 0) return true;
  const before = text.charAt(at - 1);
  if (/\s/.test(before) || extra.includes(before)) return true;
  const diffMark = before === '+' || before === '-';
  return diffMark && (at === 1 || text.charCodeAt(at - 2) === 10);
}

/**
 * Returns where the command that ends at `from` ends: at `;`, `|`, `&`, or a line break without
 * a `\` before it, so `mysql \` on one line and `-pSECRET` on the next are one command.
 */
function findSegmentEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_SEGMENT);
  for (let at = from; at < limit; at++) {
    const code = text.charCodeAt(at);
    if (code === 59 || code === 124 || code === 38) return at;
    if (code === 10) {
      const before = text.charCodeAt(at - 1) === 13 ? at - 2 : at - 1;
      if (text.charCodeAt(before) !== 92) return at;
    }
  }
  return limit;
}

/** Skips up to MAX_SPACES spaces and tabs from `at`; returns the offset after them. */
function skipSpaces(text: string, at: number, end: number): number {
  let position = at;
  while (position < end && position - at < MAX_SPACES) {
    const code = text.charCodeAt(position);
    if (code !== 32 && code !== 9) break;
    position++;
  }
  return position;
}

type Found = Omit<CommandLinePassword, 'kind'> & { afterSpace: boolean };

/** Reads the value after an option that ends at `at`: attached, after `=`, or after spaces. */
function readOptionValue(
  text: string,
  at: number,
  end: number,
  ways: { attached: boolean; equals: boolean; separated: boolean },
): (PasswordValue & { separator: '' | '=' | ' ' }) | null {
  const next = text.charCodeAt(at);
  if (ways.equals && next === 61) {
    const value = readPasswordValue(text, at + 1);
    return value === null ? null : { ...value, separator: '=' };
  }
  if (ways.separated && (next === 32 || next === 9)) {
    const start = skipSpaces(text, at, end);
    if (start >= end || text.charCodeAt(start) === 45) return null;
    const value = readPasswordValue(text, start);
    return value === null || value.end > end ? null : { ...value, separator: ' ' };
  }
  if (!ways.attached || at >= end) return null;
  const value = readPasswordValue(text, at);
  return value === null || value.end > end ? null : { ...value, separator: '' };
}

/** Finds the short password options of `command` in its segment, from `from` to `end`. */
function findInCommand(
  text: string,
  command: string,
  option: ShortOption,
  from: number,
  end: number,
): Found[] {
  const segment = text.slice(from, end);
  const found: Found[] = [];
  option.pattern.lastIndex = 0;
  for (let match = option.pattern.exec(segment); match; match = option.pattern.exec(segment)) {
    const optionEnd = from + match.index + match[0].length;
    const ways = { attached: option.attached, equals: false, separated: option.separated };
    const value = readOptionValue(text, optionEnd, end, ways);
    if (value === null) continue;
    const base = { command, option: match[0], user: null, afterSpace: value.separator === ' ' };
    if (!option.userPassword) {
      found.push({ ...base, ...value });
      continue;
    }

    // curl's `user:password`: no colon, or nothing after it, makes curl prompt for a password.
    const colon = value.value.indexOf(':');
    if (colon <= 0 || colon === value.value.length - 1) continue;
    const start = value.start + colon + 1;
    const user = value.value.slice(0, colon);
    found.push({ ...base, ...value, start, value: value.value.slice(colon + 1), user });
  }
  return found;
}

/**
 * Finds the value after a long option (`--password=VALUE`, `--password VALUE`) or a variable
 * (`PGPASSWORD=VALUE`) whose name ends at `at`.
 */
function findAfterName(text: string, name: string, at: number, variable: boolean): Found | null {
  // `--no-password` turns a client's password prompt off and takes no value.
  if (name.startsWith('--no-')) return null;
  const ways = { attached: false, equals: true, separated: !variable };
  const value = readOptionValue(text, at, text.length, ways);
  if (value === null) return null;
  const afterSpace = value.separator === ' ';
  return { command: null, option: name, user: null, afterSpace, ...value };
}

/** Characters that may come right before a name, besides white space. */
const BEFORE_COMMAND = '/\'"`(;|&,[';
const BEFORE_LONG_OPTION = '\'"`(;[,=';
const BEFORE_VARIABLE = '\'"`(;';

/**
 * Offset up to which the options of each kind of command have been read. A command name inside
 * a segment already read, as in `sudo mysql mysql ...`, is not read again, so a line that
 * repeats a name thousands of times still costs linear time.
 */
type ReadSegments = Map<ShortOption, number>;

/** Returns the candidates that start at one anchor match. */
function readAnchor(text: string, match: RegExpExecArray, read: ReadSegments): Found[] {
  const [whole, longOption, variable, command] = match;
  const end = match.index + whole.length;
  if (command !== undefined) {
    const option = shortOptionOf(command);
    if ((read.get(option) ?? -1) > match.index) return [];
    if (!startsWord(text, match.index, BEFORE_COMMAND)) return [];
    const segmentEnd = findSegmentEnd(text, end);
    read.set(option, segmentEnd);
    return findInCommand(text, command, option, end, segmentEnd);
  }
  if (longOption !== undefined) {
    if (!startsWord(text, match.index, BEFORE_LONG_OPTION)) return [];
    const found = findAfterName(text, longOption, end, false);
    return found === null ? [] : [found];
  }
  if (variable === undefined || !startsWord(text, match.index, BEFORE_VARIABLE)) return [];
  // The anchor ends after the `=`.
  const found = findAfterName(text, variable, end - 1, true);
  return found === null ? [] : [found];
}

function classify(password: Omit<Found, 'afterSpace'>, afterSpace: boolean): PasswordValueKind {
  // `curl -u admin:admin` is a default login, as url-credentials treats a URL's.
  if (password.user !== null && password.user === password.value) return 'placeholder';
  return classifyPasswordValue(password.value, afterSpace);
}

/**
 * Finds passwords written into command lines: `mysql -pSECRET` and the other MySQL and MariaDB
 * clients, `--password SECRET`, `--password=SECRET` and other long options ending in `password`,
 * `passwd`, `pass` or `passphrase`, `PGPASSWORD=SECRET` (also `MYSQL_PWD`, `SSHPASS`,
 * `REDISCLI_AUTH`), `sshpass -p SECRET`, `redis-cli -a SECRET` and `curl -u user:SECRET`. Each
 * value is classified, so callers can skip references such as `-p"$DB_PASSWORD"`. A command's
 * options are read up to the next `;`, `|`, `&` or line break without a `\` before it.
 */
export function findCommandLinePasswords(text: string): CommandLinePassword[] {
  const found = new Map<number, CommandLinePassword>();
  const read: ReadSegments = new Map();
  ANCHOR.lastIndex = 0;
  for (let match = ANCHOR.exec(text); match; match = ANCHOR.exec(text)) {
    const commandAnchor = match[4] !== undefined;
    for (const candidate of readAnchor(text, match, read)) {
      if (found.has(candidate.start)) continue;
      const { afterSpace, ...password } = candidate;
      found.set(candidate.start, { ...password, kind: classify(password, afterSpace) });
      // After an option or variable the next search starts past its value, so a line is read
      // about once. After a command it goes on from the name, to find the long options in it.
      if (!commandAnchor) ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, candidate.end);
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}
