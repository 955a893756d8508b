import { describeUnreadableObject } from './unreadable-object.js';
import { MAX_SCORE, countCopiedBytes, countSpans, type SpanCounts } from './similarity.js';
import type { FileMode, StagedEntry } from './types.js';

/** Git's default minimum similarity for a rename or copy: 50%. */
export const DEFAULT_MINIMUM_SCORE = MAX_SCORE / 2;

/** Git's default `diff.renameLimit`. */
export const DEFAULT_RENAME_LIMIT = 1000;

/** Candidates kept per destination in the similarity matrix, as in git. */
const CANDIDATES_PER_DESTINATION = 4;

/** Most sources with the destination's blob id that an exact match looks at, as in git. */
const MAX_IDENTICAL_CANDIDATES = 100;

/** Leading bytes searched for a NUL byte to call a blob binary, as git does. */
const BINARY_PROBE_BYTES = 8000;

export interface RenameOptions {
  /** Detection switch: false turns it off, as `diff.renames=false` does. Absent means on. */
  detect?: boolean;
  /** Also detect copies, as `git diff -C` or `diff.renames=copies` does. */
  copies: boolean;
  /** Skips inexact detection when sources x destinations exceed its square; 0 means no limit. */
  renameLimit: number;
  /** Minimum score in units of MAX_SCORE; git's default is half of it. */
  minimumScore?: number;
  /** Scores as git before 2.44 does, which ignores a last line without a newline. */
  ignoreUnterminatedLastLine?: boolean;
}

/** Blob access for rename detection, and the binary decision of `.gitattributes`. */
export interface RenameContentSource {
  readBlob(oid: string): Promise<Buffer>;
  readObjectSize(oid: string): Promise<number>;
  /** Returns true or false when `.gitattributes` decides, null to look at the content. */
  isBinaryByAttributes?(path: string): Promise<boolean | null>;
}

interface RenameSource {
  entry: StagedEntry;
  path: string;
  mode: FileMode;
  oid: string;
  /** Pairs that use this source; a modified file starts at 1 because it stays in place. */
  renameUsed: number;
}

interface RenameDestination {
  entry: StagedEntry;
  path: string;
  mode: FileMode;
  oid: string;
  match: { source: RenameSource; score: number } | null;
}

interface ScoredPair {
  destination: number;
  source: number;
  score: number;
  sameBasename: boolean;
}

/**
 * Pairs deletions (and, for copies, modified files) with additions the way `git diff -M` or
 * `-C` does. Exact blob matches come first. When only renames are wanted, files with the same
 * basename follow at 75% or more, and then the best-scoring pairs of the similarity matrix.
 * `entries` are the changes without renames, sorted by path. The result replaces each paired
 * addition with a rename or copy and drops the deletions it consumed.
 */
export async function detectRenames(
  entries: readonly StagedEntry[],
  content: RenameContentSource,
  options: RenameOptions,
): Promise<StagedEntry[]> {
  if (options.detect === false) return [...entries];

  const sources = collectSources(entries, options.copies);
  const destinations = collectDestinations(entries);
  if (sources.length === 0 || destinations.length === 0) return [...entries];

  const minimumScore = options.minimumScore ?? DEFAULT_MINIMUM_SCORE;
  const similarity = new SimilarityEstimator(
    nameUnreadableObjects(content, entries),
    options.ignoreUnterminatedLastLine ?? false,
  );
  findExactRenames(sources, destinations, options.copies);

  let remaining = options.copies ? sources : sources.filter((source) => source.renameUsed === 0);
  if (!options.copies) {
    const basenameScore = minimumScore + Math.trunc(0.5 * (MAX_SCORE - minimumScore));
    await findBasenameRenames(remaining, destinations, similarity, basenameScore);
    remaining = remaining.filter((source) => source.renameUsed === 0);
  }

  const unmatched = destinations.filter((destination) => destination.match === null);
  if (unmatched.length > 0 && remaining.length > 0) {
    if (!exceedsRenameLimit(unmatched.length, remaining.length, options.renameLimit)) {
      const pairs = await scoreMatrix(remaining, unmatched, similarity, minimumScore);
      recordBestPairs(pairs, remaining, unmatched, minimumScore, false);
      if (options.copies) recordBestPairs(pairs, remaining, unmatched, minimumScore, true);
    }
  }

  return resolvePairs(entries, sources, destinations);
}

