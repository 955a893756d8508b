import type { FossilStore } from '../fossils/store.js';
import { isFossilOfKind } from '../fossils/types.js';
import type { ModelPayload } from './model-payload.js';

export interface ModelFossil {
  id: string;
  /** Absolute path of the fossil file. */
  file: string;
  payload: ModelPayload;
}

export interface ModelFossilLookup {
  model: ModelFossil | null;
  /** One line per newer model fossil skipped because it could not be read or failed its schema. */
  warnings: string[];
}

/**
 * Reads the newest readable model fossil. A newer one that is corrupt or from a newer
 * footprint is skipped with a warning, and the one before it is used.
 */
export async function readModelFossil(store: FossilStore): Promise<ModelFossilLookup> {
  const listing = await store.list({ kind: 'model', limit: 1 });
  const stored = listing.fossils[0];
  if (stored === undefined || !isFossilOfKind(stored.fossil, 'model')) {
    return { model: null, warnings: listing.warnings };
  }
  return {
    model: { id: stored.id, file: stored.file, payload: stored.fossil.payload },
    warnings: listing.warnings,
  };
}
