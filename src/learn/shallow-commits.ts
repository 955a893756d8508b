import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RepositoryLayout } from '../git/types.js';

/**
 * Reads the commits at a shallow clone's boundary from `<commonDir>/shallow`: git treats
 * their parents as absent, so a log shows each of them adding every file of its tree.
 * Returns an empty set for a complete clone, which has no such file.
 */
export async function readShallowCommits(layout: RepositoryLayout): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path.join(layout.commonDir, 'shallow'), 'latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
  return new Set(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
}