function collectSources(entries: readonly StagedEntry[], copies: boolean): RenameSource[] {
  const sources: RenameSource[] = [];
  for (const entry of entries) {
    if (entry.oldMode === null || entry.oldOid === null) continue;

    const isDeletion = entry.status === 'deleted';
    if (!isDeletion && !copies) continue;
    sources.push({
      entry,
      path: entry.path,
      mode: entry.oldMode,
      oid: entry.oldOid,
      renameUsed: isDeletion ? 0 : 1,
    });
  }
  return sources;
}

function collectDestinations(entries: readonly StagedEntry[]): RenameDestination[] {
  const destinations: RenameDestination[] = [];
  for (const entry of entries) {
    if (entry.status !== 'added' || entry.newMode === null || entry.newOid === null) continue;
    destinations.push({
      entry,
      path: entry.path,
      mode: entry.newMode,
      oid: entry.newOid,
      match: null,
    });
  }
  return destinations;
}

function findExactRenames(
  sources: RenameSource[],
  destinations: RenameDestination[],
  copies: boolean,
): void {
  const sourcesByOid = new Map<string, RenameSource[]>();
  for (const source of sources) {
    const sameOid = sourcesByOid.get(source.oid);
    if (sameOid) sameOid.push(source);
    else sourcesByOid.set(source.oid, [source]);
  }

  for (const destination of destinations) {
    const best = pickIdenticalSource(sourcesByOid.get(destination.oid) ?? [], destination, copies);
    if (best) recordPair(destination, best, MAX_SCORE);
  }
}

/** Prefers a source not used yet, then one with the same basename; the first such one wins. */
function pickIdenticalSource(
  candidates: readonly RenameSource[],
  destination: RenameDestination,
  copies: boolean,
): RenameSource | null {
  let best: RenameSource | null = null;
  let bestScore = -1;
  let budget = MAX_IDENTICAL_CANDIDATES;

  for (const source of candidates) {
    const eitherSpecial = !isRegularFile(source.mode) || !isRegularFile(destination.mode);
    if (eitherSpecial && source.mode !== destination.mode) continue;
    if (source.renameUsed > 0 && !copies) continue;

    const score =
      (source.renameUsed === 0 ? 1 : 0) + (hasSameBasename(source.path, destination.path) ? 1 : 0);
    if (score > bestScore) {
      best = source;
      bestScore = score;
      if (score === 2) break;
    }
    budget--;
    if (budget === 0) break;
  }
  return best;
}

/**
 * Matches a source and a destination whose basenames are each unique on their side, when they
 * are similar enough. Git accepts an occasional worse pairing here because it is fast.
 */
async function findBasenameRenames(
  sources: readonly RenameSource[],
  destinations: readonly RenameDestination[],
  similarity: SimilarityEstimator,
  minimumScore: number,
): Promise<void> {
  const sourceByBasename = indexUniqueBasenames(sources.map((source) => source.path));
  const destinationByBasename = indexUniqueBasenames(
    destinations.map((destination) => (destination.match === null ? destination.path : null)),
  );

  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    if (!source) continue;

    const basename = basenameOf(source.path);
    const destinationIndex = destinationByBasename.get(basename);
    if (sourceByBasename.get(basename) !== i || destinationIndex === undefined) continue;

    const destination = destinations[destinationIndex];
    if (!destination || destinationIndex < 0 || destination.match !== null) continue;

    const score = await similarity.estimate(source, destination, minimumScore);
    if (score >= minimumScore) recordPair(destination, source, score);
  }
}

/** Maps each basename to the position of its only path, or to -1 when several paths share it. */
function indexUniqueBasenames(paths: readonly (string | null)[]): Map<string, number> {
  const positions = new Map<string, number>();
  paths.forEach((path, i) => {
    if (path === null) return;
    const basename = basenameOf(path);
    positions.set(basename, positions.has(basename) ? -1 : i);
  });
  return positions;
}

/** Returns true when comparing every pair would cost more than git's rename limit allows. */
function exceedsRenameLimit(destinations: number, sources: number, renameLimit: number): boolean {
  if (renameLimit <= 0) return false;
  return destinations * sources > renameLimit * renameLimit;
}

/**
 * Scores every source against every unmatched destination, keeps the best few per destination
 * and sorts them best first. The sort is stable, so ties keep destination order and then the
 * order in which candidates took their slots, as in git.
 */
