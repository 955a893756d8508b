import type { DiffSide } from './diff-side.js';
import { lineEnd, lineStart, type LineTable } from './line-table.js';

// git's indent heuristic (on by default, xdiffi.c): when a group of added or removed
// lines can slide, each position is scored by the indentation and blank lines around its two
// edges, and the lowest score wins. The weights are git's, which were fitted to a corpus of
// human-rated diffs.

const MAX_INDENT = 200;
const MAX_BLANKS = 20;
const START_OF_FILE_PENALTY = 1;
const END_OF_FILE_PENALTY = 21;
const TOTAL_BLANK_WEIGHT = -30;
const POST_BLANK_WEIGHT = 6;
const RELATIVE_INDENT_PENALTY = -4;
const RELATIVE_INDENT_WITH_BLANK_PENALTY = 10;
const RELATIVE_OUTDENT_PENALTY = 24;
const RELATIVE_OUTDENT_WITH_BLANK_PENALTY = 17;
const RELATIVE_DEDENT_PENALTY = 23;
const RELATIVE_DEDENT_WITH_BLANK_PENALTY = 17;
const INDENT_WEIGHT = 60;

/** How far up from its lowest position a group is tried at most. */
export const MAX_SLIDING = 100;

export interface SplitScore {
  /** Sum of the indents at both edges; smaller is preferred. */
  effectiveIndent: number;
  /** Penalty from blank lines and indentation changes; smaller is preferred. */
  penalty: number;
}

/** Measurements around a split between line `split - 1` and line `split`. */
interface SplitMeasurement {
  endOfFile: boolean;
  /** Indent of the line after the split, -1 when it is blank. */
  indent: number;
  preBlank: number;
  /** Indent of the nearest non-blank line before the split, -1 when there is none. */
  preIndent: number;
  postBlank: number;
  /** Indent of the nearest non-blank line after the line after the split, -1 when none. */
  postIndent: number;
}

/** Scores a group of `groupSize` changed lines that would end right before line `end`. */
export function scoreGroupPosition(side: DiffSide, end: number, groupSize: number): SplitScore {
  const score: SplitScore = { effectiveIndent: 0, penalty: 0 };
  addSplitScore(measureSplit(side.table, end), score);
  addSplitScore(measureSplit(side.table, end - groupSize), score);
  return score;
}

/** Compares two scores: negative when `a` is better, 0 when equal, positive when worse. */
export function compareScores(a: SplitScore, b: SplitScore): number {
  const indents = Math.sign(a.effectiveIndent - b.effectiveIndent);
  return INDENT_WEIGHT * indents + (a.penalty - b.penalty);
}

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Returns a line's indent with tabs to multiples of 8, or -1 when it is only whitespace.
 * Whitespace is space, tab, `\n` and `\r`, as in git's own ctype table, which leaves out
 * `\v` and `\f`.
 */
export function measureIndent(table: LineTable, line: number): number {
  const end = lineEnd(table, line);
  let indent = 0;
  for (let offset = lineStart(table, line); offset < end; offset++) {
    const byte = table.content[offset];
    if (byte === SPACE) indent += 1;
    else if (byte === TAB) indent += 8 - (indent % 8);
    else if (byte !== NEWLINE && byte !== CARRIAGE_RETURN) return indent;
    if (indent >= MAX_INDENT) return MAX_INDENT;
  }
  return -1;
}

function measureSplit(table: LineTable, split: number): SplitMeasurement {
  const endOfFile = split >= table.count;
  const measurement: SplitMeasurement = {
    endOfFile,
    indent: endOfFile ? -1 : measureIndent(table, split),
    preBlank: 0,
    preIndent: -1,
    postBlank: 0,
    postIndent: -1,
  };

  for (let i = split - 1; i >= 0; i--) {
    measurement.preIndent = measureIndent(table, i);
    if (measurement.preIndent !== -1) break;
    measurement.preBlank += 1;
    if (measurement.preBlank === MAX_BLANKS) {
      measurement.preIndent = 0;
      break;
    }
  }

  for (let i = split + 1; i < table.count; i++) {
    measurement.postIndent = measureIndent(table, i);
    if (measurement.postIndent !== -1) break;
    measurement.postBlank += 1;
    if (measurement.postBlank === MAX_BLANKS) {
      measurement.postIndent = 0;
      break;
    }
  }

  return measurement;
}

function addSplitScore(m: SplitMeasurement, score: SplitScore): void {
  if (m.preIndent === -1 && m.preBlank === 0) score.penalty += START_OF_FILE_PENALTY;
  if (m.endOfFile) score.penalty += END_OF_FILE_PENALTY;

  // Blank lines after the split include the line right after it.
  const postBlank = m.indent === -1 ? 1 + m.postBlank : 0;
  const totalBlank = m.preBlank + postBlank;
  score.penalty += TOTAL_BLANK_WEIGHT * totalBlank;
  score.penalty += POST_BLANK_WEIGHT * postBlank;

  const indent = m.indent !== -1 ? m.indent : m.postIndent;
  const anyBlanks = totalBlank !== 0;
  score.effectiveIndent += indent;

  if (indent === -1 || m.preIndent === -1 || indent === m.preIndent) return;
  if (indent > m.preIndent) {
    score.penalty += anyBlanks ? RELATIVE_INDENT_WITH_BLANK_PENALTY : RELATIVE_INDENT_PENALTY;
  } else if (m.postIndent !== -1 && m.postIndent > indent) {
    // A line indented less than the one before and more than the one after likely opens a block.
    score.penalty += anyBlanks ? RELATIVE_OUTDENT_WITH_BLANK_PENALTY : RELATIVE_OUTDENT_PENALTY;
  } else {
    score.penalty += anyBlanks ? RELATIVE_DEDENT_WITH_BLANK_PENALTY : RELATIVE_DEDENT_PENALTY;
  }
}
