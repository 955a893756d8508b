import {
  isBatch,
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
   * reported missing: those of unreadable batches, and entries with a schema error.
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

/**
 * Reads the parts of a document with schema errors that the other checks can still use. A
 * batch that isBatch rejects is left out, and its changes that parse are counted as taken. In
 * a readable batch, an entry of `changes` with a schema error is counted as taken and not
 * checked, so it is reported once. Returns null when `batches` is not a list.
 */
export function readCheckedParts(
  document: unknown,
  schemaErrors: readonly string[],
): CheckedParts | null {
  if (!isObject(document) || !Array.isArray(document['batches'])) return null;

  const pointers = schemaErrors.map(errorPointer);
  const { head, stagedTree } = document;
  const bound =
    isNullableString(head) &&
    isNullableString(stagedTree) &&
    !pointers.some((pointer) => pointer === '/head' || pointer === '/stagedTree');

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
    // A batch typed by hand often lacks `dependsOn`, which the schema reports, so it reads as [].
    const batch =
      isObject(typed) && typed['dependsOn'] === undefined ? { ...typed, dependsOn: [] } : typed;
    if (!isBatch(batch)) {
      parts.leftOut.push(index);
      parts.unchecked.push(...readableChanges(batch));
      return;
    }

    const flawed = (entry: number) =>
      pointers.some((pointer) => isWithin(pointer, `/batches/${index}/changes/${entry}`));
    parts.batches.push({ ...batch, changes: batch.changes.filter((_, at) => !flawed(at)) });
    parts.unchecked.push(...batch.changes.filter((_, at) => flawed(at)));
    parts.positions.push(index);
  });

  const strategy = {
    head: bound ? (head as string | null) : null,
    stagedTree: bound ? (stagedTree as string | null) : null,
    batches: parts.batches,
  };
  return { strategy, bound, ...parts };
}

/** Returns the entries of an unreadable batch's `changes` that parse as changes. */
function readableChanges(batch: unknown): ShapeChange[] {
  if (!isObject(batch) || !Array.isArray(batch['changes'])) return [];
  return batch['changes'].filter(isChange);
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
