import type { HeadState } from '../git/types.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import type { FossilRepository } from './types.js';

const BRANCH_PREFIX = 'refs/heads/';

/**
 * Returns the envelope's repository state: HEAD's commit, its branch by short name (a
 * symbolic ref outside `refs/heads/` keeps its full name), and the staged tree. A provider
 * token in the branch name is masked, since fossils hold no secret values.
 */
export function describeRepositoryState(
  head: HeadState,
  stagedTree: string | null,
): FossilRepository {
  let branch: string | null = null;
  if (!head.detached && head.ref !== null) {
    branch = head.ref.startsWith(BRANCH_PREFIX) ? head.ref.slice(BRANCH_PREFIX.length) : head.ref;
  }
  return { head: head.oid, branch: branch === null ? null : maskNameSecrets(branch), stagedTree };
}
