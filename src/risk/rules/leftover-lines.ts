import type { FileChange, FileContent } from '../../footprint/types.js';
import { findAddedLinesWith } from '../added-lines.js';
import { createFinding } from '../finding.js';
import { matchesAnyGlob } from '../path-glob.js';
import { readStringList } from '../settings.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

/** A pattern for one kind of leftover, tried only on lines that contain its keyword. */
export interface LeftoverPattern {
  /** Languages (as the footprint names them) the pattern applies to. */
  languages: readonly string[];
  keyword: string;
  pattern: RegExp;
  /** What the line holds, for the message, e.g. "`debugger` statement". */
  label: string;
  /** When true, a match inside a string literal on its line does not count. */
  codeOnly?: boolean;
  /**
   * The line comment of the language (`//`): a match after it does not count, and neither does
   * one on a line of a block comment that starts with `*` or `/*`.
   */
  lineComment?: string;
}

/**
 * The start of a line inside or opening a block comment: ` * text`, `/* text`. A `*` needs a
 * blank or the line end after it, so a dereference such as `*total = …` is code.
 */
const BLOCK_COMMENT_LINE = /^[ \t]*(?:\*(?:[ \t]|$)|\/\*)/;

/** Returns the offset of the first `comment` opener outside a string, or -1. */
function findLineComment(line: string, comment: string): number {
  for (let at = line.indexOf(comment); at !== -1; at = line.indexOf(comment, at + 1)) {
    if (!isInsideString(line, at)) return at;
  }
  return -1;
}

/**
 * Returns true when `index` in a line of script lies inside a quoted string that opens
 * before it on the same line. Template literals spanning lines and comments are not tracked.
 */
export function isInsideString(line: string, index: number): boolean {
  let quote: string | null = null;
  for (let at = 0; at < index; at++) {
    const char = line[at];
    if (quote !== null && char === '\\') {
      at++;
    } else if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"' || char === '`') {
      quote = char;
    }
  }
  return quote !== null;
}

function matchesCode(pattern: LeftoverPattern, text: string): boolean {
  const { lineComment } = pattern;
  if (lineComment !== undefined && BLOCK_COMMENT_LINE.test(text)) return false;
  const commentAt = lineComment === undefined ? -1 : findLineComment(text, lineComment);
  const code = commentAt === -1 ? text : text.slice(0, commentAt);
  if (!pattern.codeOnly) return pattern.pattern.test(code);
  const global = new RegExp(pattern.pattern.source, `${pattern.pattern.flags.replace('g', '')}g`);
  for (const match of code.matchAll(global)) {
    if (!isInsideString(code, match.index)) return true;
  }
  return false;
}

/** Languages whose files embed JavaScript or TypeScript. */
export const SCRIPT_LANGUAGES = ['javascript', 'typescript', 'svelte', 'vue', 'astro'];

/**
 * Returns a check that flags added lines matching one of `patterns` in files of their
 * language. `applies` decides which files the rule reads (for example, tests only), and the
 * `ignorePaths` option skips globs.
 */
export function createLeftoverCheck(
  rule: Pick<RiskRule, 'id' | 'fix'>,
  patterns: readonly LeftoverPattern[],
  applies: (file: FileChange, content: FileContent) => boolean,
) {
  return (file: FileChange, content: FileContent, context: RuleContext): Finding[] => {
    const language = file.language ?? '';
    const relevant = patterns.filter((pattern) => pattern.languages.includes(language));
    if (relevant.length === 0 || !applies(file, content)) return [];
    if (matchesAnyGlob(file.path, readStringList(context.options, 'ignorePaths'))) return [];

    const findings: Finding[] = [];
    const flagged = new Set<number>();
    for (const pattern of relevant) {
      for (const added of findAddedLinesWith(file, content, pattern.keyword)) {
        if (flagged.has(added.line) || !matchesCode(pattern, added.text)) continue;
        flagged.add(added.line);
        findings.push(
          createFinding(rule, context, {
            path: file.path,
            line: added.line,
            message: `${pattern.label} left in`,
          }),
        );
      }
    }
    findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return findings;
  };
}
