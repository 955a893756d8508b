import type { Config } from '../config/types.js';
import { describeRepositoryState } from '../fossils/repository-state.js';
import { openFossilStore } from '../fossils/store.js';
import { isFossilOfKind } from '../fossils/types.js';
import { createDebug } from '../log/debug.js';
import type { InsightCache } from './cache.js';

const debug = createDebug('insights');

const KIND = 'insight-cache';

/**
 * Cached replies read per lookup, newest first. Committing again after fixing a blocked commit
 * finds its reply among the newest, and the limit keeps a miss cheap in a full store.
 */
const MAX_LOOKUP_FOSSILS = 50;

/**
 * Opens the insight cache in the worktree's fossil store, as `insight-cache` fossils that the
 * store's retention prunes with the others. A fossil that fails its schema is skipped, and a
 * failed read or write is logged and ignored, so the cache can only save a request.
 */
export function openInsightCache(worktree: string, config: Config): InsightCache {
  const store = openFossilStore(worktree, config);
  return {
    async lookup(key) {
      try {
        const { fossils } = await store.list({ kind: KIND, limit: MAX_LOOKUP_FOSSILS });
        for (const { fossil } of fossils) {
          if (isFossilOfKind(fossil, KIND) && fossil.payload.key === key) {
            return fossil.payload.reply;
          }
        }
      } catch (error) {
        debug(`insight cache lookup in ${store.dir} failed: ${String(error)}`);
      }
      return null;
    },
    async store(entry, footprint) {
      try {
        const repository = describeRepositoryState(footprint.head, footprint.stagedTree);
        await store.write(KIND, { repository, payload: entry });
      } catch (error) {
        debug(`insight cache write in ${store.dir} failed: ${String(error)}`);
      }
    },
  };
}
