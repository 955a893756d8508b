import type { GitConfig } from './config.js';

/**
 * Returns true for a partial clone (`git clone --filter=...`): `extensions.partialClone` is
 * set, or a remote is a promisor (`remote.<name>.promisor`), which is all that some git
 * versions record. Its objects may be missing until git fetches them from that remote.
 */
export function isPartialCloneConfig(config: GitConfig): boolean {
  if (config.has('extensions.partialClone')) return true;
  return config
    .section('remote')
    .some((entry) => entry.name === 'promisor' && config.getBool(entry.key) === true);
}
