import { createCodeTypeClassifier } from './code-types.js';
import { OTHER_KIND } from './commit-kind.js';
import { orderKinds } from './kind-order.js';
import { chooseBatchType, chooseKindScope, kindOfBatch } from './kind-types.js';
import { folderOf } from './model-counts.js';
import type { ModelDigest, ModelPayload } from './model-payload.js';
import type { CoChangeStats, HotspotStats, KindTransition, Model } from './model-types.js';
import { deriveSizeTargets } from './size-targets.js';

/** Commits a model needs before it tells whether the repository uses Conventional Commits. */
export const MIN_COMMITS_FOR_CONVENTION = 5;
/** Share of conventional headers from which the repository counts as using Conventional Commits. */
const CONVENTIONAL_SHARE = 0.5;
/** A scope used once may be a typo; the vocabulary takes scopes used at least this often. */
const MIN_SCOPE_USES = 2;
/** scopeFor names a scope only when it covers at least this share of the paths. */
const SCOPE_MAJORITY = 0.5;
/** Share of conventional headers with a scope below which the repository writes none. */
const SCOPED_SHARE = 0.2;

const FILE_FIELDS = 5;

/**
 * Wraps a model payload in the read interface. It reads the digest only, and builds each
 * index on first use, so a caller that asks one question pays for that question only.
 */
export function createModel(payload: ModelPayload): Model {
  const { digest } = payload;
  const pathIndex = lazy(() => indexNames(digest.paths));
  const folderIndex = lazy(() => indexNames(digest.folders));
  const scopesOfFolder = lazy(() => indexScopeFolders(digest));
  const transitions = readTransitions(digest);
  const codeTypes = lazy(() => createCodeTypeClassifier(digest.messages.codeTypes ?? []));
  const filesOf = (index: number) => fileField(digest, index, 1);
  const foldersOf = (index: number) => digest.folderCommits[index] ?? 0;
  const total = payload.coChangeCommits;

  return {
    head: payload.head,
    commits: payload.commits,
    coChange: (a, b) => lookupPair(digest.pairs, pathIndex(), a, b, filesOf, total),
    folderCoChange: (a, b) => lookupPair(digest.folderPairs, folderIndex(), a, b, foldersOf, total),
    hotspot: (path) => readHotspot(digest, pathIndex().get(path)),
    scopes: rankNames(digest.messages.scopes, MIN_SCOPE_USES),
    scopeFor: (paths) => chooseScope(paths, folderIndex(), scopesOfFolder(), digest),
    scopeUseFor: (paths, scope) => ({
      share: shareOfScope(paths, scope, folderIndex(), scopesOfFolder(), digest),
      commits: digest.messages.scopes.find(([name]) => name === scope)?.[1] ?? 0,
    }),
    usesScopes: usesScopes(digest),
    usesConventionalCommits:
      payload.commits >= MIN_COMMITS_FOR_CONVENTION &&
      digest.messages.conventional >= CONVENTIONAL_SHARE * payload.commits,
    commitTypes: rankNames(digest.messages.types, 1),
    typeFor: (paths, release = false, bumpsActions = false) => {
      const kind = kindOfBatch(paths, release, bumpsActions);
      return kind === null ? null : chooseBatchType(kind, digest.messages.kindTypes ?? []);
    },
    kindScopeFor: (paths, release = false, bumpsActions = false) => {
      const kind = kindOfBatch(paths, release, bumpsActions);
      return kind === null ? null : chooseKindScope(kind, digest.messages.kindTypes ?? []);
    },
    codeTypeFor: (features) => codeTypes()(features),
    sizeTargets: deriveSizeTargets(digest.sizes),
    kindOrder: orderKinds(transitions),
    kindTransitions: transitions,
  };
}

/**
 * Returns false when the repository's conventional headers rarely have a scope, true when
 * they often do, and null for too few conventional commits to tell.
 */
function usesScopes(digest: ModelDigest): boolean | null {
  const conventional = digest.messages.conventional;
  if (conventional < MIN_COMMITS_FOR_CONVENTION) return null;
  const scoped = digest.messages.scopes.reduce((sum, [, commits]) => sum + commits, 0);
  return scoped >= SCOPED_SHARE * conventional;
}

function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

function indexNames(names: readonly string[]): Map<string, number> {
  return new Map(names.map((name, index) => [name, index]));
}

function fileField(digest: ModelDigest, index: number, field: number): number {
  return digest.files[index * FILE_FIELDS + field] ?? 0;
}

function lookupPair(
  flat: readonly number[],
  index: Map<string, number>,
  a: string,
  b: string,
  commitsOf: (index: number) => number,
  total: number,
): CoChangeStats | null {
  const first = index.get(a);
  const second = index.get(b);
  if (first === undefined || second === undefined || first === second) return null;

  const support = findTriple(flat, Math.min(first, second), Math.max(first, second));
  if (support === 0) return null;
  const commitsA = commitsOf(first);
  const commitsB = commitsOf(second);
  return {
    support,
    confidence: round(support / commitsA),
    lift: round((support * total) / (commitsA * commitsB)),
  };
}

/** Binary search in index, index, count triples sorted by the two indexes; 0 when absent. */
function findTriple(flat: readonly number[], first: number, second: number): number {
  let low = 0;
  let high = Math.floor(flat.length / 3);
  while (low < high) {
    const middle = (low + high) >>> 1;
    const at = middle * 3;
    const order = (flat[at] as number) - first || (flat[at + 1] as number) - second;
    if (order === 0) return flat[at + 2] as number;
    if (order < 0) low = middle + 1;
    else high = middle;
  }
  return 0;
}

