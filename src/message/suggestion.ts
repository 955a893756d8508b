import type { Batch } from '../batches/types.js';
import { loadConfig } from '../config/load.js';
import { isUserError } from '../errors.js';
import type { Config } from '../config/types.js';
import { openFossilStore } from '../fossils/store.js';
import { isFossilOfKind } from '../fossils/types.js';
import { openRepository } from '../git/open.js';
import type { StagedChange } from '../git/types.js';
import { createDebug } from '../log/debug.js';

const debug = createDebug('message');

/** Newest analysis fossils compared with the staged change; the pre-commit run's is the newest. */
const FOSSILS_SEARCHED = 5;

/** The batches suggested for the staged change, and which run produced them. */
export interface Suggestion {
  batches: Batch[];
  splitSuggested: boolean;
  /** `fossil` when the pre-commit run's analysis was reused, `analysis` when it ran again. */
  from: 'fossil' | 'analysis';
}

/**
 * Returns the suggested batches for the staged change, or null when nothing is staged. The
 * analysis fossil of `footprint precommit` for the same HEAD and staged tree is reused. When
 * there is none, for example after `git commit --no-verify`, the analysis runs again,
 * offline and without writing a fossil.
 */
export async function findSuggestion(
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Suggestion | null> {
  const reader = await openRepository({ cwd, env });
  try {
    const worktree = reader.layout.worktree;
    if (worktree === null) return null;
    const change = await reader.readStagedChange();
    if (change.entries.length === 0) return null;

    const config = await loadConfig(worktree, { env });
    const reused = await readFossilOrNull(worktree, config.config, change);
    if (reused !== null) return reused;
  } finally {
    await reader.close();
  }

  debug('no analysis fossil for this staged tree; analysing again');
  const { runPipeline } = await import('../pipeline/run.js');
  const { maskFlaggedPaths } = await import('../pipeline/mask-flagged-paths.js');
  const run = await runPipeline({ command: 'analyze', cwd, env, noLlm: true, writeFossil: false });
  // Masked as the pre-commit run's fossil is, so both ways list the same paths.
  const { batches, splitSuggested } = maskFlaggedPaths(run.result).analysis;
  return { batches, splitSuggested, from: 'analysis' };
}

/**
 * Returns the pre-commit run's suggestion, or null when there is none or the fossil store
 * cannot be read, such as a file where its folder should be, because analysing again gives
 * the same batches.
 */
async function readFossilOrNull(
  worktree: string,
  config: Config,
  change: StagedChange,
): Promise<Suggestion | null> {
  try {
    return await readMatchingFossil(worktree, config, change);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!isUserError(error) && code === undefined) throw error;
    debug(`the fossil store cannot be read: ${(error as Error).message}`);
    return null;
  }
}

async function readMatchingFossil(
  worktree: string,
  config: Config,
  change: StagedChange,
): Promise<Suggestion | null> {
  if (change.stagedTree === null) return null;
  const store = openFossilStore(worktree, config);
  const listing = await store.list({ kind: 'analysis', limit: FOSSILS_SEARCHED });

  for (const stored of listing.fossils) {
    const { fossil } = stored;
    if (!isFossilOfKind(fossil, 'analysis')) continue;
    const sameChange =
      fossil.repository.stagedTree === change.stagedTree &&
      fossil.repository.head === change.head.oid &&
      fossil.payload.command === 'precommit';
    if (!sameChange) continue;

    debug(`reusing the analysis in ${stored.file}`);
    const { batches, splitSuggested } = fossil.payload;
    return { batches, splitSuggested, from: 'fossil' };
  }
  return null;
}
