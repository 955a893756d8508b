import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseJsonText } from '../config/parse-json.js';
import { FOSSIL_SCHEMA_VERSION } from './types.js';

/**
 * Reason `fossils prune` keeps a fossil it selected. `newer-version` is a schemaVersion above
 * the one this footprint reads. `unreadable` is a file that cannot be read or is not valid
 * JSON, whose version is unknown.
 */
export type KeepReason = 'newer-version' | 'unreadable';

/**
 * Reads the fossil file `file` and returns why prune must keep it, or null when it may go. A
 * file that is already gone may go. Any other JSON, such as one that fails its schema, may go
 * too, because this footprint wrote it or could have.
 */
export async function findKeepReason(file: string): Promise<KeepReason | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
  }

  const parsed = parseJsonText(text);
  if (!parsed.ok) return 'unreadable';
  const document = parsed.value;
  if (typeof document !== 'object' || document === null) return null;
  const version = (document as Record<string, unknown>)['schemaVersion'];
  const newer = Number.isInteger(version) && (version as number) > FOSSIL_SCHEMA_VERSION;
  return newer ? 'newer-version' : null;
}

/** Bytes at the start of a fossil that hold its first key, `schemaVersion`, as footprint writes it. */
const HEAD_BYTES = 128;
const HEAD_VERSION = /^\s*\{\s*"schemaVersion"\s*:\s*(\d+)/;

/**
 * Returns true when the fossil file `file` starts with a schemaVersion above the one this
 * footprint reads, from its first bytes alone. Retention runs after every hook's fossil, so it
 * reads no more, and a file that starts otherwise counts as not newer.
 */
export function startsWithNewerVersion(file: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const length = readSync(descriptor, head, 0, HEAD_BYTES, 0);
    const version = HEAD_VERSION.exec(head.subarray(0, length).toString('utf8'))?.[1];
    return version !== undefined && Number(version) > FOSSIL_SCHEMA_VERSION;
  } catch {
    return false;
  } finally {
    closeSync(descriptor);
  }
}