async function scoreMatrix(
  sources: readonly RenameSource[],
  destinations: readonly RenameDestination[],
  similarity: SimilarityEstimator,
  minimumScore: number,
): Promise<ScoredPair[]> {
  const pairs: ScoredPair[] = [];
  const sourceBasenames = sources.map((source) => basenameOf(source.path));
  for (let d = 0; d < destinations.length; d++) {
    const destination = destinations[d];
    if (!destination) continue;

    const slots: (ScoredPair | null)[] = new Array<ScoredPair | null>(
      CANDIDATES_PER_DESTINATION,
    ).fill(null);
    const destinationBasename = basenameOf(destination.path);
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s];
      if (!source) continue;

      // Awaiting each of the sources times destinations pairs cost more than scoring them, so
      // the pairs whose blob facts were read already are scored without a promise.
      const score =
        similarity.estimateFromCache(source, destination, minimumScore) ??
        (await similarity.estimate(source, destination, minimumScore));
      const sameBasename = sourceBasenames[s] === destinationBasename;
      keepIfBetter(slots, { destination: d, source: s, score, sameBasename });
    }
    for (const slot of slots) if (slot) pairs.push(slot);
  }
  return pairs.sort(comparePairs);
}

/** Replaces the worst kept candidate (the first of equally bad ones) when `pair` beats it. */
function keepIfBetter(slots: (ScoredPair | null)[], pair: ScoredPair): void {
  let worst = 0;
  for (let i = 1; i < slots.length; i++) {
    if (compareSlots(slots[i] ?? null, slots[worst] ?? null) > 0) worst = i;
  }
  if (compareSlots(slots[worst] ?? null, pair) > 0) slots[worst] = pair;
}

/** Orders candidates best first, with empty slots last. */
function compareSlots(a: ScoredPair | null, b: ScoredPair | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return comparePairs(a, b);
}

function comparePairs(a: ScoredPair, b: ScoredPair): number {
  if (a.score !== b.score) return b.score - a.score;
  return Number(b.sameBasename) - Number(a.sameBasename);
}

/** Takes pairs best first; a rename pass skips sources already used, a copy pass reuses them. */
function recordBestPairs(
  pairs: readonly ScoredPair[],
  sources: readonly RenameSource[],
  destinations: readonly RenameDestination[],
  minimumScore: number,
  copies: boolean,
): void {
  for (const pair of pairs) {
    if (pair.score < minimumScore) break;

    const destination = destinations[pair.destination];
    const source = sources[pair.source];
    if (!destination || !source || destination.match !== null) continue;
    if (!copies && source.renameUsed > 0) continue;
    recordPair(destination, source, pair.score);
  }
}

function recordPair(destination: RenameDestination, source: RenameSource, score: number): void {
  destination.match = { source, score };
  source.renameUsed++;
}

/**
 * Builds the result in the original order: a paired addition becomes a rename or copy, a
 * deletion used by a pair disappears. A source's pairs are copies except the last one, which
 * is a rename when the source was deleted.
 */
function resolvePairs(
  entries: readonly StagedEntry[],
  sources: readonly RenameSource[],
  destinations: readonly RenameDestination[],
): StagedEntry[] {
  const sourceByEntry = new Map(sources.map((source) => [source.entry, source]));
  const destinationByEntry = new Map(
    destinations.map((destination) => [destination.entry, destination]),
  );
  const output: { entry: StagedEntry; match: RenameDestination['match'] }[] = [];

  for (const entry of entries) {
    const source = sourceByEntry.get(entry);
    if (entry.status === 'deleted' && source && source.renameUsed > 0) continue;
    output.push({ entry, match: destinationByEntry.get(entry)?.match ?? null });
  }

  // Statuses are decided only after every consumed deletion is dropped, as git does.
  return output.map(({ entry, match }) =>
    match ? pairEntry(match.source, entry, match.score) : entry,
  );
}

function pairEntry(source: RenameSource, destination: StagedEntry, score: number): StagedEntry {
  source.renameUsed--;
  return {
    path: destination.path,
    oldPath: source.path,
    status: source.renameUsed > 0 ? 'copied' : 'renamed',
    oldMode: source.mode,
    newMode: destination.newMode,
    oldOid: source.oid,
    newOid: destination.newOid,
    similarity: Math.floor((score * 100) / MAX_SCORE),
  };
}

/** Estimates similarity scores, reading each blob's size and spans at most once. */
class SimilarityEstimator {
  private readonly sizes = new Map<string, number>();
  private readonly spans = new Map<string, SpanCounts>();

  constructor(
    private readonly content: RenameContentSource,
    private readonly ignoreUnterminatedLastLine: boolean,
  ) {}

