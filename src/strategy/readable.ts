import {
  isChange,
  isNullableString,
  isObject,
  type ShapeBatch,
  type ShapeChange,
  type StrategyShape,
} from './shape.js';
import type { StrategyProblem } from './types.js';

/** The parts of a strategy that the checks after the schema read. */
export interface CheckedParts {
  /** The batches the checks read, in document order, with the strategy's head and tree. */
  strategy: StrategyShape;
  /** False when `head` or `stagedTree` cannot be read, so staleness is not checked. */
  bound: boolean;
  /** Id of every batch of the document in order, null for a batch without a readable id. */
  ids: ReadonlyArray<string | null>;
  /** Index in `ids` of each batch of `strategy.batches`. */
  positions: readonly number[];
  /**
   * Changes that the checks leave out but count as taken, so the hunks they name are not
   * reported missing: those of unreadable batches, and entries that do not parse or have a
   * schema error.
   */
  unchecked: readonly ShapeChange[];
  /** Indexes in `ids` of the batches left out of the checks. */
  leftOut: readonly number[];
}

/** A problem code of the checks, and the batch field whose schema error already reports it. */
const RESTATED_FIELDS: Readonly<Record<string, string>> = {
  'empty-batch': 'changes',
  'empty-message': 'message',
  'unknown-dependency': 'dependsOn',
};

/** Returns all of a well-formed strategy as the parts the checks read. */
export function wholeStrategy(strategy: StrategyShape): CheckedParts {
  return {
    strategy,
    bound: true,
    ids: strategy.batches.map((batch) => batch.id),
    positions: strategy.batches.map((_, index) => index),
    unchecked: [],
    leftOut: [],
  };
}

/** Returns the JSON pointer that starts a formatted schema error, such as `/batches/0/type`. */
function errorPointer(error: string): string {
  return error.slice(0, error.indexOf(': '));
}

/** Returns true when `pointer` is `base` or a pointer inside it. */
function isWithin(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(`${base}/`);
}

/** Returns true when `head` and `stagedTree` can be read and have no schema error. */
function isBound(document: Record<string, unknown>, pointers: readonly string[]): boolean {
  if (!isNullableString(document['head']) || !isNullableString(document['stagedTree'])) {
    return false;
  }
  return !pointers.some((pointer) => pointer === '/head' || pointer === '/stagedTree');
}

/**
 * Returns the batch at `index` as the checks read it, or null when its id, message, changes
 * or dependsOn cannot be read. A missing `dependsOn`, often left out of a batch typed by hand,
 * reads as []. The entries of its `changes` that do not parse, or have a schema error, are
 * left out of the batch and returned in `unchecked`.
 */
function readBatch(typed: unknown, index: number, pointers: readonly string[]) {
  const unchecked = readUncheckedChanges(typed);
  if (!isObject(typed)) return { batch: null, unchecked };
  const { id, message, changes } = typed;
  const dependsOn = typed['dependsOn'] ?? [];
  if (typeof id !== 'string' || typeof message !== 'string' || !Array.isArray(changes)) {
    return { batch: null, unchecked };
  }
  if (!Array.isArray(dependsOn) || !dependsOn.every((other) => typeof other === 'string')) {
    return { batch: null, unchecked };
  }

  const flawed = (entry: unknown, at: number): boolean =>
    !isChange(entry) ||
    pointers.some((pointer) => isWithin(pointer, `/batches/${index}/changes/${at}`));
  const batch: ShapeBatch = {
    ...typed,
    id,
    message,
    dependsOn,
    changes: changes.filter((entry, at) => !flawed(entry, at)) as ShapeChange[],
  };
  return { batch, unchecked: readUncheckedChanges({ changes: changes.filter(flawed) }) };
}

/**
 * Reads the parts of a document with schema errors that the other checks can still use (see
 * readBatch). A batch that cannot be read is left out, and the changes that the checks leave
 * out count as taken (see CheckedParts). Returns null when `batches` is not a list.
 */
export function readCheckedParts(
  document: unknown,
  schemaErrors: readonly string[],
): CheckedParts | null {
  if (!isObject(document) || !Array.isArray(document['batches'])) return null;

  const pointers = schemaErrors.map(errorPointer);
  const bound = isBound(document, pointers);
  const parts = {
    batches: [] as ShapeBatch[],
    ids: [] as Array<string | null>,
    positions: [] as number[],
    unchecked: [] as ShapeChange[],
    leftOut: [] as number[],
  };
  document['batches'].forEach((typed: unknown, index) => {
    const id = isObject(typed) && typeof typed['id'] === 'string' ? typed['id'] : null;
    parts.ids.push(id);
    const { batch, unchecked } = readBatch(typed, index, pointers);
    parts.unchecked.push(...unchecked);
    if (batch === null) {
      parts.leftOut.push(index);
      return;
    }
    parts.batches.push(batch);
    parts.positions.push(index);
  });

  const strategy = {
    head: bound ? (document['head'] as string | null) : null,
    stagedTree: bound ? (document['stagedTree'] as string | null) : null,
    batches: parts.batches,
  };
  return { strategy, bound, ...parts };
}

/**
 * Returns the entries of a batch's `changes` that name a path, as changes the checks leave
 * out. An entry whose `hunks` cannot be read stands for the whole file, because which of its
 * hunks it meant is not known.
 */
function readUncheckedChanges(batch: unknown): ShapeChange[] {
  if (!isObject(batch) || !Array.isArray(batch['changes'])) return [];
  return batch['changes'].flatMap((entry: unknown): ShapeChange[] => {
    if (isChange(entry)) return [entry];
    if (isObject(entry) && typeof entry['path'] === 'string') return [{ path: entry['path'] }];
    return [];
  });
}

/**
 * Returns true when a check's problem repeats what a schema error on the same batch field
 * already reports, such as `empty-batch` for a `changes` list the schema finds empty.
 */
export function restatesSchemaError(
  problem: StrategyProblem,
  parts: CheckedParts,
  schemaErrors: readonly string[],
): boolean {
  const field = RESTATED_FIELDS[problem.code];
  if (field === undefined || problem.batch === undefined) return false;

  const pointers = schemaErrors.map(errorPointer);
  return parts.ids.some(
    (id, index) =>
      id === problem.batch &&
      pointers.some((pointer) => isWithin(pointer, `/batches/${index}/${field}`)),
  );
}
