import { declaredNames } from './declarations.js';
import {
  findTokenSwap,
  isCommentOnly,
  isSpellingFix,
  isWhitespaceOnly,
  type TokenSwap,
} from './edit-shape.js';
import { findAddedSections, findEnclosingName } from './enclosing.js';
import type { FileTexts } from './file-texts.js';
import { MAX_UNIT_LINES, identifiersOf, specificityOf } from './identifiers.js';
import type { ChangeUnit } from './units.js';

/** Facts about one unit's changed lines, which relation finders read. */
export interface UnitFeatures {
  /** Identifiers of added and removed lines, common words left out. */
  identifiers: Set<string>;
  addedIdentifiers: Set<string>;
  removedIdentifiers: Set<string>;
  /** Names declared on added lines, and on removed lines. */
  addedDeclarations: string[];
  removedDeclarations: string[];
  /** The function, class or docs section whose body the unit edits, or null. */
  enclosing: string | null;
  /** Titles of the docs sections a one-hunk edit adds whole (findAddedSections), or []. */
  addedSections: string[];
  /**
   * Keys that hunks making the same small edit share: the same lines replaced by the same
   * lines, or the same identifiers swapped (`total>sum`).
   */
  editKeys: string[];
  /** True when the edit key swaps one identifier for another: a rename. */
  renames: boolean;
  /** True for a change too small to stand alone: white space or a spelling fix in prose. */
  trivial: boolean;
  /** True when the unit fixes the spelling of one word in prose (docs or a comment). */
  spelling: boolean;
  /** True when every changed line is a comment. */
  commentOnly: boolean;
}

/** Short added or removed text that, repeated in several hunks, makes them one edit. */
const MAX_REPEATED_LINES = 3;

function hasSpecificWord(words: readonly string[]): boolean {
  return words.some((word) => specificityOf(word) >= 0.45);
}

function swapKey(swap: TokenSwap | null): string | null {
  if (swap === null || !hasSpecificWord([...swap.removed, ...swap.added])) return null;
  return `${swap.removed.join(',')}>${swap.added.join(',')}`;
}

/** Shortest replaced text, without white space, that makes an exact repeated edit specific. */
const MIN_REPEATED_TEXT = 6;

/** Returns a key for the same few lines replaced by the same few lines in several places. */
function replacedTextKey(unit: ChangeUnit): string | null {
  if (unit.added.length === 0 || unit.removed.length === 0) return null;
  if (unit.added.length > MAX_REPEATED_LINES || unit.removed.length > MAX_REPEATED_LINES)
    return null;
  const before = unit.removed.map((line) => line.trim()).join('\n');
  const after = unit.added.map((line) => line.trim()).join('\n');
  if (before.replace(/\W/g, '').length + after.replace(/\W/g, '').length < MIN_REPEATED_TEXT)
    return null;
  return `=${before}\n>${after}`;
}

/** Returns a key for lines added or removed alone, so that the same line in many files matches. */
function repeatedTextKey(unit: ChangeUnit, identifiers: Set<string>): string | null {
  const [side, lines] = unit.removed.length === 0 ? ['+', unit.added] : ['-', unit.removed];
  if (unit.added.length > 0 && unit.removed.length > 0) return null;
  if (lines.length === 0 || lines.length > MAX_REPEATED_LINES) return null;
  if (!hasSpecificWord([...identifiers])) return null;
  return side + lines.map((line) => line.trim()).join('\n');
}

function isProseSpellingFix(unit: ChangeUnit, swap: TokenSwap | null, commentOnly: boolean) {
  const prose = commentOnly || unit.concern === 'docs';
  return prose && unit.added.length === 1 && isSpellingFix(swap);
}

/** Object id of the empty blob, which many unrelated new files share (`.gitkeep`). */
const EMPTY_BLOB_OIDS: ReadonlySet<string> = new Set([
  'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391',
  '473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813',
]);

/** Returns a key that new files with the same content share: a template added in many places. */
function newContentKey(unit: ChangeUnit): string | null {
  const { file } = unit;
  if (file.status !== 'added' || file.newOid === null || EMPTY_BLOB_OIDS.has(file.newOid)) {
    return null;
  }
  return `=new ${file.newOid}`;
}

function editKeysOf(unit: ChangeUnit, swapped: string | null, identifiers: Set<string>) {
  const newContent = newContentKey(unit);
  if (newContent !== null) return [newContent];
  if (!editsOneHunk(unit)) return swapped === null ? [] : [swapped];
  const keys = [swapped, replacedTextKey(unit), repeatedTextKey(unit, identifiers)];
  return keys.filter((key): key is string => key !== null);
}

/** Returns true for text hunks that change only white space. */
function isBlankEdit(unit: ChangeUnit): boolean {
  if (unit.added.length + unit.removed.length === 0) return false;
  return isWhitespaceOnly(unit.added, unit.removed);
}

/** Returns true when a unit is one hunk of a file that existed before. */
function editsOneHunk(unit: ChangeUnit): boolean {
  return unit.hunks.length === 1 && unit.file.status === 'modified';
}

function addedSectionsOf(unit: ChangeUnit): string[] {
  if (unit.concern !== 'docs' || !editsOneHunk(unit)) return [];
  return findAddedSections(unit.added, unit.removed);
}

/** Reads the features of one unit from its changed lines and its file's staged text. */
export function describeUnit(unit: ChangeUnit, texts: FileTexts): UnitFeatures {
  const addedIdentifiers = identifiersOf(unit.added);
  const removedIdentifiers = identifiersOf(unit.removed);
  const identifiers = new Set([...addedIdentifiers, ...removedIdentifiers]);
  const swap = findTokenSwap(unit.added, unit.removed);
  const commentOnly = isCommentOnly([...unit.added, ...unit.removed]);
  const swapped = swapKey(swap);
  const spelling = isProseSpellingFix(unit, swap, commentOnly);

  return {
    identifiers,
    addedIdentifiers,
    removedIdentifiers,
    addedDeclarations: declaredNames(unit.added, MAX_UNIT_LINES),
    removedDeclarations: declaredNames(unit.removed, MAX_UNIT_LINES),
    enclosing: editsOneHunk(unit) ? findEnclosingName(unit, texts) : null,
    addedSections: addedSectionsOf(unit),
    editKeys: editKeysOf(unit, swapped, identifiers),
    renames: swapped !== null && swap?.removed.length === 1 && swap.added.length === 1,
    trivial: spelling || isBlankEdit(unit),
    spelling,
    commentOnly,
  };
}

/** Returns the names a unit declares, removes or edits the body of. */
export function namesDefinedBy(features: UnitFeatures | undefined): string[] {
  if (!features) return [];
  const names = [...features.addedDeclarations, ...features.removedDeclarations];
  if (features.enclosing !== null) names.push(features.enclosing);
  return names;
}