function readHotspot(digest: ModelDigest, index: number | undefined): HotspotStats | null {
  if (index === undefined) return null;
  return {
    changes: fileField(digest, index, 0),
    fixes: fileField(digest, index, 2),
    fixLines: fileField(digest, index, 3),
    score: fileField(digest, index, 4) / 1000,
  };
}

/** Names used at least `minimum` times, most used first, then by name. */
function rankNames(entries: ReadonlyArray<[string, number]>, minimum: number): string[] {
  return entries
    .filter(([, count]) => count >= minimum)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name]) => name);
}

function readTransitions(digest: ModelDigest): KindTransition[] {
  const { names, transitions } = digest.kinds;
  const list: KindTransition[] = [];
  for (let at = 0; at + 2 < transitions.length; at += 3) {
    const from = names[transitions[at] as number] ?? OTHER_KIND;
    const to = names[transitions[at + 1] as number] ?? OTHER_KIND;
    list.push({ from, to, count: transitions[at + 2] as number });
  }
  return list.sort((a, b) => b.count - a.count || (a.from + a.to < b.from + b.to ? -1 : 1));
}

/** Per folder index: [scope index, commits] of the scopes used for changes in that folder. */
function indexScopeFolders(digest: ModelDigest): Map<number, Array<[number, number]>> {
  const index = new Map<number, Array<[number, number]>>();
  const flat = digest.messages.scopeFolders;
  for (let at = 0; at + 2 < flat.length; at += 3) {
    const folder = flat[at + 1] as number;
    const list = index.get(folder) ?? [];
    list.push([flat[at] as number, flat[at + 2] as number]);
    index.set(folder, list);
  }
  return index;
}

/**
 * Chooses the scope the repository's commits used for these paths. Each path looks at its
 * folder, or the nearest ancestor folder with scoped commits (the root only for files at the
 * root), and votes for each scope used there with that scope's share of the folder's commits.
 * The winner needs SCOPE_MAJORITY of the paths' votes, which no other scope may reach, and
 * MIN_SCOPE_USES uses in all.
 */
function chooseScope(
  paths: readonly string[],
  folderIndex: Map<string, number>,
  scopesOfFolder: Map<number, Array<[number, number]>>,
  digest: ModelDigest,
): string | null {
  if (paths.length === 0) return null;
  const votes = new Map<number, number>();
  for (const path of paths) {
    const found = nearestScopes(folderOf(path), folderIndex, scopesOfFolder);
    if (found === null) continue;
    const scoped = found.scopes.reduce((sum, [, commits]) => sum + commits, 0);
    const commits = Math.max(digest.folderCommits[found.folder] ?? 0, scoped);
    for (const [scope, uses] of found.scopes) {
      votes.set(scope, (votes.get(scope) ?? 0) + uses / commits);
    }
  }

  // Two scopes that each reach the share, as on half the paths each, name neither half alone.
  const reaching = [...votes].filter(([, vote]) => vote >= SCOPE_MAJORITY * paths.length);
  if (reaching.length !== 1) return null;
  const [scope] = reaching[0] as [number, number];
  const [name, uses] = digest.messages.scopes[scope] ?? ['', 0];
  return uses >= MIN_SCOPE_USES ? name : null;
}

/**
 * Returns the share of commits whose header names `scope` in the nearest folder at or above
 * each path's folder with scoped commits, averaged over the paths that have one, or null when
 * none has. The root counts only for files at the root, as in chooseScope.
 */
function shareOfScope(
  paths: readonly string[],
  scope: string,
  folderIndex: Map<string, number>,
  scopesOfFolder: Map<number, Array<[number, number]>>,
  digest: ModelDigest,
): number | null {
  const scopeIndex = digest.messages.scopes.findIndex(([name]) => name === scope);
  const shares: number[] = [];
  for (const path of paths) {
    const found = nearestScopes(folderOf(path), folderIndex, scopesOfFolder);
    if (found === null) continue;
    const scopes = found.scopes;
    const scoped = scopes.reduce((sum, [, commits]) => sum + commits, 0);
    const commits = Math.max(digest.folderCommits[found.folder] ?? 0, scoped);
    const uses = scopes.find(([index]) => index === scopeIndex)?.[1] ?? 0;
    shares.push(commits === 0 ? 0 : uses / commits);
  }
  if (shares.length === 0) return null;
  return shares.reduce((sum, share) => sum + share, 0) / shares.length;
}

/** Returns the nearest folder at or above `folder` with scoped commits, and their scopes. */
function nearestScopes(
  folder: string,
  folderIndex: Map<string, number>,
  scopesOfFolder: Map<number, Array<[number, number]>>,
): { folder: number; scopes: Array<[number, number]> } | null {
  let current = folder;
  for (;;) {
    const index = folderIndex.get(current);
    const scopes = index === undefined ? undefined : scopesOfFolder.get(index);
    if (index !== undefined && scopes !== undefined) return { folder: index, scopes };
    // A scope used for root files (a manifest, a lockfile) tells nothing about deeper folders.
    const parent = folderOf(current);
    if (current === '' || parent === '') return null;
    current = parent;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
