import type { Random } from './random.js';
import type { FileKind } from './tree-layout.js';
import { WORDS } from './vocabulary.js';

/** Lines between two edits, so that git's 3 lines of context never merge them into one hunk. */
const MIN_EDIT_DISTANCE = 8;

/** Vocabulary words that are also JavaScript keywords, so renaming them would break the syntax. */
const KEYWORDS = new Set(['default', 'export', 'import']);
const RENAMEABLE_WORDS = WORDS.filter((word) => !KEYWORDS.has(word));
const RENAMEABLE = new Set(RENAMEABLE_WORDS);

/**
 * Makes 1 to `maxEdits` small edits at separate places of `text`, the way a developer touches a
 * file: a word renamed in a line, or a comment or sentence inserted. Each edit becomes its own
 * hunk. JSON files only get word renames, which keep them valid JSON.
 */
export function editText(text: string, kind: FileKind, random: Random, maxEdits = 3): string {
  const lines = text.split('\n');
  const fitting = Math.max(1, Math.floor(lines.length / (2 * MIN_EDIT_DISTANCE)));
  const editCount = Math.min(random.integer(1, maxEdits), fitting);
  const segment = Math.floor(lines.length / editCount);

  // Segments are edited bottom-up, so an inserted line never shifts a later edit's position.
  for (let index = editCount - 1; index >= 0; index--) {
    const start = index * segment;
    const end = Math.max(start, start + segment - 1);
    const margin = Math.min(3, Math.floor((end - start) / 2));
    editLine(lines, random.integer(start + margin, end - margin), kind, random);
  }
  return lines.join('\n');
}

function editLine(lines: string[], lineIndex: number, kind: FileKind, random: Random): void {
  const line = lines[lineIndex] ?? '';
  const renamed = renameWord(line, random);
  if (kind === 'json' || (renamed !== null && random.next() < 0.5)) {
    lines[lineIndex] = renamed ?? `${line} `;
    return;
  }

  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const words = [random.pick(WORDS), random.pick(WORDS), random.pick(WORDS)].join(' ');
  const inserted =
    kind === 'markdown' ? `Note that the ${words} changed.` : `${indent}// NOTE: ${words}`;
  lines.splice(lineIndex, 0, inserted);
}

/**
 * Replaces one vocabulary word of the line with another. Returns null when the line has none,
 * and for an import line, because its specifier must keep naming a file that exists.
 */
function renameWord(line: string, random: Random): string | null {
  if (/^\s*import\b/.test(line)) return null;

  const matches = [...line.matchAll(/\b[a-z]+\b/g)].filter((match) => RENAMEABLE.has(match[0]));
  if (matches.length === 0) return null;

  const match = random.pick(matches);
  const position = match.index;
  let replacement = random.pick(RENAMEABLE_WORDS);
  if (replacement === match[0]) replacement = `${replacement}s`;
  return line.slice(0, position) + replacement + line.slice(position + match[0].length);
}
