import type { Hunk } from '../footprint/types.js';
import { declaredName, headingOf } from './declarations.js';
import type { FileTexts } from './file-texts.js';
import type { LineIndex } from './line-index.js';
import type { ChangeUnit } from './units.js';

/** Lines above a hunk that are searched for the definition around it. */
const MAX_SCAN_LINES = 400;

function indentOf(line: string): number {
  let width = 0;
  for (let at = 0; at < line.length; at += 1) {
    const character = line[at];
    if (character === ' ') width += 1;
    else if (character === '\t') width += 4;
    else return width;
  }
  return Infinity;
}

function firstChangedLine(unit: ChangeUnit): string | undefined {
  return [...unit.added, ...unit.removed].find((line) => line.trim() !== '');
}

/** Returns the staged line just above a hunk: the line before the removal for a pure removal. */
function lineAbove(hunk: Hunk): number {
  return hunk.newLines === 0 ? hunk.newStart : hunk.newStart - 1;
}

/** A line that opens or closes a fenced code block of Markdown. */
const FENCE = /^ {0,3}(?:```|~~~)/;

/** Lines of each text that lie in fenced code blocks or are fences, by line number. */
const codeLinesOf = new WeakMap<LineIndex, Uint8Array>();

/** Marks the lines of a Markdown text that are fences or lie between them. */
function findCodeLines(lines: LineIndex): Uint8Array {
  const cached = codeLinesOf.get(lines);
  if (cached) return cached;

  const code = new Uint8Array(lines.count + 1);
  let open = false;
  for (let line = 1; line <= lines.count; line += 1) {
    const fence = FENCE.test(lines.line(line));
    code[line] = open || fence ? 1 : 0;
    if (fence) open = !open;
  }
  codeLinesOf.set(lines, code);
  return code;
}

/** Returns the title of the heading above `from`, skipping `# comments` in code blocks. */
function findHeadingAbove(lines: LineIndex, from: number): string | null {
  const code = findCodeLines(lines);
  for (let line = from; line >= 1 && line > from - MAX_SCAN_LINES; line -= 1) {
    if (code[line] === 1) continue;
    const heading = headingOf(lines.line(line));
    if (heading !== null) return heading;
  }
  return null;
}

/**
 * Walks up from `from` through lines indented less than the changed lines, the way blocks nest
 * in most languages, and returns the first one that declares a name. Stops at a line at the
 * left margin that declares nothing, because the change then sits at the top level, unless
 * the line closes a parameter list.
 */
function findDeclarationAbove(lines: LineIndex, from: number, indent: number): string | null {
  let limit = indent;
  let closing = '';
  for (let line = from; line >= 1 && line > from - MAX_SCAN_LINES; line -= 1) {
    const width = lines.indentWidth(line);
    if (width >= limit) continue;

    // A method opened by `run(` declares itself only with its closing `): void {` joined.
    const text = lines.line(line);
    const name = declaredName(text) ?? (closing && declaredName(text.trimEnd() + closing));
    if (name) return name;

    // `): Promise<void> {` ends parameters over several lines, so the line that opens them,
    // at the same indent, declares the name.
    closing = text.trimStart().startsWith(')') ? text.trim() : '';
    if (width === 0 && !closing) return null;
    limit = closing ? width + 1 : width;
  }
  return null;
}

/** Returns the level of a Markdown heading line (1 for `#`), or 0 for any other line. */
function headingLevelOf(line: string): number {
  if (headingOf(line) === null) return 0;
  return /^#+/.exec(line.trim())?.[0].length ?? 0;
}

/**
 * Returns the top-level heading titles of added docs lines that remove nothing and start with a
 * heading, which add whole sections, or [] for other edits. Skips `# comments` in code blocks.
 */
export function findAddedSections(added: readonly string[], removed: readonly string[]): string[] {
  const text = added.filter((line) => line.trim() !== '');
  if (removed.length > 0 || text[0] === undefined || headingOf(text[0]) === null) return [];

  const headings: Array<{ level: number; title: string }> = [];
  let fenced = false;
  for (const line of text) {
    if (FENCE.test(line)) fenced = !fenced;
    const title = fenced ? null : headingOf(line);
    if (title !== null) headings.push({ level: headingLevelOf(line), title });
  }
  const top = Math.min(...headings.map((heading) => heading.level));
  const titles = headings.filter((heading) => heading.level === top).map(({ title }) => title);
  return [...new Set(titles)];
}

/**
 * Returns the name of the function, class or other definition whose body a one-hunk unit
 * edits, or for docs the title of the section it edits. Returns null at the top level of a
 * file or when the staged text is missing.
 */
export function findEnclosingName(unit: ChangeUnit, texts: FileTexts): string | null {
  const hunk = unit.file.hunks[unit.hunks[0] ?? 0];
  const lines = texts.index(unit.path, 'new');
  if (!hunk || !lines) return null;

  const from = lineAbove(hunk);
  if (unit.concern === 'docs') return findHeadingAbove(lines, from);

  const first = firstChangedLine(unit);
  if (first === undefined) return null;
  return findDeclarationAbove(lines, from, indentOf(first));
}
