import { pathToByteText } from './byte-text.js';
import { compileWildmatch, requiredLiteral } from './wildmatch.js';

/** A path as attribute patterns match it: its byte text, and that text in lower case. */
export interface AttributeSubject {
  bytes: string;
  /** The byte text with ASCII letters in lower case, for `core.ignoreCase`. */
  folded: string;
}

/** Returns the subject of a path. Byte texts have no case above ASCII, so folding is ASCII only. */
export function attributeSubject(path: string, ignoreCase: boolean): AttributeSubject {
  const bytes = pathToByteText(path);
  return { bytes, folded: ignoreCase ? bytes.toLowerCase() : bytes };
}

/**
 * One pattern of an attribute file. Its regular expression is built when a path first
 * contains the pattern's required literal. V8 compiles an expression's code on its first run,
 * so a file of thousands of patterns pays that only for the few that come near a staged path.
 */
export class AttributePattern {
  private regex: RegExp | null = null;
  private readonly literal: string;

  constructor(
    private readonly glob: string,
    /** True when the pattern contains a slash, so it matches the path below `prefix`. */
    private readonly pathname: boolean,
    private readonly prefix: string,
    private readonly ignoreCase: boolean,
  ) {
    const literal = requiredLiteral(glob, { pathname });
    this.literal = ignoreCase ? literal.toLowerCase() : literal;
  }

  matches(subject: AttributeSubject): boolean {
    const text = this.ignoreCase ? subject.folded : subject.bytes;
    if (!text.includes(this.literal)) return false;

    this.regex ??= compileWildmatch(this.glob, {
      pathname: this.pathname,
      caseFold: this.ignoreCase,
    });
    const path = subject.bytes;
    if (!this.pathname) return this.regex.test(path.slice(path.lastIndexOf('/') + 1));

    const prefix = this.prefix;
    const inFolder = this.ignoreCase
      ? path.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase()
      : path.startsWith(prefix);
    return inFolder && path.length > prefix.length && this.regex.test(path.slice(prefix.length));
  }
}

/**
 * Compiles a pattern as git's attribute lookup reads it: without a slash it matches the file
 * name at any depth, with one it matches the path relative to the attribute file's folder.
 * Returns null for patterns that never match a file: negations, which git rejects in attribute
 * files, and patterns ending in `/`, which match only folders. The pattern, and the paths the
 * returned matcher takes, are byte texts.
 */
export function compilePattern(
  pattern: string,
  folder: string,
  ignoreCase: boolean,
): AttributePattern | null {
  if (pattern.startsWith('!') || pattern.endsWith('/') || pattern === '') return null;

  if (!pattern.includes('/')) return new AttributePattern(pattern, false, '', ignoreCase);

  const anchored = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  const prefix = folder === '' ? '' : `${pathToByteText(folder)}/`;
  return new AttributePattern(anchored, true, prefix, ignoreCase);
}
