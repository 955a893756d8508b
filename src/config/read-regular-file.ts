import { readFileSync, statSync } from 'node:fs';

/**
 * Reads a file's text, or returns null when the path does not exist or is not a regular file.
 * A named pipe would block the read until another process writes to it, and a hook that waits
 * for that blocks `git commit`. Other errors are thrown.
 */
export function readRegularFileSync(file: string): string | null {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isFile()) return null;
  return readFileSync(file, 'utf8');
}
