import { declaredName } from './declarations.js';
import { replaceIdentifier } from './identifiers.js';
import type { AnalysisContext } from './relations/context.js';
import type { EditDetails } from './subject.js';
import { namesDefinedBy } from './unit-features.js';
import type { ChangeUnit } from './units.js';

/**
 * Describes a batch's edits for its subject, such as `update readToken in tokenizer`, or
 * `update Install in README` for docs sections.
 */
export function describeEdits(context: AnalysisContext, units: readonly ChangeUnit[]): EditDetails {
  const code = units.filter((unit) => unit.concern === 'code');
  const names = code.flatMap((unit) => {
    const features = context.features[unit.index];
    return features?.enclosing ? [features.enclosing] : namesDefinedBy(features);
  });
  const docs = units.filter((unit) => unit.concern === 'docs');
  const sections = [...docs]
    .sort((a, b) => (a.hunks[0] ?? 0) - (b.hunks[0] ?? 0))
    .flatMap((unit) => sectionsOf(context, unit));
  const spelling = units.every((unit) => context.features[unit.index]?.spelling === true);
  const details: EditDetails = {
    definitions: [...new Set(names)],
    enclosed: code.every((unit) => Boolean(context.features[unit.index]?.enclosing)),
    sections: [...new Set(sections)],
    sectioned: docs.every((unit) => sectionsOf(context, unit).length > 0),
    addsSections:
      docs.length > 0 &&
      docs.every((unit) => (context.features[unit.index]?.addedSections.length ?? 0) > 0),
    spelling,
  };
  const rename = findCommonRename(context, units);
  if (rename) details.rename = rename;
  const move = findMove(context, code);
  if (move) details.move = move;
  return details;
}

/**
 * Returns the declarations that code units move out of other files, and the one file they
 * move to. Returns null when none moves, when they go to several files, or when a unit of a
 * third file changes lines that name no moved declaration.
 */
function findMove(
  context: AnalysisContext,
  code: readonly ChangeUnit[],
): { names: string[]; to: string } | null {
  const added = new Map<string, Set<string>>();
  const removed = new Map<string, Set<string>>();
  for (const unit of code) {
    for (const name of outerDeclarations(unit.added)) addTo(added, unit.path, name);
    for (const name of outerDeclarations(unit.removed)) addTo(removed, unit.path, name);
  }

  const moves = new Map<string, { from: Set<string>; names: string[] }>();
  for (const [from, names] of removed) {
    for (const name of names) {
      // A name declared again in its own file was edited there, not moved.
      if (added.get(from)?.has(name) === true) continue;
      for (const [to, declared] of added) {
        if (to === from || !declared.has(name)) continue;
        const move = moves.get(to) ?? { from: new Set<string>(), names: [] };
        move.from.add(from);
        move.names.push(name);
        moves.set(to, move);
      }
    }
  }
  const [only, ...others] = moves;
  if (only === undefined || others.length > 0) return null;

  const [to, move] = only;
  const other = code.filter((unit) => unit.path !== to && !move.from.has(unit.path));
  const related = other.every((unit) =>
    move.names.some((name) => context.features[unit.index]?.identifiers.has(name) === true),
  );
  return related ? { to, names: move.names } : null;
}

/**
 * Returns the names that the least indented declarations among some lines declare, so the
 * locals of a moved function (`const words`) are not counted as moved.
 */
function outerDeclarations(lines: readonly string[]): string[] {
  const found: Array<{ name: string; indent: number }> = [];
  for (const line of lines) {
    const name = declaredName(line);
    if (name !== null) found.push({ name, indent: line.length - line.trimStart().length });
  }
  const outer = Math.min(...found.map((entry) => entry.indent));
  return found.filter((entry) => entry.indent === outer).map((entry) => entry.name);
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** Returns the sections a docs unit adds, or else the one it edits, or none. */
function sectionsOf(context: AnalysisContext, unit: ChangeUnit): readonly string[] {
  const features = context.features[unit.index];
  if (features === undefined) return [];
  if (features.addedSections.length > 0) return features.addedSections;
  return features.enclosing === null ? [] : [features.enclosing];
}

/**
 * Returns the units of the files that a batch edits beyond white space and spelling, which its
 * subject names. A file whose only edit is such a leftover is left out, unless every file's is.
 */
export function substantiveUnits(
  context: AnalysisContext,
  units: readonly ChangeUnit[],
): readonly ChangeUnit[] {
  const substantivePaths = new Set(
    units.filter((unit) => context.features[unit.index]?.trivial !== true).map((unit) => unit.path),
  );
  const substantive = units.filter((unit) => substantivePaths.has(unit.path));
  return substantivePaths.size === 0 || substantive.length === units.length ? units : substantive;
}

/**
 * Returns the identifier swap every unit of a batch makes, when they all rename one name and
 * change nothing else. `process.exit(0)` to `process.exitCode = 0` swaps one name but also
 * changes the call into an assignment, so it is no rename.
 */
function findCommonRename(context: AnalysisContext, units: readonly ChangeUnit[]) {
  const keys = units.map((unit) => {
    const features = context.features[unit.index];
    return features?.renames ? features.editKeys.find((key) => !/^[=+-]/.test(key)) : undefined;
  });
  const [first] = keys;
  if (first === undefined || keys.some((key) => key !== first)) return null;
  const [from, to] = first.split('>') as [string, string];
  return units.every((unit) => onlyRenames(unit, from, to)) ? { from, to } : null;
}

/**
 * Returns true when a unit's added lines, with `to` named `from` again, equal its removed lines
 * apart from white space.
 */
function onlyRenames(unit: ChangeUnit, from: string, to: string): boolean {
  const compact = (lines: readonly string[]) => lines.join('').replace(/\s+/g, '');
  const restored = unit.added.map((line) => replaceIdentifier(line, to, from));
  return compact(restored) === compact(unit.removed);
}
