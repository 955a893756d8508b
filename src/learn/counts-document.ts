import {
  createModelCounts,
  keepRecentKindTypes,
  pairKey,
  type KindHeader,
  splitPairKey,
  type FileCounts,
  type Histogram,
  type ModelCounts,
} from './model-counts.js';

/**
 * Every count of a model, exact, as the model fossil keeps them packed (see counts-blob.ts and
 * `schemas/model-counts.schema.json`) for the next `learn` to add new commits to. Lists of
 * numbers are flat: `files` has 4 numbers per path, `pairs` 3 per pair, and indexes point into
 * `paths` and `folders`.
 */
export interface CountsDocument {
  commits: number;
  coChangeCommits: number;
  fixCommits: number;
  pathsOnlyCommits: number;
  /** Committer times of the oldest and newest commit learned, in seconds since the epoch. */
  span: { oldest: number; newest: number } | null;
  /** Every file the learned commits changed, sorted. */
  paths: string[];
  /** Per path: changes, co-change commits, fixes, lines deleted by fixes. */
  files: number[];
  /** Per pair of files: index of the first, index of the second (greater), commits. */
  pairs: number[];
  folders: string[];
  /** Per folder: co-change commits that changed a file in it. */
  folderCommits: number[];
  folderPairs: number[];
  /** Histograms as size, commits, size, commits, ... by ascending size. */
  sizes: { files: number[]; hunks: number[]; lines: number[] };
  messages: {
    conventional: number;
    /** [type, commits], sorted by type. */
    types: Array<[string, number]>;
    /** [scope, commits], sorted by scope. */
    scopes: Array<[string, number]>;
    /** Per scope and folder: index into `scopes`, index into `folders`, commits. */
    scopeFolders: number[];
    /**
     * The newest headers of releases and of commits of one kind of files, as ModelCounts keeps
     * them. Models learned before they were kept lack it.
     */
    kindTypes?: KindHeader[];
    /**
     * [type, feature, commits] of the conventional commits that change code, as ModelCounts
     * keeps them, sorted. Models learned before they were kept lack it.
     */
    codeTypes?: CodeTypeCount[];
  };
  kinds: {
    names: string[];
    /** Per transition: index of the earlier kind, index of the later kind, times. */
    transitions: number[];
  };
}

/** Commits of one type with one feature of their code. The feature `` counts all of them. */
export type CodeTypeCount = [type: string, feature: string, commits: number];

const FILE_FIELDS = 4;

/**
 * Encodes the commit sizes, message habits and kind transitions, which the full counts and
 * the digest store alike. `folderIndex` numbers the folders the document lists.
 */
export function encodeHabits(
  counts: ModelCounts,
  folderIndex: Map<string, number>,
): Pick<CountsDocument, 'sizes' | 'messages' | 'kinds'> {
  const scopes = [...counts.scopes].sort(compareEntries);
  const kindNames = [...new Set([...counts.kindTransitions.keys()].flatMap(splitPairKey))].sort();
  return {
    sizes: {
      files: encodeHistogram(counts.sizes.files),
      hunks: encodeHistogram(counts.sizes.hunks),
      lines: encodeHistogram(counts.sizes.lines),
    },
    messages: {
      conventional: counts.conventionalCommits,
      types: [...counts.types].sort(compareEntries),
      scopes,
      scopeFolders: encodePairs(counts.scopeFolders, indexOf(scopes.map(([s]) => s)), folderIndex),
      kindTypes: keepRecentKindTypes(counts.kindTypes),
      codeTypes: encodeCodeTypes(counts.codeTypes),
    },
    kinds: {
      names: kindNames,
      transitions: encodePairs(counts.kindTransitions, indexOf(kindNames), indexOf(kindNames)),
    },
  };
}

/** Writes counts as a document. The output is canonical: equal counts give equal documents. */
export function encodeCounts(counts: ModelCounts): CountsDocument {
  const paths = [...counts.files.keys()].sort();
  const pathIndex = indexOf(paths);
  const folders = collectFolders(counts);
  const folderIndex = indexOf(folders);

  return {
    commits: counts.commits,
    coChangeCommits: counts.coChangeCommits,
    fixCommits: counts.fixCommits,
    pathsOnlyCommits: counts.pathsOnlyCommits,
    span:
      counts.oldestAt === null || counts.newestAt === null
        ? null
        : { oldest: counts.oldestAt, newest: counts.newestAt },
    paths,
    files: paths.flatMap((path) => {
      const file = counts.files.get(path) as FileCounts;
      return [file.changes, file.coChanges, file.fixes, file.fixLines];
    }),
    pairs: encodePairs(counts.pairs, pathIndex, pathIndex),
    folders,
    folderCommits: folders.map((folder) => counts.folders.get(folder) ?? 0),
    folderPairs: encodePairs(counts.folderPairs, folderIndex, folderIndex),
    ...encodeHabits(counts, folderIndex),
  };
}

