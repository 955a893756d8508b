import type { FileMode, StagedEntry } from '../git/types.js';
import { createDebug } from '../log/debug.js';
import { binaryFromAttributes, hasBinaryContent } from './binary.js';
import type { BlobSource } from './blob-source.js';
import { categorize } from './category.js';
import { computeHunks, replaceAllHunks, type HunkDiff } from './hunks.js';
import { detectLanguage } from './language.js';
import { parseLfsPointer } from './lfs.js';
import { findAddedPrintableRuns, findAddedTextLines, MAX_SCAN_BYTES } from './opaque-lines.js';
import type { FileChange, FileContent, OpaqueReason, ScanLine } from './types.js';

const debug = createDebug('footprint');

const GITLINK: FileMode = '160000';
const SYMLINK: FileMode = '120000';
/** Bytes of the staged text searched for a generated-code header. */
const HEADER_BYTES = 1024;
const EMPTY = Buffer.alloc(0);

export interface FileChangeOptions {
  /** Entries with a blob larger than this many bytes on either side are not read. */
  maxDiffBytes: number;
  maxEditLength?: number;
}

export interface BuiltFileChange {
  file: FileChange;
  content: FileContent;
  /**
   * Finds the added lines of a blob too large to diff, for the secret rules. The caller runs
   * these one at a time, so that their lines stay within one budget for the whole change.
   */
  scanLater?: (budget: ScanBudget) => Promise<void>;
}

/** The bytes of too-large blobs that a change may still scan without a diff. */
export interface ScanBudget {
  bytesLeft: number;
}

/** One side of an entry: HEAD's or the index's. */
interface EntrySide {
  kind: 'absent' | 'blob' | 'gitlink';
  mode: FileMode | null;
  oid: string | null;
  /** Blob size in bytes; null for an absent side or a gitlink, which has no blob here. */
  size: number | null;
}

/** Facts about an entry's content, as far as it was read. */
interface ContentFacts {
  binary: boolean;
  lfs: boolean;
  diff: HunkDiff | null;
  oldText: string | null;
  newText: string | null;
  textStart?: string;
  /** Both sides' bytes, kept for binary content only, so its printable runs can be scanned. */
  binarySides?: { oldContent: Buffer | null; newContent: Buffer };
}

/**
 * Builds the footprint entry of one staged path. Blobs are read only when both sides are within
 * `maxDiffBytes`; a gitlink is never read, since its commit lives in another repository.
 */
export async function buildFileChange(
  entry: StagedEntry,
  source: BlobSource,
  options: FileChangeOptions,
): Promise<BuiltFileChange> {
  const hasBlob = [entry.oldMode, entry.newMode].some((mode) => mode !== null && mode !== GITLINK);
  const [oldSide, newSide, attributes] = await Promise.all([
    readSide(source, entry.oldMode, entry.oldOid),
    readSide(source, entry.newMode, entry.newOid),
    hasBlob ? source.readAttributes(entry.path) : Promise.resolve<Record<string, string>>({}),
  ]);
  const tooLarge = [oldSide, newSide].some(
    (side) => side.size !== null && side.size > options.maxDiffBytes,
  );

  const forcedBinary = binaryFromAttributes(attributes);
  const facts = tooLarge
    ? tooLargeFacts(forcedBinary)
    : await readContentFacts(entry, oldSide, newSide, forcedBinary, source, options);

  const stagedSide = entry.status === 'deleted' ? oldSide : newSide;
  const file = assembleFileChange(entry, oldSide, stagedSide, facts, {
    opaque: chooseOpaqueReason([oldSide, newSide], tooLarge, facts),
    category: categorizeEntry(entry.path, attributes, facts),
  });

  const content: FileContent = {
    oldText: file.opaque === undefined ? facts.oldText : null,
    newText: file.opaque === undefined ? facts.newText : null,
    hunks: facts.diff?.texts ?? [],
  };
  if (entry.status !== 'deleted' && newSide.kind === 'blob') {
    const sides = { oldSide, newSide, source, facts };
    if (tooLarge) {
      const scanLater = (budget: ScanBudget) =>
        scanTooLargeBlob(file, content, sides, forcedBinary, budget);
      return { file, content, scanLater };
    }
    await addOpaqueLines(content, file.opaque, sides);
  }
  return { file, content };
}

