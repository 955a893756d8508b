import type { AnalysisContext } from './relations/context.js';
import type { EditDetails } from './subject.js';
import { namesDefinedBy } from './unit-features.js';
import type { ChangeUnit } from './units.js';

/**
 * Describes a batch's edits for its subject, such as `update readToken in tokenizer`, or
 * `update Install in README` for docs sections.
 */
export function describeEdits(context: AnalysisContext, units: readonly ChangeUnit[]): EditDetails {
  const names = units
    .filter((unit) => unit.concern === 'code')
    .flatMap((unit) => {
      const features = context.features[unit.index];
      return features?.enclosing ? [features.enclosing] : namesDefinedBy(features);
    });
  const sections = units
    .filter((unit) => unit.concern === 'docs')
    .sort((a, b) => (a.hunks[0] ?? 0) - (b.hunks[0] ?? 0))
    .flatMap((unit) => context.features[unit.index]?.enclosing ?? []);
  const spelling = units.every((unit) => context.features[unit.index]?.spelling === true);
  const details: EditDetails = {
    definitions: [...new Set(names)],
    sections: [...new Set(sections)],
    spelling,
  };
  const rename = findCommonRename(context, units);
  if (rename) details.rename = rename;
  return details;
}

/** Returns the identifier swap every unit of a batch makes, when they all rename one name. */
function findCommonRename(context: AnalysisContext, units: readonly ChangeUnit[]) {
  const keys = units.map((unit) => {
    const features = context.features[unit.index];
    return features?.renames ? features.editKeys.find((key) => !/^[=+-]/.test(key)) : undefined;
  });
  const [first] = keys;
  if (first === undefined || keys.some((key) => key !== first)) return null;
  const [from, to] = first.split('>') as [string, string];
  return { from, to };
}
