import type { Mode, RelationKind } from './types.js';

/**
 * Weights of links, in (0, 1]: how strongly each relation ties two units. Pair scores turn a
 * link into log-odds with `evidence`; see pair-scores.ts.
 */
export const weights = {
  rename: 1,
  manifestLockfile: 0.95,
  /** A lockfile in an ancestor folder of a manifest, as npm, pnpm and yarn workspaces keep it. */
  workspaceLockfile: 0.8,
  /**
   * A changed manifest that names a package the change adds, by its folder or its name. Not
   * fitted: below the binding weight, so the two may still part where nothing else ties them.
   */
  newPackageUse: 0.9,
  /** A dependency entry of `package.json` and a changed line that imports that package. */
  dependencyUse: 1,
  /** An import statement the change adds or edits, of a file it changes. */
  importChanged: 0.9,
  /** An import of a file the change adds; aggressive mode leaves it out of pair scores. */
  importNewFile: 0.7,
  /** A use of an imported name in one file and the changed definition of it in another. */
  importedUse: 0.85,
  similarEdit: 0.85,
  /** The same edit in more hunks than similarity.ts links pairwise: it binds them. */
  massEdit: 1,
  /** Lines one unit removes and another adds, scaled by the share that moved. */
  movedLines: 1,
  /** A changed definition and a use of it, scaled by how specific the name is. */
  definitionUse: 0.9,
  /** A test and the source it tests, when the test mentions what the source changes. */
  testSourceUse: 0.9,
  /** A test and the source with its name, when no changed line ties them closer. */
  testSource: 0.8,
  testSourceByName: 0.6,
  sameDefinition: 0.85,
  adjacentHunks: 0.85,
  /** Cap of the weight that shared rare identifiers give. */
  sharedIdentifiers: 0.8,
  /**
   * Weight added on top, up to 1, when one of the shared identifiers is new to the change: no
   * changed file's HEAD text has it. See "Names the change introduces" in docs/BENCHMARKS.md.
   */
  introducedIdentifier: 0.5,
  /** Weight of two units whose words are the same, scaled down by their cosine similarity. */
  similarText: 1,
  coChange: 0.8,
  sourceSameFolder: 0.45,
  testSameFolder: 0.35,
  nearbyFolder: 0.3,
} as const;

/**
 * Log-odds that two units belong to one commit, by what their paths and concerns share. The
 * links between them add `evidence` on top. These numbers and `evidence` were fitted with
 * bench/batches/fit-weights.ts, a coordinate search in steps of 0.25 to 0.5, on composites of
 * consecutive commits from husky, lint-staged, vite and svelte drawn with seeds 7 and 1. They
 * were checked on composites drawn with seed 13 and on repositories the fit never saw.
 */
export const pairPrior = {
  base: -1.8,
  sameFile: 2.3,
  sameFolder: -0.05,
  nearbyFolder: -0.35,
  sameTopFolder: 0.4,
  samePackage: 0,
  otherPackage: -3.5,
  sameConcern: 0.65,
  codeAndTest: 1.25,
  codeAndDocs: -0.4,
  docsAndDocs: -0.5,
  ciAndOther: 0.3,
  dependenciesAndOther: 0.7,
  /** Two files the change adds: new files in different folders often come from different commits. */
  addedFiles: -1,
  /** Added back for two new files in one folder, such as the files of one new test fixture. */
  addedSameFolder: 1,
  /**
   * Added back instead for two new files of one folder and one family (see isFamily in
   * pair-scores.ts): at 1, twelve new fixture files made twelve batches. Of 2,666 pairs of new
   * files in one folder in 840 composites of the untangling benchmark, 2,441 were one commit.
   * Given to every such pair, 2.5 also joined two features that each add a file to `src/`.
   */
  addedSameFamily: 2.5,
  /**
   * Two files the change deletes, in any folders: files are usually removed in one commit. Unlike
   * the other numbers here it was not fitted. "File deletions and dependency imports" in
   * docs/BENCHMARKS.md gives how often such pairs were one commit on the benchmark.
   */
  deletedFiles: 2,
  /**
   * Log-odds added to every pair of two clusters, times the cosine of the clusters' words: a
   * batch whose words match another's as a whole joins it even where no two units match.
   */
  similarBatches: 3,
} as const;

/** Log-odds a link of each kind adds at full weight; a weaker link adds its share. */
export const evidence: Record<RelationKind, number> = {
  rename: 4,
  'similar-edit': 3.5,
  'moved-lines': 1,
  'manifest-lockfile': 3,
  /** Not fitted like the others, because the link is rare. docs/BENCHMARKS.md measures it. */
  'dependency-use': 2,
  submodule: 4,
  'file-folder': 4,
  /** Not fitted: a new package is rare in the benchmark's composites. */
  'new-package': 4,
  import: 2.5,
  'definition-use': 2.25,
  'same-definition': 0,
  'same-file': 2.5,
  'test-source': 4.5,
  'shared-identifiers': 1.5,
  'similar-text': 4,
  'co-change': 2,
  docs: 0,
  config: 0,
  ci: 0,
  'same-folder': 0,
  'nearby-folder': -1,
  'same-area': 0,
  unseparated: 0,
  leftover: 0,
};

/** Log-odds each mode adds to every pair: a positive bias joins more, a negative one splits more. */
export const modeBias: Record<Mode, number> = {
  conservative: 1.2,
  balanced: 0,
  aggressive: -1.5,
};