/**
 * Finds the added lines of a blob over maxDiffBytes while the change's scan budget has room,
 * and marks it unscanned otherwise. The lines take about eight times the blob's size in memory.
 */
async function scanTooLargeBlob(
  file: FileChange,
  content: FileContent,
  sides: Parameters<typeof addOpaqueLines>[2],
  forcedBinary: boolean | null,
  budget: ScanBudget,
): Promise<void> {
  const size = sides.newSide.size ?? 0;
  if (size > MAX_SCAN_BYTES) {
    content.unscanned = 'blob-size';
    return;
  }
  if (size > budget.bytesLeft) {
    content.unscanned = 'change-size';
    // The blob is read and dropped, because whether it is binary shows only in its bytes.
    const bytes = await readSideContent(sides.source, sides.newSide);
    if (forcedBinary === null && hasBinaryContent(bytes)) file.binary = true;
    return;
  }

  budget.bytesLeft -= size;
  const scannedBinary = await addOpaqueLines(content, file.opaque, sides);
  // A blob over maxDiffBytes is not diffed, and whether it is binary shows only here.
  if (forcedBinary === null && scannedBinary) file.binary = true;
}

/**
 * Finds the added lines of a staged binary or too-large blob without a diff, so a secret in
 * it is still found. A blob over MAX_SCAN_BYTES is marked unscanned instead. Returns true when
 * the staged blob it read is binary, false when it is text, and null when it read none.
 */
async function addOpaqueLines(
  content: FileContent,
  opaque: OpaqueReason | undefined,
  sides: { oldSide: EntrySide; newSide: EntrySide; source: BlobSource; facts: ContentFacts },
): Promise<boolean | null> {
  const { oldSide, newSide, source, facts } = sides;
  if (opaque !== 'too-large' && opaque !== 'binary') return null;
  if ((newSide.size ?? 0) > MAX_SCAN_BYTES) {
    content.unscanned = 'blob-size';
    return null;
  }

  let lines: ScanLine[];
  let binary: boolean | null = null;
  if (facts.binarySides !== undefined) {
    lines = findAddedPrintableRuns(facts.binarySides.oldContent, facts.binarySides.newContent);
  } else {
    const newContent = await readSideContent(source, newSide);
    const readOld = oldSide.kind === 'blob' && (oldSide.size ?? 0) <= MAX_SCAN_BYTES;
    const oldContent = readOld ? await readSideContent(source, oldSide) : null;
    binary = hasBinaryContent(newContent);
    lines = binary
      ? findAddedPrintableRuns(oldContent, newContent)
      : findAddedTextLines(oldContent, newContent);
  }
  if (lines.length > 0) content.opaqueLines = lines;
  return binary;
}

async function readSide(
  source: BlobSource,
  mode: FileMode | null,
  oid: string | null,
): Promise<EntrySide> {
  if (mode === null || oid === null) return { kind: 'absent', mode, oid, size: null };
  if (mode === GITLINK) return { kind: 'gitlink', mode, oid, size: null };
  return { kind: 'blob', mode, oid, size: await source.readSize(oid) };
}

/** Returns a side's content as git diffs it: a gitlink is the line `Subproject commit <oid>`. */
async function readSideContent(source: BlobSource, side: EntrySide): Promise<Buffer> {
  if (side.kind === 'gitlink') return Buffer.from(`Subproject commit ${side.oid}\n`);
  if (side.kind === 'blob' && side.oid !== null) return source.readBlob(side.oid);
  return EMPTY;
}

// NOTE: a file over the limit reports 0 additions and deletions, where git would count them.
function tooLargeFacts(forcedBinary: boolean | null): ContentFacts {
  return { binary: forcedBinary ?? false, lfs: false, diff: null, oldText: null, newText: null };
}

