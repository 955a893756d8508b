import type { Config } from '../config/types.js';
import { openFossilStore } from '../fossils/store.js';
import { readHead } from '../git/refs.js';
import type { RepositoryLayout } from '../git/types.js';

/**
 * Returns the advice to run `footprint learn` once, for a repository with commits and no model
 * fossil yet. `invocation` starts the command (see footprintInvocation). Without a model, batch
 * messages use footprint's defaults, such as `chore(deps)` where the history has `build(deps)`.
 */
export async function learnNote(
  layout: RepositoryLayout,
  worktree: string,
  config: Config,
  invocation: string,
): Promise<string | null> {
  const head = await readHead(layout);
  if (head.oid === null) return null;

  const listing = await openFossilStore(worktree, config).list({ kind: 'model', limit: 1 });
  if (listing.fossils.length > 0) return null;
  return (
    `Run \`${invocation} learn\` once: it reads the history into a model, and the suggested ` +
    'batches and messages then follow the types, scopes and files that change together here.'
  );
}
