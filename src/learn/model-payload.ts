import type { CountsDocument } from './counts-document.js';

/** Options a model was learned with; a later `learn` with other options starts over. */
export interface ModelOptions {
  maxCommits: number;
  /** ISO 8601 date before which commits were left out, or null. */
  since: string | null;
  /** Commits that change more files than this do not count for co-change. */
  coChangeMaxFiles: number;
}

/**
 * The counts that analysis reads, pruned: files that exist at HEAD and changed in at least 2
 * commits, and pairs that changed together in at least 2 commits. Lists of numbers are flat
 * (`files` has 5 numbers per path, `pairs` 3 per pair); indexes point into `paths` and
 * `folders`. See `schemas/fossil-model.schema.json`.
 */
export interface ModelDigest {
  paths: string[];
  /** Per path: changes, co-change commits, fixes, lines deleted by fixes, score in thousandths. */
  files: number[];
  pairs: number[];
  folders: string[];
  folderCommits: number[];
  folderPairs: number[];
  sizes: CountsDocument['sizes'];
  messages: CountsDocument['messages'];
  kinds: CountsDocument['kinds'];
}

/** The model fossil's payload. */
export interface ModelPayload {
  /** The commit HEAD pointed at when the model was learned. */
  head: string;
  options: ModelOptions;
  commits: number;
  coChangeCommits: number;
  fixCommits: number;
  pathsOnlyCommits: number;
  span: CountsDocument['span'];
  digest: ModelDigest;
  /** The exact counts, packed by packCounts. */
  counts: string;
}
