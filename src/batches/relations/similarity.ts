import { specificityOf } from '../identifiers.js';
import { weights } from '../weights.js';
import { link, type AnalysisContext, type Link } from './context.js';

/**
 * Links hunks that make the same small edit. That is the same identifier swapped for another
 * (a rename across files), the same lines replaced by the same lines (a version bump in many
 * manifests), or the same few lines added or removed in several places.
 */
export function findSimilarEditLinks(context: AnalysisContext): Link[] {
  const holders = new Map<string, number[]>();
  for (const unit of context.units) {
    for (const key of context.features[unit.index]?.editKeys ?? []) {
      const units = holders.get(key);
      if (units === undefined) holders.set(key, [unit.index]);
      else units.push(unit.index);
    }
  }

  const links: Link[] = [];
  for (const [key, units] of holders) {
    const renames = !/^[=+-]/.test(key) && context.features[units[0] ?? 0]?.renames === true;
    const [kind, weight] = renames
      ? (['rename', weights.rename] as const)
      : (['similar-edit', weights.similarEdit] as const);
    links.push(...linkGroup(kind, units, weight));
    if (renames) links.push(...linkMixedRenames(context, key, units));
  }
  return links;
}

/**
 * Links to a rename the hunks that make it along with other edits, such as a call renamed on a
 * line that a fix also changes. Their rename key misses them. Yet the rename's commit would
 * still use the old name there, and the hunk alone would use a name not yet defined. A hunk
 * takes part when it removes the old name, adds the new one, and its file keeps no use of the
 * old name.
 */
function linkMixedRenames(context: AnalysisContext, key: string, group: readonly number[]): Link[] {
  const [from, to] = key.split('>');
  if (from === undefined || to === undefined || from.includes(',') || to.includes(',')) return [];
  const first = group[0];
  if (first === undefined) return [];

  const members = new Set(group);
  const links: Link[] = [];
  for (const unit of context.units) {
    if (members.has(unit.index)) continue;
    const features = context.features[unit.index];
    if (!features?.removedIdentifiers.has(from) || !features.addedIdentifiers.has(to)) continue;
    if (context.texts.text(unit.path, 'new')?.includes(from) !== false) continue;
    links.push(link('rename', unit.index, first, weights.rename));
  }
  return links;
}

/**
 * Units of one edit past which only the first is linked to the others, not every pair. So
 * many hunks making the same edit are one mass edit (a license header, a changed import in
 * every file), and their links bind them with weights.massEdit.
 */
const MAX_CLIQUE = 24;

/**
 * Links every pair of a small group, so that pair scores see the group as a whole, and each
 * member of a large group to its first member only, with the binding weight of a mass edit.
 * Average-linkage joining would take a large star apart: each member has one link to the
 * first member and none to the rest.
 */
function linkGroup(kind: 'rename' | 'similar-edit', units: readonly number[], weight: number) {
  const links: Link[] = [];
  const [first, ...rest] = units;
  if (first === undefined) return links;
  if (units.length > MAX_CLIQUE) {
    for (const unit of rest)
      links.push(link(kind, unit, first, Math.max(weight, weights.massEdit)));
    return links;
  }
  units.forEach((a, index) => {
    for (const b of units.slice(index + 1)) links.push(link(kind, a, b, weight));
  });
  return links;
}

/** Share of units past which an identifier is too common to tie two of them. */
const MAX_SHARE = 0.5;

/**
 * Units past which an identifier ties none of them. Its pairs grow with the square of its
 * units, while each pair gets only 2/units of its specificity, so past this the work grows
 * and the weight vanishes.
 */
const MAX_HOLDERS = 48;

/**
 * Returns true when no changed file's HEAD text contains `name`: the change introduces it, so
 * the units that share it most likely come from one commit however many they are. A unit that
 * removes the name shows it in HEAD without reading any text.
 */
function isNewIdentifier(
  context: AnalysisContext,
  name: string,
  units: readonly number[],
): boolean {
  for (const unit of units) {
    if (context.features[unit]?.removedIdentifiers.has(name) === true) return false;
  }
  for (const file of context.files) {
    if (context.texts.text(file.path, 'old')?.includes(name) === true) return false;
  }
  return true;
}

/**
 * Returns true when a file of one of `units` imports `name` from a package that none of the
 * other units' files can be. An example is a registry hook that a new local file also defines.
 */
function isImportedFromPackage(
  context: AnalysisContext,
  name: string,
  units: readonly number[],
): boolean {
  const paths = [...new Set(units.map((unit) => context.units[unit]?.path ?? ''))];
  return paths.some((path) =>
    paths.every(
      (other) => other === path || context.modules.importsFromElsewhere(path, name, other),
    ),
  );
}

/**
 * Links units whose changed lines share rare identifiers. Each shared identifier adds its
 * specificity, divided among the units that have it. The sum maps to a weight below
 * `weights.sharedIdentifiers` that grows quickly for the first few names. A pair that shares a
 * compound or long name new to the change gets `weights.introducedIdentifier` more, unless a
 * file imports that name from a package. On the untangling benchmark, such pairs were one
 * commit far more often than pairs that share only older names.
 */
export function findSharedIdentifierLinks(context: AnalysisContext): Link[] {
  const maxUnits = Math.min(MAX_HOLDERS, Math.max(3, Math.ceil(context.units.length * MAX_SHARE)));
  const scores = new Map<number, number>();
  const introduced = new Set<number>();
  const count = context.units.length;

  for (const [name, units] of context.unitsByIdentifier) {
    if (units.length < 2 || units.length > MAX_HOLDERS) continue;
    const specificity = specificityOf(name);
    const common = units.length > maxUnits;
    const isNew = (common || specificity >= 1) && isNewIdentifier(context, name, units);
    if (common && !isNew) continue;
    const share = common ? specificity : (specificity * 2) / units.length;
    const boosts = isNew && specificity >= 1 && !isImportedFromPackage(context, name, units);
    for (let i = 0; i < units.length; i += 1) {
      for (let j = i + 1; j < units.length; j += 1) {
        const key = (units[i] as number) * count + (units[j] as number);
        scores.set(key, (scores.get(key) ?? 0) + share);
        if (boosts) introduced.add(key);
      }
    }
  }

  const links: Link[] = [];
  for (const [key, score] of scores) {
    let weight = weights.sharedIdentifiers * (1 - Math.exp(-score));
    if (introduced.has(key)) weight = Math.min(1, weight + weights.introducedIdentifier);
    links.push(link('shared-identifiers', Math.floor(key / count), key % count, weight));
  }
  return links;
}
