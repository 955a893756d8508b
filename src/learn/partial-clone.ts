import { readGitConfig } from '../git/config.js';
import type { RepositoryLayout } from '../git/types.js';

/**
 * Returns true for a partial clone (`git clone --filter=...`). Its history may lack blobs, and
 * reading a diff may then fetch each missing blob from the remote, one at a time.
 */
export async function isPartialClone(layout: RepositoryLayout): Promise<boolean> {
  const config = await readGitConfig(layout);
  if (config.has('extensions.partialClone')) return true;
  return config
    .section('remote')
    .some((entry) => entry.name === 'promisor' && config.getBool(entry.key) === true);
}
