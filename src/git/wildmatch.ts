/** Options of git's wildmatch that callers need. */
export interface WildmatchOptions {
  /** `*` and `?` do not match `/`, and `**` between slashes matches whole directories. */
  pathname?: boolean;
  caseFold?: boolean;
}

const CHARACTER_CLASSES: Record<string, string> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '\\x21-\\x7e',
  lower: 'a-z',
  print: '\\x20-\\x7e',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9a-fA-F',
};

/** Matches `text` against a git glob pattern (`*`, `?`, `[...]`, `**`, `\` escapes). */
export function wildmatch(pattern: string, text: string, options: WildmatchOptions = {}): boolean {
  return compileWildmatch(pattern, options).test(text);
}

/** Compiles a git glob pattern to an anchored regular expression. */
export function compileWildmatch(pattern: string, options: WildmatchOptions = {}): RegExp {
  const pathname = options.pathname ?? false;
  const anyChar = pathname ? '[^/]' : '[\\s\\S]';
  let source = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === '*') {
      const [fragment, next] = compileStars(pattern, index, pathname, anyChar);
      source += fragment;
      index = next;
    } else if (char === '?') {
      source += anyChar;
      index++;
    } else if (char === '[') {
      const [fragment, next] = compileBracket(pattern, index, pathname);
      source += fragment;
      index = next;
    } else if (char === '\\' && index + 1 < pattern.length) {
      source += escapeRegExp(pattern[index + 1] as string);
      index += 2;
    } else {
      source += escapeRegExp(char);
      index++;
    }
  }
  return new RegExp(`^${source}$`, options.caseFold ? 'i' : '');
}

/**
 * Returns the longest run of characters that every text matching `pattern` contains as
 * written, or `''` when there is none. Texts without it can be ruled out by a substring test
 * before the compiled expression runs, which for a file of many patterns is most of them.
 */
export function requiredLiteral(pattern: string, options: WildmatchOptions = {}): string {
  const pathname = options.pathname ?? false;
  let longest = '';
  let run = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    let next = index + 1;
    let literal: string | null = char;
    if (char === '*') {
      // A `**/` consumes its slash, which a match then need not contain.
      next = compileStars(pattern, index, pathname, '')[1];
      literal = null;
    } else if (char === '?') {
      literal = null;
    } else if (char === '[') {
      next = compileBracket(pattern, index, pathname)[1];
      // An unclosed `[` matches itself.
      if (next !== index + 1) literal = null;
    } else if (char === '\\' && index + 1 < pattern.length) {
      literal = pattern[index + 1] as string;
      next = index + 2;
    }

    if (literal === null) {
      if (run.length > longest.length) longest = run;
      run = '';
    } else {
      run += literal;
    }
    index = next;
  }
  return run.length > longest.length ? run : longest;
}

/** Compiles a run of `*` starting at `start`; returns the fragment and the index after it. */
function compileStars(
  pattern: string,
  start: number,
  pathname: boolean,
  anyChar: string,
): [string, number] {
  let end = start;
  while (pattern[end] === '*') end++;
  if (!pathname) return ['[\\s\\S]*', end];
  if (end - start < 2) return [`${anyChar}*`, end];

  // `**` counts as a directory wildcard only when slashes or the pattern's ends surround it.
  const atStart = start === 0 || pattern[start - 1] === '/';
  if (atStart && pattern[end] === '/') return ['(?:[\\s\\S]*/)?', end + 1];
  if (atStart && end === pattern.length) return ['[\\s\\S]*', end];
  return [`${anyChar}*`, end];
}

/** Compiles a `[...]` bracket expression; an unclosed `[` matches itself. */
function compileBracket(pattern: string, start: number, pathname: boolean): [string, number] {
  let index = start + 1;
  let negated = false;
  if (pattern[index] === '!' || pattern[index] === '^') {
    negated = true;
    index++;
  }

  let body = '';
  let first = true;
  while (index < pattern.length && (pattern[index] !== ']' || first)) {
    first = false;
    const char = pattern[index] as string;
    const classMatch = /^\[:([a-z]+):\]/.exec(pattern.slice(index));
    if (classMatch) {
      body += CHARACTER_CLASSES[classMatch[1] as string] ?? '';
      index += classMatch[0].length;
    } else if (char === '\\' && index + 1 < pattern.length) {
      body += escapeClassChar(pattern[index + 1] as string);
      index += 2;
    } else if (char === '-' && body !== '' && pattern[index + 1] !== ']') {
      body += '-';
      index++;
    } else {
      body += escapeClassChar(char);
      index++;
    }
  }
  if (index >= pattern.length) return ['\\[', start + 1];

  // With pathname matching a bracket expression never matches `/`, negated or not.
  const guard = pathname ? '(?!/)' : '';
  return [`${guard}[${negated ? '^' : ''}${body}]`, index + 1];
}

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

function escapeClassChar(char: string): string {
  return /[\\\]^[-]/.test(char) ? `\\${char}` : char;
}
