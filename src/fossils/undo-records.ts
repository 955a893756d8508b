import type { FossilStore } from './store.js';
import { isFossilOfKind, type StoredFossil, type UndoFossilPayload } from './types.js';

/** An undo fossil read back: its id, when it was written, and its payload. */
export interface UndoRecord {
  id: string;
  createdAt: string;
  payload: UndoFossilPayload;
}

/**
 * Returns the undo fossil that records the commit run `run` as undone, or null when none
 * does. An undo is written after the run it undoes, so only fossils named at or after the
 * run's time are read.
 */
export async function findUndoOf(
  store: FossilStore,
  run: StoredFossil,
): Promise<UndoRecord | null> {
  const { fossils } = await store.list({ kind: 'undo', from: new Date(run.fossil.createdAt) });
  return readUndoRecords(fossils).find((record) => record.payload.run === run.id) ?? null;
}

/** Returns the ids of the commit runs that an undo fossil in the store records as undone. */
export async function readUndoneRunIds(store: FossilStore): Promise<Set<string>> {
  const { fossils } = await store.list({ kind: 'undo' });
  return new Set(readUndoRecords(fossils).map((record) => record.payload.run));
}

function readUndoRecords(fossils: readonly StoredFossil[]): UndoRecord[] {
  return fossils.flatMap(({ id, fossil }) =>
    isFossilOfKind(fossil, 'undo')
      ? [{ id, createdAt: fossil.createdAt, payload: fossil.payload }]
      : [],
  );
}
