import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Footprint } from '../footprint/types.js';
import type { RepositoryLayout } from '../git/types.js';

/** Characters of a SHA-1 object id in hex; SHA-256 ids have 64. */
const SHA1_HEX_LENGTH = 40;

/**
 * Returns false when `footprint commit` would refuse this repository's format, as
 * checkWritableRepository does: object ids longer than SHA-1's, read from the footprint's own
 * ids, or refs in a reftable. It reads no configuration, so the hook stays fast.
 */
export function canWriteCommits(footprint: Footprint, layout: RepositoryLayout): boolean {
  const oid = footprint.stagedTree ?? footprint.headTree ?? footprint.head.oid;
  if (oid !== null && oid.length !== SHA1_HEX_LENGTH) return false;
  return !existsSync(path.join(layout.commonDir, 'reftable'));
}
