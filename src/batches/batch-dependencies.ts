import type { FileContent, Footprint, Hunk } from '../footprint/types.js';
import { hunkKey } from '../footprint/hunk-key.js';
import { buildAnalysisContext } from './build-context.js';
import { comparePaths } from './paths.js';
import { findRequirements, type Requirement } from './requirements.js';
import type { ChangeUnit } from './units.js';

/** A batch that needs another: it uses what the other adds, or removes what the other still uses. */
export interface BatchDependency {
  /** Id of the batch that must come later. */
  batch: string;
  /** Id of the batch it needs first. */
  on: string;
  /** The path of the needing edit, in `batch`. */
  path: string;
  /** The path of the needed edit, in `on`. */
  onPath: string;
  /** What `batch` needs: a path it imports, or a name it uses or removes. */
  subject: string;
  removes: boolean;
}

/** The parts of a batch that dependency checks read, as strategies and analyses both have them. */
export interface BatchLike {
  id: string;
  changes: ReadonlyArray<{ path: string; hunks?: readonly Hunk[] }>;
}

interface UnitFacts {
  units: readonly ChangeUnit[];
  requirements: readonly Requirement[];
}

/** Facts of the last analyses, keyed by their content map, so validating an analysis's own strategy does not redo them. */
const remembered = new WeakMap<ReadonlyMap<string, FileContent>, UnitFacts>();

/** Keeps an analysis's units and certain requirements for a later check of the same input. */
export function rememberRequirements(
  content: ReadonlyMap<string, FileContent>,
  facts: UnitFacts,
): void {
  remembered.set(content, facts);
}

/** A footprint and its content, as analysis and validation both have them. */
export interface DependencyInput {
  footprint: Footprint;
  content: ReadonlyMap<string, FileContent>;
}

function readFacts(input: DependencyInput): UnitFacts {
  const cached = remembered.get(input.content);
  if (cached) return cached;
  const files = [...input.footprint.files].sort((a, b) => comparePaths(a.path, b.path));
  const context = buildAnalysisContext(files, input.content, undefined);
  const facts = { units: context.units, requirements: findRequirements(context) };
  remembered.set(input.content, facts);
  return facts;
}

/** Returns, for each `path\0hunk` and each `path` of a file without hunks, the batches taking it. */
function mapTakers(batches: readonly BatchLike[]): Map<string, string[]> {
  const takers = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    const list = takers.get(key);
    if (!list) takers.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const batch of batches) {
    for (const change of batch.changes) {
      if (change.hunks === undefined) add(change.path, batch.id);
      else for (const hunk of change.hunks) add(`${change.path}\0${hunkKey(hunk)}`, batch.id);
    }
  }
  return takers;
}

/** Returns the batches that take any part of a unit. */
function batchesOf(unit: ChangeUnit, takers: ReadonlyMap<string, string[]>): string[] {
  const ids = new Set(takers.get(unit.path) ?? []);
  for (const index of unit.hunks) {
    const hunk = unit.file.hunks[index];
    if (!hunk) continue;
    for (const id of takers.get(`${unit.path}\0${hunkKey(hunk)}`) ?? []) ids.add(id);
  }
  return [...ids];
}

/**
 * Finds which batches need which others, from facts the syntax proves: an import of a file or
 * export the change adds, a use of a name new to its file, the removal of a name or file that
 * other edits still use. Each dependency names the two batches, the paths and the subject.
 * Guessed needs (a name that only matches across files) are left out, so a strategy a person
 * edits is never rejected on a guess.
 */
export function findBatchDependencies(
  batches: readonly BatchLike[],
  input: DependencyInput,
): BatchDependency[] {
  // One batch cannot need another, so the units and requirements need not be read.
  if (batches.length < 2) return [];

  const { units, requirements } = readFacts(input);
  const takers = mapTakers(batches);
  const found = new Map<string, BatchDependency>();

  for (const requirement of requirements) {
    if (!requirement.certain) continue;
    const from = units[requirement.from] as ChangeUnit;
    const to = units[requirement.to] as ChangeUnit;
    for (const batch of batchesOf(from, takers)) {
      for (const on of batchesOf(to, takers)) {
        if (batch === on) continue;
        const { subject, removes } = requirement;
        const dependency = { batch, on, path: from.path, onPath: to.path, subject, removes };
        found.set(`${batch}\0${on}\0${subject}\0${from.path}\0${to.path}`, dependency);
      }
    }
  }
  return [...found.values()];
}