/** Reads a document back into counts that new commits can be added to. */
export function decodeCounts(document: CountsDocument): ModelCounts {
  const counts = createModelCounts();
  counts.commits = document.commits;
  counts.coChangeCommits = document.coChangeCommits;
  counts.fixCommits = document.fixCommits;
  counts.pathsOnlyCommits = document.pathsOnlyCommits;
  counts.oldestAt = document.span?.oldest ?? null;
  counts.newestAt = document.span?.newest ?? null;

  document.paths.forEach((path, index) => {
    const at = index * FILE_FIELDS;
    const [changes = 0, coChanges = 0, fixes = 0, fixLines = 0] = document.files.slice(at, at + 4);
    counts.files.set(path, { changes, coChanges, fixes, fixLines });
  });
  decodePairs(document.pairs, document.paths, document.paths, counts.pairs);
  document.folders.forEach((folder, index) => {
    const commits = document.folderCommits[index] ?? 0;
    if (commits > 0) counts.folders.set(folder, commits);
  });
  decodePairs(document.folderPairs, document.folders, document.folders, counts.folderPairs);

  counts.sizes.files = decodeHistogram(document.sizes.files);
  counts.sizes.hunks = decodeHistogram(document.sizes.hunks);
  counts.sizes.lines = decodeHistogram(document.sizes.lines);
  decodeMessages(document, counts);
  const { names, transitions } = document.kinds;
  decodePairs(transitions, names, names, counts.kindTransitions);
  return counts;
}

function decodeMessages(document: CountsDocument, counts: ModelCounts): void {
  const { messages } = document;
  counts.conventionalCommits = messages.conventional;
  counts.types = new Map(messages.types);
  counts.scopes = new Map(messages.scopes);
  const scopeNames = messages.scopes.map(([scope]) => scope);
  decodePairs(messages.scopeFolders, scopeNames, document.folders, counts.scopeFolders);
  counts.kindTypes = keepRecentKindTypes(messages.kindTypes ?? []);
  for (const [type, feature, commits] of messages.codeTypes ?? []) {
    counts.codeTypes.set(pairKey(type, feature), commits);
  }
}

function encodeCodeTypes(codeTypes: ReadonlyMap<string, number>): CodeTypeCount[] {
  const entries = [...codeTypes].map(([key, commits]): CodeTypeCount => {
    const [type, feature] = splitPairKey(key);
    return [type, feature, commits];
  });
  return entries.sort((a, b) => compareText(a[0], b[0]) || compareText(a[1], b[1]));
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Folders that any count names, sorted. */
function collectFolders(counts: ModelCounts): string[] {
  const folders = new Set(counts.folders.keys());
  for (const key of counts.folderPairs.keys()) splitPairKey(key).forEach((f) => folders.add(f));
  for (const key of counts.scopeFolders.keys()) folders.add(splitPairKey(key)[1]);
  return [...folders].sort();
}

export function indexOf(names: readonly string[]): Map<string, number> {
  return new Map(names.map((name, index) => [name, index]));
}

export function compareEntries(a: [string, number], b: [string, number]): number {
  if (a[0] === b[0]) return 0;
  return a[0] < b[0] ? -1 : 1;
}

/** Flattens pair counts to index, index, count triples, sorted by the two indexes. */
export function encodePairs(
  pairs: Map<string, number>,
  firstIndex: Map<string, number>,
  secondIndex: Map<string, number>,
): number[] {
  const triples: Array<[number, number, number]> = [];
  for (const [key, count] of pairs) {
    const [first, second] = splitPairKey(key);
    triples.push([firstIndex.get(first) ?? -1, secondIndex.get(second) ?? -1, count]);
  }
  triples.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return triples.flat();
}

function decodePairs(
  flat: readonly number[],
  firstNames: readonly string[],
  secondNames: readonly string[],
  into: Map<string, number>,
): void {
  for (let at = 0; at + 2 < flat.length; at += 3) {
    const first = firstNames[flat[at] as number];
    const second = secondNames[flat[at + 1] as number];
    if (first !== undefined && second !== undefined) {
      into.set(pairKey(first, second), flat[at + 2] as number);
    }
  }
}

export function encodeHistogram(histogram: Histogram): number[] {
  return [...histogram].sort((a, b) => a[0] - b[0]).flat();
}

function decodeHistogram(flat: readonly number[]): Histogram {
  const histogram: Histogram = new Map();
  for (let at = 0; at + 1 < flat.length; at += 2) {
    histogram.set(flat[at] as number, flat[at + 1] as number);
  }
  return histogram;
}