async function readContentFacts(
  entry: StagedEntry,
  oldSide: EntrySide,
  newSide: EntrySide,
  forcedBinary: boolean | null,
  source: BlobSource,
  options: FileChangeOptions,
): Promise<ContentFacts> {
  const [oldContent, newContent] = await Promise.all([
    readSideContent(source, oldSide),
    readSideContent(source, newSide),
  ]);
  const binary =
    forcedBinary ??
    ((oldSide.kind === 'blob' && hasBinaryContent(oldContent)) ||
      (newSide.kind === 'blob' && hasBinaryContent(newContent)));

  const stagedContent = entry.status === 'deleted' ? oldContent : newContent;
  const stagedKind = entry.status === 'deleted' ? oldSide.kind : newSide.kind;
  const facts: ContentFacts = {
    binary,
    lfs: stagedKind === 'blob' && parseLfsPointer(stagedContent) !== null,
    diff: null,
    oldText: oldSide.kind === 'blob' && !binary ? oldContent.toString('utf8') : null,
    newText: newSide.kind === 'blob' && !binary ? newContent.toString('utf8') : null,
  };
  if (binary) {
    if (newSide.kind === 'blob') {
      facts.binarySides = {
        oldContent: oldSide.kind === 'blob' ? oldContent : null,
        newContent,
      };
    }
    return facts;
  }

  facts.textStart = stagedContent.subarray(0, HEADER_BYTES).toString('utf8');
  facts.diff = diffSides(entry, oldContent, newContent, options);
  return facts;
}

/**
 * Diffs the two sides. git prints a type change (file to symlink, say) as a deletion followed
 * by an addition. The footprint keeps it as one hunk that replaces every line, because no
 * commit can take half of a type change. The line counts equal git's.
 */
function diffSides(
  entry: StagedEntry,
  oldContent: Buffer,
  newContent: Buffer,
  options: FileChangeOptions,
): HunkDiff {
  if (entry.status === 'type-changed') return replaceAllHunks(oldContent, newContent);

  const diff = computeHunks(
    oldContent,
    newContent,
    options.maxEditLength === undefined ? {} : { maxEditLength: options.maxEditLength },
  );
  if (!diff.exact) {
    debug(`${entry.path}: edit budget exceeded, hunks cut at unique lines can exceed git's`);
  }
  return diff;
}

function chooseOpaqueReason(
  sides: EntrySide[],
  tooLarge: boolean,
  facts: ContentFacts,
): OpaqueReason | undefined {
  if (sides.some((side) => side.kind === 'gitlink')) return 'gitlink';
  if (tooLarge) return 'too-large';
  if (facts.binary) return 'binary';
  if (facts.lfs) return 'lfs-pointer';
  return undefined;
}

function categorizeEntry(
  path: string,
  attributes: Readonly<Record<string, string>>,
  facts: ContentFacts,
): FileChange['category'] {
  const linguistGenerated = attributeFlag(attributes['linguist-generated']);
  return categorize(path, {
    ...(linguistGenerated === undefined ? {} : { linguistGenerated }),
    ...(facts.textStart === undefined ? {} : { textStart: facts.textStart }),
  });
}

/** Reads a set/unset attribute: true when set, false when unset or `false`, else undefined. */
function attributeFlag(value: string | undefined): boolean | undefined {
  if (value === 'set' || value === 'true') return true;
  if (value === 'unset' || value === 'false') return false;
  return undefined;
}

function assembleFileChange(
  entry: StagedEntry,
  oldSide: EntrySide,
  stagedSide: EntrySide,
  facts: ContentFacts,
  derived: { opaque: OpaqueReason | undefined; category: FileChange['category'] },
): FileChange {
  const symlink = stagedSide.mode === SYMLINK;
  return {
    path: entry.path,
    ...(entry.oldPath === undefined ? {} : { oldPath: entry.oldPath }),
    status: entry.status,
    oldMode: entry.oldMode,
    newMode: entry.newMode,
    oldOid: entry.oldOid,
    newOid: entry.newOid,
    ...(entry.similarity === undefined ? {} : { similarity: entry.similarity }),
    size: stagedSide.size ?? 0,
    oldSize: oldSide.size,
    binary: facts.binary,
    lfs: facts.lfs,
    symlink,
    ...(derived.opaque === undefined ? {} : { opaque: derived.opaque }),
    category: derived.category,
    language: symlink || stagedSide.kind === 'gitlink' ? null : detectLanguage(entry.path),
    additions: facts.diff?.additions ?? 0,
    deletions: facts.diff?.deletions ?? 0,
    hunks: facts.diff?.hunks ?? [],
  };
}
