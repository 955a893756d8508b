import { codeFeatures } from '../batches/code-features.js';
import { COMMIT_TYPES } from '../batches/types.js';
import { categorize } from '../footprint/category.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import { kindOfPaths, normalizeType, OTHER_KIND, refineFileKind } from './commit-kind.js';
import type { MessageFacts } from './commit-message.js';
import type { LoggedCommit } from './log-parser.js';

/** Counts of one file over the learned commits. */
export interface FileCounts {
  /** Commits that changed the file. */
  changes: number;
  /** Of those, commits small enough to count for co-change. */
  coChanges: number;
  fixes: number;
  /** Lines fix commits deleted from the file. */
  fixLines: number;
}

/** A histogram: how many commits had each size. */
export type Histogram = Map<number, number>;

/**
 * Everything a model counts, in a form that adds up: the counts of two disjoint sets of
 * commits merge by addition, so learning new commits into a model equals learning all at once.
 */
export interface ModelCounts {
  commits: number;
  coChangeCommits: number;
  fixCommits: number;
  /** Commits read with paths only, whose hunks and lines are unknown. */
  pathsOnlyCommits: number;
  /** Committer times of the oldest and newest commit, in seconds since the epoch. */
  oldestAt: number | null;
  newestAt: number | null;
  files: Map<string, FileCounts>;
  /** Commits that changed both files, keyed by `pairKey(a, b)`. */
  pairs: Map<string, number>;
  /** Co-change commits that changed a file in the folder. */
  folders: Map<string, number>;
  folderPairs: Map<string, number>;
  sizes: { files: Histogram; hunks: Histogram; lines: Histogram };
  conventionalCommits: number;
  types: Map<string, number>;
  scopes: Map<string, number>;
  /** Commits with a scope that changed a file in a folder, keyed by `pairKey(scope, folder)`. */
  scopeFolders: Map<string, number>;
  /** The newest headers of releases and of commits of one kind of files: see KindHeader. */
  kindTypes: KindHeader[];
  /** Consecutive commits of one author, keyed by `pairKey(from kind, to kind)`. */
  kindTransitions: Map<string, number>;
  /**
   * Conventional commits that change code, read with their lines, keyed by `pairKey(type,
   * feature)` for each feature of codeFeatures, and by `pairKey(type, '')` for all of them.
   */
  codeTypes: Map<string, number>;
}

export function createModelCounts(): ModelCounts {
  return {
    commits: 0,
    coChangeCommits: 0,
    fixCommits: 0,
    pathsOnlyCommits: 0,
    oldestAt: null,
    newestAt: null,
    files: new Map(),
    pairs: new Map(),
    folders: new Map(),
    folderPairs: new Map(),
    sizes: { files: new Map(), hunks: new Map(), lines: new Map() },
    conventionalCommits: 0,
    types: new Map(),
    scopes: new Map(),
    scopeFolders: new Map(),
    kindTypes: [],
    kindTransitions: new Map(),
    codeTypes: new Map(),
  };
}

/** Key of an ordered pair of names; no path, scope or kind contains a NUL. */
export function pairKey(first: string, second: string): string {
  return `${first}\0${second}`;
}

export function splitPairKey(key: string): [string, string] {
  const separator = key.indexOf('\0');
  return [key.slice(0, separator), key.slice(separator + 1)];
}

/** Returns the folder of a path: `src/a` for `src/a/b.ts`, `` for a file at the root. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Adds one commit to the counts. Commits that change more than `coChangeMaxFiles` files
 * (mass renames, formatting, vendored code) count for change and size but not for
 * co-change, where they would tie every file to every other. Provider tokens in paths and
 * scopes are masked (`keys/ghp_********.txt`), because the counts are stored in a fossil.
 */
