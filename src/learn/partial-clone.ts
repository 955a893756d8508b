import { readGitConfig } from '../git/config.js';
import { isPartialCloneConfig } from '../git/partial-clone.js';
import type { RepositoryLayout } from '../git/types.js';

/**
 * Returns true for a partial clone (`git clone --filter=...`). Its history may lack blobs, and
 * reading a diff may then fetch each missing blob from the remote, one at a time.
 */
export async function isPartialClone(layout: RepositoryLayout): Promise<boolean> {
  return isPartialCloneConfig(await readGitConfig(layout));
}
