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
 * Anchors of a password value: a long option whose name ends in `password`, `passwd` or
 * `passphrase` (`--password`, `--db-password`), a variable that client tools read a password
 * from, or a command with a short password option. The boundary before each is checked in code,
 * because a leading lookbehind would keep the engine from skipping ahead to the first character.
 * Bare `--pass` and `--*-pass` are left out: `x264 --pass 1` and `ansible --ask-pass` take none.
 */
const ANCHOR =
  /(--(?:[a-z0-9]+-){0,3}pass(?:word|wd|phrase))(?=[= \t])|(PGPASSWORD|MYSQL_PWD|SSHPASS|REDISCLI_AUTH)(?=[= \t])|(mysql(?:dump|admin|import|check|show|slap|pump|binlog|sh)?|mariadb(?:-(?:dump|admin|import|check|show|slap|binlog))?|sshpass|redis-cli|curl|docker[ \t]+login|mongo(?:sh)?|sqlcmd|zip|ldap(?:search|add|modify|delete|compare|passwd|whoami)|openssl)(?=[ \t'",])/g;

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

/** `docker login -p`, `mongosh -p`: the value follows after a space or directly. */
const SEPARATED_P: ShortOption = {
  pattern: /(?<![^\s'"])-p/g,
  attached: true,
  separated: true,
  userPassword: false,
};
const SQLCMD: ShortOption = {
  pattern: /(?<![^\s'"])-P/g,
  attached: true,
  separated: true,
  userPassword: false,
};

const ZIP: ShortOption = {
  pattern: /(?<![^\s'"])-P(?=[ \t])/g,
  attached: false,
  separated: true,
  userPassword: false,
};
const LDAP: ShortOption = {
  pattern: /(?<![^\s'"])-w(?=[ \t])/g,
  attached: false,
  separated: true,
  userPassword: false,
};
/** openssl's `-passin pass:VALUE`. Its other sources (`env:`, `file:`, `stdin`) do not match. */
const OPENSSL: ShortOption = {
  pattern: /(?<![^\s'"])-pass(?:in|out)?[ \t]+pass:/g,
  attached: true,
  separated: false,
  userPassword: false,
};

function shortOptionOf(command: string): ShortOption {
  if (command === 'zip') return ZIP;
  if (command.startsWith('ldap')) return LDAP;
  if (command === 'openssl') return OPENSSL;
  if (command.startsWith('docker') || command.startsWith('mongo')) return SEPARATED_P;
  if (command === 'sqlcmd') return SQLCMD;
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
 * Returns where the command that ends at `from` ends: at `;`, `|`, a `&` not inside a word, or
 * a line break without a `\` before it, so `mysql \` and `-pSECRET` on the next line are one
 * command.
 */
function findSegmentEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_SEGMENT);
  for (let at = from; at < limit; at++) {
    const code = text.charCodeAt(at);
    if (code === 59 || code === 124) return at;
    // A `&` inside a word, as in `-pAmp3rs&nd`, is read as part of the password.
    if (code === 38 && !/[^\s;|&<>()'"`]/.test(text.charAt(at + 1))) return at;
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
  ways: { attached: boolean; equals: boolean; separated: boolean; spaces?: boolean },
): (PasswordValue & { separator: '' | '=' | ' ' }) | null {
  const next = text.charCodeAt(at);
  const spaces = ways.spaces === true;
  if (ways.equals && next === 61) {
    const value = readPasswordValue(text, at + 1, spaces);
    return value === null ? null : { ...value, separator: '=' };
  }
  if (ways.separated && (next === 32 || next === 9)) {
    const start = skipSpaces(text, at, end);
    if (start >= end || text.charCodeAt(start) === 45) return null;
    const value = readPasswordValue(text, start, spaces);
    return value === null || value.end > end ? null : { ...value, separator: ' ' };
  }
  if (!ways.attached || at >= end) return null;
  const value = readPasswordValue(text, at, spaces);
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
    const ways = {
      attached: option.attached,
      equals: false,
      separated: option.separated,
      spaces: option.userPassword,
    };
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
  // A variable takes a space only in a Dockerfile's `ENV NAME value`.
  const dockerEnv = variable && text.charCodeAt(at) !== 61;
  if (dockerEnv && !followsDockerEnv(text, at - name.length)) return null;
  const ways = {
    attached: false,
    equals: !dockerEnv,
    separated: !variable || dockerEnv,
    // Quoted spaces belong to the value after a variable and in a passphrase.
    spaces: variable || name.endsWith('phrase'),
  };
  const value = readOptionValue(text, at, text.length, ways);
  if (value === null) return null;
  const afterSpace = value.separator === ' ';
  return { command: null, option: name, user: null, afterSpace, ...value };
}

/** Returns true when `ENV ` and nothing else comes before `at` on its line. */
function followsDockerEnv(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (at - lineStart > 64) return false;
  return /^[+-]?\s*ENV[ \t]+$/i.test(text.slice(lineStart, at));
}

/** Words that run the command after them: `sudo mysql`, `env -i mysql`, `RUN mysql`. */
const WRAPPERS = new Set([
  'sudo',
  'env',
  'exec',
  'time',
  'xargs',
  'nohup',
  'nice',
  'command',
  'then',
  'do',
  'else',
  '!',
  'RUN',
  'CMD',
  'ENTRYPOINT',
]);

/** Tools whose `exec` runs a command in a container: `docker exec -it db mysql`. */
const CONTAINER_TOOLS = new Set(['docker', 'podman', 'kubectl', 'compose', 'docker-compose', 'oc']);

/** Characters before a command that start a new one, besides a line break. */
const COMMAND_SEPARATORS = ';|&(`{';

/** Characters read back from a command name to find where its command starts. */
const MAX_PREFIX = 256;

/**
 * The start of the command around each offset of a text: after the last separator, or line
 * break without a `\` before it. One pass forward serves every anchor, because anchors come in
 * increasing order, so a long line with many command names is read once.
 */
class SegmentStarts {
  private scanned = 0;
  private start = 0;

  constructor(private readonly text: string) {}

  /** Returns the offset where the command containing `at` starts. */
  startBefore(at: number): number {
    if (at < this.scanned) {
      this.scanned = 0;
      this.start = 0;
    }
    for (; this.scanned < at; this.scanned++) {
      const character = this.text.charAt(this.scanned);
      if (COMMAND_SEPARATORS.includes(character) || this.endsLine(this.scanned)) {
        this.start = this.scanned + 1;
      }
    }
    return this.start;
  }

  /** Returns true for a line break that a `\` before it does not continue. */
  private endsLine(at: number): boolean {
    if (this.text.charAt(at) !== '\n') return false;
    return !/\\\r?$/.test(this.text.slice(Math.max(0, at - 2), at));
  }
}

/** Returns true when a word before a command name lets the name start the command. */
function isCommandPrefix(word: string, afterWrapper: boolean): boolean {
  if (WRAPPERS.has(word) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) return true;
  // A diff mark, a list item of YAML or markdown, a prompt, or a YAML key such as `run:`.
  if (/^(?:[-+*$#>]|[+-]?-|[\w-]+:)$/.test(word)) return true;
  return afterWrapper && (word.startsWith('-') || /^\d+$/.test(word));
}

/**
 * Returns true when the command name at `at` starts a command. That is at the start of a line
 * or after `;`, `|`, `&` or `(`, after `sudo`, `env`, `exec` and the like or a `VAR=value`
 * prefix. It is also a quoted element of an array (`["CMD", "mysqladmin", ...]`) or a quoted
 * command (`sh -c "mysql ..."`). A name that is an argument, as in `docker run --name mysql`,
 * does not start one.
 */
function startsCommand(text: string, at: number, segments: SegmentStarts): boolean {
  let end = at;
  const before = text.charAt(at - 1);
  if (before === '"' || before === "'") {
    let previous = at - 2;
    while (previous >= 0 && (text[previous] === ' ' || text[previous] === '\t')) previous--;
    if (previous < 0 || '[,(:\n'.includes(text.charAt(previous))) return true;
    end = at - 1;
    if (text.slice(Math.max(0, end - 3), end).trimStart() === '-c') return true;
  }

  const start = segments.startBefore(end);
  if (end - start >= MAX_PREFIX) return false;

  const words = text
    .slice(start, end)
    .split(/[\s\\]+/)
    .filter((word) => word !== '');
  let afterWrapper = false;
  for (const [index, word] of words.entries()) {
    // The argument of a wrapper's option: `sudo -u app mysql`.
    if (afterWrapper && (words[index - 1] ?? '').startsWith('-')) continue;
    // Whatever follows `docker exec` (options, the container) comes before the command.
    if (word === 'exec' && CONTAINER_TOOLS.has(words[index - 1] ?? '')) return true;
    const next = words[index + 1];
    if (CONTAINER_TOOLS.has(word) && (next === 'exec' || next === 'compose')) continue;
    if (!isCommandPrefix(word, afterWrapper)) return false;
    if (WRAPPERS.has(word)) afterWrapper = true;
  }
  return true;
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
function readAnchor(
  text: string,
  match: RegExpExecArray,
  read: ReadSegments,
  segments: SegmentStarts,
): Found[] {
  const [whole, longOption, variable, command] = match;
  const end = match.index + whole.length;
  if (command !== undefined) {
    const option = shortOptionOf(command);
    if ((read.get(option) ?? -1) > match.index) return [];
    if (!startsWord(text, match.index, BEFORE_COMMAND)) return [];
    if (!startsCommand(text, match.index, segments)) return [];
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
  const found = findAfterName(text, variable, end, true);
  return found === null ? [] : [found];
}

function classify(password: Omit<Found, 'afterSpace'>, afterSpace: boolean): PasswordValueKind {
  // `curl -u admin:admin` is a default login, as url-credentials treats a URL's.
  if (password.user !== null && password.user === password.value) return 'placeholder';
  return classifyPasswordValue(password.value, afterSpace, password.quote);
}

/** The option of a command that reads its password from standard input. */
const STDIN_OPTION = /(?<![\w-])--password-stdin(?![\w-])/g;
/** `echo` or `printf '%s'` and the blanks before the value they write. */
const ECHO_COMMAND =
  /(?:^|[;&(])[ \t]*(echo|printf)(?:[ \t]+-[neE]{1,3}|[ \t]+(["'])%s(?:\\n)?\2)?[ \t]+/g;
/** The rest of a command line after a written value: one pipe into the command with the option. */
const PIPE_TO_OPTION = /^[ \t]*\|(?!\|)[^|;&\n]*$/;
/** A here-string after the option: `--password-stdin <<< VALUE`. */
const HERE_STRING = /[^|;&\n]{0,256}?<<<[ \t]*/y;

/** Returns the value that `echo` or `printf` pipes into the command at `optionAt`, or null. */
function readPipedValue(text: string, optionAt: number): Found | null {
  const lineStart = text.lastIndexOf('\n', optionAt - 1) + 1;
  if (optionAt - lineStart > MAX_PREFIX) return null;
  const line = text.slice(lineStart, optionAt);
  const echo = [...line.matchAll(ECHO_COMMAND)].at(-1);
  if (echo === undefined) return null;

  const value = readPasswordValue(text, lineStart + echo.index + echo[0].length, true);
  if (value === null) return null;
  const valueEnd = value.end + value.quote.length;
  if (!PIPE_TO_OPTION.test(text.slice(valueEnd, optionAt))) return null;
  const option = echo[1] ?? 'echo';
  return { command: null, option, separator: ' ', user: null, afterSpace: true, ...value };
}

/** Returns the value of a here-string after the option that ends at `optionEnd`, or null. */
function readHereString(text: string, optionEnd: number): Found | null {
  HERE_STRING.lastIndex = optionEnd;
  if (!HERE_STRING.test(text)) return null;
  const value = readPasswordValue(text, HERE_STRING.lastIndex, true);
  if (value === null) return null;
  return { command: null, option: '<<<', separator: ' ', user: null, afterSpace: true, ...value };
}

/**
 * Finds passwords written to the standard input of a command that reads one there, as
 * `echo VALUE | docker login --password-stdin` and `docker login --password-stdin <<< VALUE`
 * do. podman, helm, oras and skopeo take the same option.
 */
function findStdinPasswords(text: string): Found[] {
  const found: Found[] = [];
  STDIN_OPTION.lastIndex = 0;
  for (let match = STDIN_OPTION.exec(text); match; match = STDIN_OPTION.exec(text)) {
    const end = match.index + match[0].length;
    const value = readPipedValue(text, match.index) ?? readHereString(text, end);
    if (value !== null) found.push(value);
  }
  return found;
}

/**
 * Finds passwords written into command lines. The forms are `mysql -pSECRET` and the other
 * MySQL and MariaDB clients, and long options ending in `password`, `passwd` or `passphrase`
 * (`--password SECRET`, `--password=SECRET`). Also `PGPASSWORD=SECRET`, `MYSQL_PWD`, `SSHPASS`,
 * `REDISCLI_AUTH` and Dockerfile `ENV PGPASSWORD SECRET`. And the short options of `sshpass -p`,
 * `redis-cli -a`, `curl -u user:SECRET`, `docker login -p`, `mongo -p`, `mongosh -p`,
 * `sqlcmd -P`, `zip -P`, `ldapsearch -w` and the other OpenLDAP clients, and openssl's
 * `-passin pass:SECRET`, and a value piped or passed as a here-string to `--password-stdin`.
 * Each value is classified, so callers can skip references such as
 * `-p"$DB_PASSWORD"`. A command's options are read up to the next `;`, `|`, `&` or line break
 * without a `\` before it.
 */
export function findCommandLinePasswords(text: string): CommandLinePassword[] {
  const found = new Map<number, CommandLinePassword>();
  const read: ReadSegments = new Map();
  const segments = new SegmentStarts(text);
  ANCHOR.lastIndex = 0;
  for (let match = ANCHOR.exec(text); match; match = ANCHOR.exec(text)) {
    const commandAnchor = match[4] !== undefined;
    for (const candidate of readAnchor(text, match, read, segments)) {
      if (found.has(candidate.start)) continue;
      const { afterSpace, ...password } = candidate;
      found.set(candidate.start, { ...password, kind: classify(password, afterSpace) });
      // After an option or variable the next search starts past its value, so a line is read
      // about once. After a command it goes on from the name, to find the long options in it.
      if (!commandAnchor) ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, candidate.end);
    }
  }
  for (const candidate of findStdinPasswords(text)) {
    if (found.has(candidate.start)) continue;
    const { afterSpace, ...password } = candidate;
    found.set(candidate.start, { ...password, kind: classify(password, afterSpace) });
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}