export function addCommit(
  counts: ModelCounts,
  logged: LoggedCommit,
  loggedFacts: MessageFacts,
  coChangeMaxFiles: number,
): void {
  const commit = maskCommitPaths(logged);
  const scope = loggedFacts.scope === null ? null : maskNameSecrets(loggedFacts.scope);
  const facts = { ...loggedFacts, scope };
  const paths = [...new Set(commit.files.map((file) => file.path))].sort();
  const coChange = paths.length > 0 && paths.length <= coChangeMaxFiles;
  counts.commits += 1;
  if (coChange) counts.coChangeCommits += 1;
  if (facts.fix) counts.fixCommits += 1;
  addTime(counts, commit.committedAt);

  addFiles(counts, commit, facts.fix, coChange);
  if (coChange) addCoChange(counts, paths);
  addSizes(counts, commit, paths.length);
  addMessage(counts, { ...facts, message: commit.message }, paths, commit.committedAt);
  addCodeTypes(counts, commit, facts);
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(COMMIT_TYPES);

/**
 * Counts the type of a conventional commit that changes code by the features of its files.
 * Releases are left out, and so are commits read with paths only, whose features are unknown.
 */
function addCodeTypes(counts: ModelCounts, commit: LoggedCommit, facts: MessageFacts): void {
  if (facts.type === null || facts.release || commit.hunks === null) return;
  const type = normalizeType(facts.type);
  if (!KNOWN_TYPES.has(type)) return;

  const features = codeFeatures(
    commit.files.map((file) => ({
      path: file.path,
      category: categorize(file.path),
      added: file.added === true,
      additions: file.additions ?? 0,
      deletions: file.deletions ?? 0,
    })),
  );
  if (features.length === 0) return;
  increment(counts.codeTypes, pairKey(type, ''));
  for (const feature of features) increment(counts.codeTypes, pairKey(type, feature));
}

function maskCommitPaths(commit: LoggedCommit): LoggedCommit {
  const files = commit.files.map((file) => ({ ...file, path: maskNameSecrets(file.path) }));
  return { ...commit, files };
}

function addTime(counts: ModelCounts, time: number): void {
  if (counts.oldestAt === null || time < counts.oldestAt) counts.oldestAt = time;
  if (counts.newestAt === null || time > counts.newestAt) counts.newestAt = time;
}

function addFiles(counts: ModelCounts, commit: LoggedCommit, fix: boolean, coChange: boolean) {
  const seen = new Set<string>();
  for (const file of commit.files) {
    const entry = counts.files.get(file.path) ?? {
      changes: 0,
      coChanges: 0,
      fixes: 0,
      fixLines: 0,
    };
    if (!seen.has(file.path)) {
      entry.changes += 1;
      if (coChange) entry.coChanges += 1;
      if (fix) entry.fixes += 1;
      seen.add(file.path);
    }
    if (fix) entry.fixLines += file.deletions ?? 0;
    counts.files.set(file.path, entry);
  }
}

/** Counts every pair of the commit's files and of their folders; `paths` is sorted. */
function addCoChange(counts: ModelCounts, paths: readonly string[]): void {
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      increment(counts.pairs, pairKey(paths[i] as string, paths[j] as string));
    }
  }

  const folders = [...new Set(paths.map(folderOf))].sort();
  for (const folder of folders) increment(counts.folders, folder);
  for (let i = 0; i < folders.length; i++) {
    for (let j = i + 1; j < folders.length; j++) {
      increment(counts.folderPairs, pairKey(folders[i] as string, folders[j] as string));
    }
  }
}

function addSizes(counts: ModelCounts, commit: LoggedCommit, fileCount: number): void {
  increment(counts.sizes.files, fileCount);
  if (commit.hunks === null) {
    counts.pathsOnlyCommits += 1;
    return;
  }
  increment(counts.sizes.hunks, commit.hunks);
  const lines = commit.files.reduce(
    (sum, file) => sum + (file.additions ?? 0) + (file.deletions ?? 0),
    0,
  );
  increment(counts.sizes.lines, lines);
}

function addMessage(
  counts: ModelCounts,
  facts: MessageFacts & { message: string },
  paths: readonly string[],
  time: number,
): void {
  if (facts.type === null) return;
  counts.conventionalCommits += 1;
  increment(counts.types, facts.type);
  const kind = facts.release
    ? RELEASE_KIND
    : refineFileKind(kindOfPaths(paths), facts.message, facts.scope);
  if (kind !== OTHER_KIND) {
    const header: KindHeader = [kind, normalizeType(facts.type), facts.scope ?? '', time];
    counts.kindTypes = keepRecentKindTypes([...counts.kindTypes, header]);
  }
  if (facts.scope === null) return;

  increment(counts.scopes, facts.scope);
  for (const folder of new Set(paths.map(folderOf))) {
    increment(counts.scopeFolders, pairKey(facts.scope, folder));
  }
}

/**
 * Commits of each kind whose types a model keeps: the newest, because habits change, as when
 * a project moves from `chore(deps)` to `build(deps)`.
 */
export const RECENT_KIND_COMMITS = 20;

/**
 * The header of one commit of a kind: a release (its description names a version, see
 * readMessageFacts), or a commit whose files are all of one kind (see kindOfPaths). It contains
 * the kind, the type, the scope ('' for none) and the committer time.
 */
export type KindHeader = [kind: string, type: string, scope: string, time: number];

/** The kind of a commit that releases, whatever its files. */
export const RELEASE_KIND = 'release';

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Orders headers by kind, then newest first, then by type and scope, so one order holds. */
export function kindTypeOrder(a: KindHeader, b: KindHeader): number {
  if (a[0] !== b[0]) return compareText(a[0], b[0]);
  if (a[3] !== b[3]) return b[3] - a[3];
  return compareText(a[1], b[1]) || compareText(a[2], b[2]);
}

/** Sorts headers and keeps the RECENT_KIND_COMMITS newest of each kind. */
export function keepRecentKindTypes(entries: readonly KindHeader[]): KindHeader[] {
  const recent: KindHeader[] = [];
  const perKind = new Map<string, number>();
  for (const entry of [...entries].sort(kindTypeOrder)) {
    const count = perKind.get(entry[0]) ?? 0;
    if (count >= RECENT_KIND_COMMITS) continue;
    perKind.set(entry[0], count + 1);
    recent.push(entry);
  }
  return recent;
}
