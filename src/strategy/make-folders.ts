import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Makes `folder` and its missing parents one at a time, from the top. Under Node 20.20.2, a
 * recursive mkdir of /proc/x, whose parent exists but rejects the child with ENOENT, retried
 * until it was stopped (observed for 10 minutes), whereas one mkdir fails at once.
 */
export async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  while ((await statCode(current)) === 'ENOENT') {
    const parent = path.dirname(current);
    if (parent === current) break;
    missing.unshift(current);
    current = parent;
  }

  for (const missingFolder of missing) {
    try {
      await mkdir(missingFolder);
    } catch (error) {
      // Another process made it between the check and the mkdir.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Returns the error code of stat on `file`, or null when it exists. */
async function statCode(file: string): Promise<string | null> {
  try {
    await stat(file);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
  }
}
