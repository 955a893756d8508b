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
