import { PACKAGE_CONTAINERS } from '../footprint/package-folders.js';
import { folderOf, isWithin } from './paths.js';
import type { AnalysisContext, Link } from './relations/context.js';
import type { Mode, RelationKind } from './types.js';
import type { ChangeUnit, Concern } from './units.js';
import { evidence, modeBias, pairPrior } from './weights.js';

/** Returns the package folder of a monorepo path, such as `packages/vite`, or ''. */
function packageOf(path: string): string {
  const segments = path.split('/');
  for (let index = 0; index + 2 < segments.length; index += 1) {
    if (PACKAGE_CONTAINERS.has(segments[index] as string)) {
      return segments.slice(0, index + 2).join('/');
    }
  }
  return '';
}

/** Returns the first folder of a path, or '' for a file at the root. */
function topFolderOf(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The location of a unit's file, read once per unit. */
interface Location {
  path: string;
  folder: string;
  top: string;
  packageFolder: string;
  /** True when the change adds the file. */
  added: boolean;
  /** True when the change deletes the file. */
  deleted: boolean;
}

function locate(unit: ChangeUnit): Location {
  return {
    path: unit.path,
    folder: folderOf(unit.path),
    top: topFolderOf(unit.path),
    packageFolder: packageOf(unit.path),
    added: unit.file.status === 'added',
    deleted: unit.file.status === 'deleted',
  };
}

/** Characters two names must share at their start to be one family. */
const FAMILY_PREFIX = 4;

/**
 * Returns true when two files of one folder look like one family: the same extension and
 * names that differ only in their numbers (`case1.json`, `case12.json`) or that start alike
 * (`chart.ts`, `chart-scale.ts`).
 */
function isFamily(a: Location, b: Location): boolean {
  const [nameA, extensionA] = splitName(a.path);
  const [nameB, extensionB] = splitName(b.path);
  if (extensionA !== extensionB) return false;
  if (nameA.replace(/\d+/g, '#') === nameB.replace(/\d+/g, '#')) return true;
  const shared = Math.min(nameA.length, nameB.length, FAMILY_PREFIX);
  return shared === FAMILY_PREFIX && nameA.slice(0, shared) === nameB.slice(0, shared);
}

/** Splits a path's file name into its stem and its extension (`.json`, or '' for none). */
function splitName(path: string): [string, string] {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
}

/** Log-odds that two files are one commit from where they are and whether both are new or gone. */
function locationScore(a: Location, b: Location): number {
  let score = 0;
  if (a.added && b.added && a.path !== b.path) {
    score += pairPrior.addedFiles;
    if (a.folder === b.folder) {
      score += isFamily(a, b) ? pairPrior.addedSameFamily : pairPrior.addedSameFolder;
    }
  }
  if (a.deleted && b.deleted && a.path !== b.path) score += pairPrior.deletedFiles;
  if (a.path === b.path) score += pairPrior.sameFile;
  else if (a.folder === b.folder) score += pairPrior.sameFolder;
  else if (isWithin(a.folder, b.folder) || isWithin(b.folder, a.folder))
    score += pairPrior.nearbyFolder;
  if (a.top !== '' && a.top === b.top) score += pairPrior.sameTopFolder;
  if (a.packageFolder !== '' && a.packageFolder === b.packageFolder) score += pairPrior.samePackage;
  else if (a.packageFolder !== '' && b.packageFolder !== '') score += pairPrior.otherPackage;
  return score;
}

/** The location score of every pair of the units' paths, and the path of each unit. */
interface PathPlaces {
  count: number;
  /** Position of each unit's path in the table. */
  placeOf: Int32Array;
  /** Row-major count-by-count table of locationScore. */
  scores: Float64Array;
}

/**
 * Scores the location of each pair of distinct paths once. Units of one file share their
 * path, so the table is smaller than the units' pairs and the pair loop only reads it.
 */
function locatePaths(units: readonly ChangeUnit[]): PathPlaces {
  const placeByPath = new Map<string, number>();
  const locations: Location[] = [];
  const placeOf = new Int32Array(units.length);
  units.forEach((unit, index) => {
    let place = placeByPath.get(unit.path);
    if (place === undefined) {
      place = locations.length;
      placeByPath.set(unit.path, place);
      locations.push(locate(unit));
    }
    placeOf[index] = place;
  });

  const count = locations.length;
  const scores = new Float64Array(count * count);
  for (let a = 0; a < count; a += 1) {
    for (let b = a; b < count; b += 1) {
      const score = locationScore(locations[a] as Location, locations[b] as Location);
      scores[a * count + b] = score;
      scores[b * count + a] = score;
    }
  }
  return { count, placeOf, scores };
}

const CONCERNS: readonly Concern[] = ['code', 'test', 'docs', 'dependencies', 'setup', 'ci'];

function scoreConcerns(a: Concern, b: Concern): number {
  if (a === b) return pairPrior.sameConcern + (a === 'docs' ? pairPrior.docsAndDocs : 0);
  const pair = new Set([a, b]);
  if (pair.has('code') && pair.has('test')) return pairPrior.codeAndTest;
  if (pair.has('code') && pair.has('docs')) return pairPrior.codeAndDocs;
  if (pair.has('ci')) return pairPrior.ciAndOther;
  if (pair.has('dependencies')) return pairPrior.dependenciesAndOther;
  return 0;
}

/** Log-odds of each pair of concerns, by their positions in CONCERNS. */
function concernTable(): Float64Array {
  const table = new Float64Array(CONCERNS.length * CONCERNS.length);
  CONCERNS.forEach((a, i) =>
    CONCERNS.forEach((b, j) => (table[i * CONCERNS.length + j] = scoreConcerns(a, b))),
  );
  return table;
}

/** Kinds whose finders link each pair of units at most once, so no strongest link is looked up. */
const ONE_LINK_PER_PAIR: ReadonlySet<RelationKind> = new Set([
  'similar-text',
  'shared-identifiers',
]);

/** Score of a pair kept apart, low enough that no other tie of the two units outweighs it. */
const KEPT_APART = -4;

/**
 * Scores every pair of units with the log-odds that they belong to one commit: the prior from
 * their paths and concerns, the mode's bias, and for each kind of link between them the
 * evidence of its strongest link. Pairs in `apart` (keyed `a * count + b` with a < b) score
 * KEPT_APART instead. Returns a symmetric n-by-n matrix in one array.
 */
export function scorePairs(
  context: AnalysisContext,
  links: readonly Link[],
  mode: Mode,
  apart: ReadonlySet<number> = new Set(),
): Float64Array {
  const { units } = context;
  const count = units.length;
  const scores = new Float64Array(count * count);
  const places = locatePaths(units);
  const concerns = concernTable();
  const concernOf = units.map((unit) => CONCERNS.indexOf(unit.concern));
  const base = pairPrior.base + modeBias[mode];
  for (let a = 0; a < count; a += 1) {
    const row = (concernOf[a] ?? 0) * CONCERNS.length;
    const placeRow = (places.placeOf[a] ?? 0) * places.count;
    for (let b = a + 1; b < count; b += 1) {
      const concern = concerns[row + (concernOf[b] ?? 0)] ?? 0;
      const location = places.scores[placeRow + (places.placeOf[b] ?? 0)] ?? 0;
      const score = base + location + concern;
      scores[a * count + b] = score;
      scores[b * count + a] = score;
    }
  }

  const strongest = new Map<number, number>();
  const kindIndex = new Map(Object.keys(evidence).map((kind, index) => [kind, index]));
  const kinds = kindIndex.size;
  for (const found of links) {
    if (found.a === found.b) continue;
    const a = Math.min(found.a, found.b);
    const b = Math.max(found.a, found.b);
    let previous = 0;
    if (!ONE_LINK_PER_PAIR.has(found.kind)) {
      const key = (a * count + b) * kinds + (kindIndex.get(found.kind) ?? 0);
      previous = strongest.get(key) ?? 0;
      if (found.weight <= previous) continue;
      strongest.set(key, found.weight);
    }
    const total = (scores[a * count + b] ?? 0) + evidence[found.kind] * (found.weight - previous);
    scores[a * count + b] = total;
    scores[b * count + a] = total;
  }

  return keepApart(scores, apart);
}

/**
 * Sets the score of each pair in `apart` (keyed `a * count + b` with a < b) to KEPT_APART in
 * a symmetric n-by-n matrix, and returns the matrix.
 */
export function keepApart(scores: Float64Array, apart: ReadonlySet<number>): Float64Array {
  const count = Math.round(Math.sqrt(scores.length));
  for (const key of apart) {
    const [a, b] = [Math.floor(key / count), key % count];
    scores[a * count + b] = KEPT_APART;
    scores[b * count + a] = KEPT_APART;
  }
  return scores;
}
