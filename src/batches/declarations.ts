import { AsciiFirstPattern, fitsAsciiPattern } from './ascii-pattern.js';

/**
 * Declaration patterns of common languages, tried in order on one line. Each captures the
 * declared name in group 1. They are line patterns, not a parser, so they also work for
 * languages footprint has no parser for, and they miss declarations split over lines.
 */
const DECLARATION_PATTERNS: readonly AsciiFirstPattern[] = [
  // JavaScript, TypeScript: function, class, variable, type, enum, namespace.
  String.raw`^(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|interface|type|enum|namespace|const|let|var)\s+([\p{L}_$][\p{L}\p{N}_$]*)`,
  // Python, Ruby, Kotlin, Swift, Scala, Elixir, Rust, Go, Zig, shell `function`.
  String.raw`^(?:pub(?:\([^)]{0,40}\))?\s+)?(?:async\s+|unsafe\s+|inline\s+|static\s+|private\s+|public\s+|override\s+)*(?:def|defp|fn|fun|func|function|class|struct|enum|trait|module|mod|interface|protocol|object|type|typealias|macro_rules!)\s+(?:\([^)]{0,80}\)\s*)?([\p{L}_][\p{L}\p{N}_]*)`,
  // Methods and object members: `name(args) {`, `async name(`, `get name(`, `name = (`, `name: (`.
  String.raw`^(?:(?:public|private|protected|static|readonly|async|get|set|override)\s+)*\*?([\p{L}_$][\p{L}\p{N}_$]*)\s*(?:\([^)]{0,200}\)\s*(?::[^={]{0,80})?\{|[:=]\s*(?:async\s*)?(?:function\b|\([^)]{0,200}\)\s*=>|[\p{L}_$][\p{L}\p{N}_$]*\s*=>))`,
  // C, C++, Java, C#: `type name(args) {` on one line.
  String.raw`^(?:[\p{L}_][\p{L}\p{N}_<>,:*&\s]{0,80}\s)\**([\p{L}_][\p{L}\p{N}_]*)\s*\([^;]{0,200}\)\s*(?:const\s*)?\{?\s*$`,
  // Shell functions: `name() {`.
  String.raw`^([\p{L}_][\p{L}\p{N}_-]*)\s*\(\)\s*\{`,
].map((source) => new AsciiFirstPattern(source, 'u'));

/** Words the member pattern would take for a name, which are statements instead. */
const STATEMENT_WORDS = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'return',
  'function',
  'else',
  'do',
  'with',
  'elif',
  'until',
  'foreach',
  'new',
  'await',
  'typeof',
  'sizeof',
]);

/**
 * Words that start a statement and never a declaration. After one of them a call such as
 * `return parse(text)` in a language without semicolons would fit the C pattern.
 */
const STATEMENT_STARTS = new Set([
  'return',
  'yield',
  'raise',
  'throw',
  'await',
  'assert',
  'if',
  'elif',
  'else',
  'unless',
  'for',
  'while',
  'until',
  'not',
  'go',
  'defer',
  'print',
  'puts',
  'echo',
  'del',
  'delete',
  'new',
]);

/** Characters of a line the patterns read; a declaration's name comes early. */
const MAX_LINE_LENGTH = 300;

/**
 * Returns false when no pattern can match a text that starts with this character. Each pattern
 * starts with a letter, `_`, `$` or `*`, so an ASCII character outside those, such as `}`, `/`
 * or a digit, rules out all of them. Characters outside ASCII are left to the patterns.
 */
function mayStartDeclaration(code: number): boolean {
  if (code >= 0x80) return true;
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || code === 0x5f || code === 0x24 || code === 0x2a;
}

/** Returns the name a line declares, or null. */
export function declaredName(line: string): string | null {
  const text = line.trimStart().slice(0, MAX_LINE_LENGTH);
  if (text === '' || !mayStartDeclaration(text.charCodeAt(0))) return null;
  const firstWord = /^[\p{L}_$][\p{L}\p{N}_$]*/u.exec(text)?.[0] ?? '';
  if (STATEMENT_STARTS.has(firstWord)) return null;
  const ascii = fitsAsciiPattern(text);
  for (const pattern of DECLARATION_PATTERNS) {
    const name = (ascii ? pattern.ascii : pattern.full).exec(text)?.[1];
    if (name !== undefined && !STATEMENT_WORDS.has(name)) return name;
  }
  return null;
}

/** Returns the names some lines declare, in order of first appearance. */
export function declaredNames(lines: readonly string[], limit = lines.length): string[] {
  const names = new Set<string>();
  const count = Math.min(lines.length, limit);
  for (let index = 0; index < count; index += 1) {
    const name = declaredName(lines[index] as string);
    if (name !== null) names.add(name);
  }
  return [...names];
}

/** Returns the title of a Markdown or reStructuredText heading line, or null. */
export function headingOf(line: string): string | null {
  const match = /^#{1,6}\s+(.{1,120})$/.exec(line.trim());
  return match?.[1]?.trim() ?? null;
}
