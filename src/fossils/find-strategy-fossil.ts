import { isUserError } from '../errors.js';
import { createDebug } from '../log/debug.js';
import type { Strategy } from '../strategy/types.js';
import { readFossilNames, type FossilStore } from './store.js';
import { isFossilOfKind } from './types.js';

const debug = createDebug('fossils');

/** The ids a strategy is bound to, which its strategy fossil records as well. */
export interface StrategyBinding {
  head: string | null;
  stagedTree: string | null;
}

/**
 * Finds the strategy as `footprint strategy` made it for `binding`: the payload of the newest
 * strategy fossil with the same HEAD and staged tree. Fossils are read newest first until one
 * matches. Returns null when none does, or when the store cannot be listed, because the
 * record only sharpens a report and its absence is no error.
 */
export async function findStrategyFossil(
  store: FossilStore,
  binding: StrategyBinding,
): Promise<Strategy | null> {
  let names;
  try {
    names = await readFossilNames(store.dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!isUserError(error) && code === undefined) throw error;
    debug(`no strategy fossil read, because ${code ?? (error as Error).message}`);
    return null;
  }

  for (const name of names) {
    if (name.kind !== 'strategy') continue;
    const { fossil } = await store.read(name.id);
    if (fossil === null || !isFossilOfKind(fossil.fossil, 'strategy')) continue;
    const { payload } = fossil.fossil;
    if (payload.stagedTree === binding.stagedTree && payload.head === binding.head) return payload;
  }
  return null;
}
