import type { Config } from '../config/types.js';
import { openFossilStore } from '../fossils/store.js';
import { nowMs } from '../log/clock.js';
import { createDebug } from '../log/debug.js';
import { createModel } from './create-model.js';
import type { Model } from './model-types.js';
import { readModelFossil } from './read-model-fossil.js';

const debug = createDebug('learn');

export interface LoadModelOptions {
  /** Receives one line per model fossil skipped as unreadable; debug output by default. */
  onWarning?: (warning: string) => void;
}

/**
 * Loads the newest model fossil of the worktree's store, or returns null when there is none,
 * so every analysis works without a model. Reads one file and builds no index until a lookup
 * needs it.
 */
export async function loadModel(
  worktree: string,
  config: Config,
  options: LoadModelOptions = {},
): Promise<Model | null> {
  const startedAt = nowMs();
  const store = openFossilStore(worktree, config);
  const { model, warnings } = await readModelFossil(store);
  for (const warning of warnings) (options.onWarning ?? debug)(warning);
  if (model === null) return null;

  const loaded = createModel(model.payload);
  const milliseconds = Math.round(nowMs() - startedAt);
  debug(`model ${model.id}: ${loaded.commits} commits, loaded in ${milliseconds} ms`);
  return loaded;
}
