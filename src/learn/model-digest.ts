import { encodeHabits, encodePairs, indexOf } from './counts-document.js';
import { createRanker, hotspotWeight } from './hotspot-rank.js';
import { splitPairKey, type FileCounts, type ModelCounts } from './model-counts.js';
import type { ModelDigest } from './model-payload.js';

/**
 * Files and pairs seen in fewer commits than this stay out of the digest, because a single
 * commit shows no habit. Such pairs are most pairs: 9 in 10 over svelte's last 2,000 commits.
 */
export const DIGEST_MIN_COMMITS = 2;

/** Builds the digest of `counts` for a HEAD whose tree contains the paths in `existing`. */
export function buildDigest(counts: ModelCounts, existing: ReadonlySet<string>): ModelDigest {
  const paths = [...counts.files]
    .filter(([path, file]) => existing.has(path) && file.changes >= DIGEST_MIN_COMMITS)
    .map(([path]) => path)
    .sort();
  const pathIndex = indexOf(paths);
  const folders = selectFolders(counts);
  const folderIndex = indexOf(folders);

  return {
    paths,
    files: encodeFiles(paths, counts.files),
    pairs: encodePairs(keepPairs(counts.pairs, pathIndex), pathIndex, pathIndex),
    folders,
    folderCommits: folders.map((folder) => counts.folders.get(folder) ?? 0),
    folderPairs: encodePairs(keepPairs(counts.folderPairs, folderIndex), folderIndex, folderIndex),
    ...encodeHabits(counts, folderIndex),
  };
}

/** Writes five numbers per path, the last its hotspot score among `paths` in thousandths. */
function encodeFiles(paths: readonly string[], files: ReadonlyMap<string, FileCounts>): number[] {
  const entries = paths.map((path) => files.get(path) as FileCounts);
  const weights = entries.map((file) => hotspotWeight(file.changes, file.fixes, file.fixLines));
  const rank = createRanker(weights);
  return entries.flatMap((file, index) => [
    file.changes,
    file.coChanges,
    file.fixes,
    file.fixLines,
    Math.round(rank(weights[index] as number) * 1000),
  ]);
}

/** Folders with enough co-change commits, and every folder a scope was used in. */
function selectFolders(counts: ModelCounts): string[] {
  const folders = new Set<string>();
  for (const [folder, commits] of counts.folders) {
    if (commits >= DIGEST_MIN_COMMITS) folders.add(folder);
  }
  for (const key of counts.scopeFolders.keys()) folders.add(splitPairKey(key)[1]);
  return [...folders].sort();
}

function keepPairs(pairs: ReadonlyMap<string, number>, index: ReadonlyMap<string, number>) {
  const kept = new Map<string, number>();
  for (const [key, commits] of pairs) {
    if (commits < DIGEST_MIN_COMMITS) continue;
    const [first, second] = splitPairKey(key);
    if (index.has(first) && index.has(second)) kept.set(key, commits);
  }
  return kept;
}
