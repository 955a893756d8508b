import type { Mode } from './types.js';

/**
 * Relation weights and the per-mode thresholds they are compared with. Two files share a batch
 * when a chain of relations at or above the mode's threshold joins them, so:
 * - Every mode keeps a manifest with its lockfile, a test with the source in its folder, CI
 *   files together and docs of one folder together (weights of 0.7 and above).
 * - Balanced also joins docs across folders, config files, sources of one folder and tests
 *   paired with a source by name only (0.5 to 0.6).
 * - Conservative also joins files through imports, through a parent folder and tests of one
 *   folder (0.3 to 0.45), so it suggests the fewest batches.
 * An import below the threshold still orders the batches: the importer comes after the file it
 * imports when that file is new.
 */
export const relationThreshold: Record<Mode, number> = {
  conservative: 0.3,
  balanced: 0.5,
  aggressive: 0.7,
};

export const weights = {
  manifestLockfile: 0.95,
  /** A lockfile in an ancestor folder of a manifest, as npm, pnpm and yarn workspaces keep it. */
  workspaceLockfile: 0.7,
  testSource: 0.9,
  /** A test and a source with the same name in unrelated folders. */
  testSourceByName: 0.6,
  ci: 0.7,
  docsSameFolder: 0.7,
  docs: 0.6,
  config: 0.6,
  sourceSameFolder: 0.5,
  import: 0.45,
  /** Tests of one folder often test unrelated sources, so folder alone joins them only weakly. */
  testSameFolder: 0.35,
  nearbyFolder: 0.35,
} as const;
