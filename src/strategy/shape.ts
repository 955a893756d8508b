import type { Hunk } from '../footprint/types.js';

/** A change of a batch as validation reads it: a path, and the hunks it takes when not all. */
export interface ShapeChange {
  path: string;
  hunks?: Hunk[];
}

/** A batch as validation reads it. */
export interface ShapeBatch {
  id: string;
  message: string;
  changes: ShapeChange[];
  dependsOn: string[];
  /** Fields left unchecked here, because only the message format warnings read them. */
  type?: unknown;
  scope?: unknown;
}

/** The parts of a strategy that validation reads, after a structural check. */
export interface StrategyShape {
  head: string | null;
  stagedTree: string | null;
  batches: ShapeBatch[];
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

function isHunk(value: unknown): value is Hunk {
  if (!isObject(value)) return false;
  return ['oldStart', 'oldLines', 'newStart', 'newLines'].every((key) => isCount(value[key]));
}

/** Returns true when `value` is a change validation can read: a path and, if any, hunks. */
export function isChange(value: unknown): value is ShapeChange {
  if (!isObject(value) || typeof value['path'] !== 'string') return false;
  const hunks = value['hunks'];
  return hunks === undefined || (Array.isArray(hunks) && hunks.every(isHunk));
}

function isBatch(value: unknown): value is ShapeBatch {
  if (!isObject(value) || typeof value['id'] !== 'string') return false;
  if (typeof value['message'] !== 'string') return false;
  const { changes, dependsOn } = value;
  if (!Array.isArray(changes) || !changes.every(isChange)) return false;
  return Array.isArray(dependsOn) && dependsOn.every((id) => typeof id === 'string');
}

export const isNullableString = (value: unknown): boolean =>
  value === null || typeof value === 'string';

/**
 * Returns true when `value` has the fields validation reads with the right types. The JSON
 * Schema checks far more; this guard keeps validation from failing on a document the schema
 * validator let through.
 */
export function hasStrategyShape(value: unknown): value is StrategyShape {
  if (!isObject(value) || !Array.isArray(value['batches'])) return false;
  if (!isNullableString(value['head']) || !isNullableString(value['stagedTree'])) return false;
  return value['batches'].every(isBatch);
}
