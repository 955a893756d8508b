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
  return details;
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