  /**
   * Returns the share of the larger file's bytes found in the other, in units of MAX_SCORE, or
   * 0 when either side is not a regular file or their sizes alone rule out `minimumScore`.
   */
  async estimate(
    source: RenameSource,
    destination: RenameDestination,
    minimumScore: number,
  ): Promise<number> {
    if (!isRegularFile(source.mode) || !isRegularFile(destination.mode)) return 0;

    const sourceSize = await this.size(source.oid);
    const destinationSize = await this.size(destination.oid);
    const maxSize = Math.max(sourceSize, destinationSize);
    const sizeDelta = maxSize - Math.min(sourceSize, destinationSize);
    if (maxSize * (MAX_SCORE - minimumScore) < sizeDelta * MAX_SCORE) return 0;
    if (destinationSize === 0) return 0;

    const sourceSpans = await this.spansOf(source.oid, source.path);
    const destinationSpans = await this.spansOf(destination.oid, destination.path);
    const copied = countCopiedBytes(sourceSpans, destinationSpans);
    return Math.floor((copied * MAX_SCORE) / maxSize);
  }

  /**
   * Returns what estimate returns when the sizes, and the spans where the sizes allow a match,
   * were read already, or undefined when a blob still has to be read.
   */
  estimateFromCache(
    source: RenameSource,
    destination: RenameDestination,
    minimumScore: number,
  ): number | undefined {
    if (!isRegularFile(source.mode) || !isRegularFile(destination.mode)) return 0;

    const sourceSize = this.sizes.get(source.oid);
    const destinationSize = this.sizes.get(destination.oid);
    if (sourceSize === undefined || destinationSize === undefined) return undefined;
    const maxSize = Math.max(sourceSize, destinationSize);
    const sizeDelta = maxSize - Math.min(sourceSize, destinationSize);
    if (maxSize * (MAX_SCORE - minimumScore) < sizeDelta * MAX_SCORE) return 0;
    if (destinationSize === 0) return 0;

    const sourceSpans = this.spans.get(source.oid);
    const destinationSpans = this.spans.get(destination.oid);
    if (sourceSpans === undefined || destinationSpans === undefined) return undefined;
    const copied = countCopiedBytes(sourceSpans, destinationSpans);
    return Math.floor((copied * MAX_SCORE) / maxSize);
  }

  private async size(oid: string): Promise<number> {
    let size = this.sizes.get(oid);
    if (size === undefined) {
      size = await this.content.readObjectSize(oid);
      this.sizes.set(oid, size);
    }
    return size;
  }

  // NOTE: spans are cached per blob id, so the binary decision of the first path read wins
  // when `.gitattributes` treats two paths with the same content differently.
  private async spansOf(oid: string, path: string): Promise<SpanCounts> {
    let spans = this.spans.get(oid);
    if (spans === undefined) {
      const blob = await this.content.readBlob(oid);
      const binary = (await this.content.isBinaryByAttributes?.(path)) ?? hasNulByte(blob);
      spans = countSpans(blob, !binary, this.ignoreUnterminatedLastLine);
      this.spans.set(oid, spans);
    }
    return spans;
  }
}

/** Wraps `content` so that a missing or damaged blob fails with the path that names it. */
function nameUnreadableObjects(
  content: RenameContentSource,
  entries: readonly StagedEntry[],
): RenameContentSource {
  const rethrow = (error: unknown): never => {
    throw describeUnreadableObject(error, entries) ?? error;
  };
  const named: RenameContentSource = {
    readBlob: (oid) => content.readBlob(oid).catch(rethrow),
    readObjectSize: (oid) => content.readObjectSize(oid).catch(rethrow),
  };
  if (content.isBinaryByAttributes) {
    named.isBinaryByAttributes = content.isBinaryByAttributes.bind(content);
  }
  return named;
}

function hasNulByte(blob: Buffer): boolean {
  return blob.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

function isRegularFile(mode: FileMode): boolean {
  return mode === '100644' || mode === '100755';
}

function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Returns true when both paths end in the same file name, as git's rename scoring compares. */
function hasSameBasename(a: string, b: string): boolean {
  return basenameOf(a) === basenameOf(b);
}

/**
 * Reads `diff.renames` and `diff.renameLimit` as `git diff` does (git 2.39). Unset or a bare
 * key means renames, `copies` or `copy` in any case adds copies, and other values are read
 * as a boolean, so `false` leaves a moved file as a deletion and an addition. Throws a
 * UserError for a value that is no boolean either, which git also rejects.
 */
export function renameOptionsFromConfig(config: {
  get(key: string): string | null | undefined;
  getBool(key: string): boolean | undefined;
  getInt(key: string): number | undefined;
}): RenameOptions {
  const renames = config.get('diff.renames')?.toLowerCase();
  const copies = renames === 'copies' || renames === 'copy';
  return {
    detect: copies || (config.getBool('diff.renames') ?? true),
    copies,
    renameLimit: config.getInt('diff.renameLimit') ?? DEFAULT_RENAME_LIMIT,
  };
}
