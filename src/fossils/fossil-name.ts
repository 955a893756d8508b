import { randomBytes } from 'node:crypto';

/** A fossil's file name, without `.json`: `20260101T120000.123Z-analysis-1a2b3c4d`. */
const FOSSIL_ID =
  /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z-([a-z][a-z0-9-]*)-[0-9a-f]{8}$/;

export const FOSSIL_EXTENSION = '.json';

/** Facts a fossil's file name encodes, available without reading the file. */
export interface FossilName {
  id: string;
  kind: string;
  createdAt: Date;
}

/**
 * Makes a fossil id from the UTC time and a random suffix, so names sort by time and two
 * writers in the same millisecond still get different names.
 */
export function createFossilId(kind: string, createdAt: Date): string {
  const timestamp = createdAt.toISOString().replace(/[-:]/g, '');
  return `${timestamp}-${kind}-${randomBytes(4).toString('hex')}`;
}

/** Parses a fossil file name (`<id>.json`) or id. Returns null for any other name. */
export function parseFossilName(name: string): FossilName | null {
  const id = name.endsWith(FOSSIL_EXTENSION) ? name.slice(0, -FOSSIL_EXTENSION.length) : name;
  const match = FOSSIL_ID.exec(id);
  if (match === null) return null;

  const [, year, month, day, hour, minute, second, millisecond, kind] = match;
  const createdAt = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millisecond}Z`);
  if (Number.isNaN(createdAt.getTime()) || kind === undefined) return null;
  return { id, kind, createdAt };
}

/** Orders fossil names newest first. Ids start with their UTC time, so text order is time order. */
export function compareNewestFirst(a: FossilName, b: FossilName): number {
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}
