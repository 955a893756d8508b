import { detectLanguage } from '../footprint/language.js';

/** Lines `first` to `last` of a text, 1-based and inclusive. */
interface LineRange {
  first: number;
  last: number;
}

/** A language's multi-line string delimiters and comments. */
interface QuoteSyntax {
  /** Delimiters that open and close a string that may span lines. */
  multiline: readonly string[];
  lineComment: string;
  blockComment: boolean;
  /** A global pattern of the characters where a token may start. */
  tokenStart: RegExp;
}

const PYTHON_LIKE: QuoteSyntax = {
  multiline: ['"""', "'''"],
  lineComment: '#',
  blockComment: false,
  tokenStart: /["'#\n]/g,
};
const JVM_LIKE: QuoteSyntax = {
  multiline: ['"""', "'''"],
  lineComment: '//',
  blockComment: true,
  tokenStart: /["'/\n]/g,
};
const BACKTICK_LIKE: QuoteSyntax = {
  multiline: ['`'],
  lineComment: '//',
  blockComment: true,
  tokenStart: /["'`/\n]/g,
};

/** Languages by the way they write strings that span lines. */
const QUOTE_SYNTAX = new Map<string, QuoteSyntax>([
  ['python', PYTHON_LIKE],
  ['starlark', PYTHON_LIKE],
  ['toml', PYTHON_LIKE],
  ['kotlin', JVM_LIKE],
  ['java', JVM_LIKE],
  ['scala', JVM_LIKE],
  ['groovy', JVM_LIKE],
  ['swift', JVM_LIKE],
  ['dart', JVM_LIKE],
  ['csharp', JVM_LIKE],
  ['javascript', BACKTICK_LIKE],
  ['typescript', BACKTICK_LIKE],
  ['vue', BACKTICK_LIKE],
  ['svelte', BACKTICK_LIKE],
  ['astro', BACKTICK_LIKE],
  ['go', BACKTICK_LIKE],
]);

/** Here-document openers by language: shell's `<<EOF`, Ruby's `<<~EOF`, PHP's `<<<EOT`. */
const HEREDOC_OPENER = new Map<string, RegExp>([
  ['shell', /(?<!<)<<-?[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g],
  ['dockerfile', /(?<!<)<<-?[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g],
  ['ruby', /(?<!<)<<[-~]?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g],
  ['perl', /(?<!<)<<~?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g],
  ['php', /<<<[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g],
]);

/**
 * A YAML key or sequence entry whose value is a block scalar (`key: |`, `- >-`): the
 * indentation and entry markers before the key, and the key.
 */
const YAML_BLOCK_START = /^( *(?:- +)*)(?:([^\s#][^#]*?):[ \t]+)?[|>][-+1-9]{0,2}[ \t]*(?:#.*)?$/;

function countSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Returns the lines of YAML block scalars' content, which a comment would join. The content
 * runs while lines are indented deeper than the key, or than the entry without a key.
 */
function findYamlBlocks(lines: readonly string[]): LineRange[] {
  const ranges: LineRange[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const start = YAML_BLOCK_START.exec(line);
    if (start === null) continue;
    const indent = start[2] === undefined ? countSpaces(line) : (start[1]?.length ?? 0);
    let last = index;
    for (let next = index + 1; next < lines.length; next++) {
      const content = lines[next] ?? '';
      if (content.trim() === '') continue;
      if (countSpaces(content) <= indent) break;
      last = next;
    }
    if (last > index) ranges.push({ first: index + 2, last: last + 1 });
    index = last;
  }
  return ranges;
}

/** Returns true when `line` ends the here-document of `tag`: the tag, indented or not. */
function endsHeredoc(line: string, tag: string): boolean {
  const trimmed = line.trimStart();
  return trimmed.startsWith(tag) && !/[A-Za-z0-9_]/.test(trimmed.charAt(tag.length));
}

/**
 * Returns the lines of here-document bodies, from the line after the opener to the one before
 * the tag that ends it.
 */
function findHeredocs(lines: readonly string[], opener: RegExp): LineRange[] {
  const ranges: LineRange[] = [];
  for (let index = 0; index < lines.length; index++) {
    const tags = [...(lines[index] ?? '').matchAll(opener)].map((match) => match[2] ?? '');
    for (const tag of tags) {
      const first = index + 1;
      let end = first;
      while (end < lines.length && !endsHeredoc(lines[end] ?? '', tag)) end++;
      if (end > first) ranges.push({ first: first + 1, last: end });
      index = end;
    }
  }
  return ranges;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) {
    count++;
  }
  return count;
}

/** Returns the offset after the string that closes with `delimiter`, or -1 when it never does. */
function findClose(text: string, from: number, delimiter: string, lineEnds: boolean): number {
  for (let at = from; at < text.length; at++) {
    const char = text.charAt(at);
    if (char === '\\') at++;
    else if (lineEnds && char === '\n') return at;
    else if (text.startsWith(delimiter, at)) return at + delimiter.length;
  }
  return -1;
}

/**
 * Returns the lines whose end lies inside a string that spans lines, by reading the text as
 * tokens: multi-line strings, one-line strings and comments, so a quote in a comment or a
 * backtick in a one-line string opens nothing.
 */
function findMultilineStrings(text: string, syntax: QuoteSyntax): LineRange[] {
  const ranges: LineRange[] = [];
  const pattern = syntax.tokenStart;
  let line = 1;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const at = match.index;
    if (match[0] === '\n') {
      line++;
      continue;
    }
    let end: number;
    const delimiter = syntax.multiline.find((quote) => text.startsWith(quote, at));
    if (delimiter !== undefined) {
      end = findClose(text, at + delimiter.length, delimiter, false);
      const closed = end === -1 ? text.length : end;
      const lines = countNewlines(text, at, closed);
      if (lines > 0) ranges.push({ first: line, last: line + lines - (end === -1 ? 0 : 1) });
      line += lines;
    } else if (text.startsWith(syntax.lineComment, at)) {
      end = text.indexOf('\n', at);
    } else if (syntax.blockComment && text.startsWith('/*', at)) {
      end = text.indexOf('*/', at + 2);
      end = end === -1 ? -1 : end + 2;
      line += countNewlines(text, at, end === -1 ? text.length : end);
    } else if (match[0] === '/') {
      continue;
    } else {
      end = findClose(text, at + 1, match[0], true);
    }
    if (end === -1) break;
    pattern.lastIndex = end;
  }
  return ranges;
}

/** Returns the ranges of lines whose end lies inside a multi-line string of `path`'s language. */
function findStringLineRanges(path: string, text: string): LineRange[] {
  const language = detectLanguage(path);
  if (language === null) return [];
  if (language === 'yaml') return findYamlBlocks(text.split('\n'));
  const opener = HEREDOC_OPENER.get(language);
  if (opener !== undefined) return findHeredocs(text.split('\n'), opener);
  const syntax = QUOTE_SYNTAX.get(language);
  return syntax === undefined ? [] : findMultilineStrings(text, syntax);
}

/**
 * Returns a test of whether a line of `text`, the staged text of `path`, ends inside a string
 * that spans lines: a triple-quoted string, a template literal or Go raw string, a YAML block
 * scalar or a here-document. A comment added at the end of such a line would become part of
 * the string, as a `footprint-allow:` comment would corrupt a key in it.
 * NOTE: the reading is by tokens, not by a parser, so a quote inside a regular expression
 * literal or a nested template literal may shift it. Rust and C++ raw strings are not read.
 */
export function createStringLineTest(path: string, text: string): (line: number) => boolean {
  const ranges = findStringLineRanges(path, text);
  return (line) => ranges.some((range) => range.first <= line && line <= range.last);
}
