import { copyBytes, hexText, indexOfByte, latin1Text } from './buffer-text.js';
import type { IndexEntry, IndexEntryFlags } from './index-file.js';
import { decodeGitPath, encodeGitPath } from './path-bytes.js';

const STAT_LENGTH = 40; // ctime, mtime, dev, ino, mode, uid, gid, size: ten 32-bit fields
const FLAG_ASSUME_VALID = 0x8000;
const FLAG_EXTENDED = 0x4000;
const STAGE_MASK = 0x3000;
const EXTENDED_SKIP_WORKTREE = 0x4000;
const EXTENDED_INTENT_TO_ADD = 0x2000;

/** Shared flag objects, one per combination, so most entries allocate none. */
const FLAG_OBJECTS: readonly IndexEntryFlags[] = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze({
    assumeValid: (bits & 1) !== 0,
    intentToAdd: (bits & 2) !== 0,
    skipWorktree: (bits & 4) !== 0,
  }),
);

/**
 * Reads a big-endian 32-bit unsigned integer. Buffer's readUInt32BE validates its offset in
 * JavaScript on each call, and the tree writer reads a mode per staged file. The parser has
 * already checked that every entry lies inside the buffer.
 */
function uint32At(bytes: Buffer, at: number): number {
  return (
    (bytes[at] as number) * 0x1000000 +
    (((bytes[at + 1] as number) << 16) |
      ((bytes[at + 2] as number) << 8) |
      (bytes[at + 3] as number))
  );
}

/** Reads a big-endian 16-bit unsigned integer; see uint32At. */
function uint16At(bytes: Buffer, at: number): number {
  return ((bytes[at] as number) << 8) | (bytes[at + 1] as number);
}

/** Where the entries of an index sit in its bytes, as the parser found them. */
export interface EntryLayout {
  buffer: Buffer;
  /** 20 for SHA-1, 32 for SHA-256. */
  hashLength: number;
  /** Byte offset of each entry, in index order. */
  starts: Uint32Array;
  /** Byte offset of each entry's name. */
  nameStarts: Uint32Array;
  /** Byte offset just after each entry's name. */
  nameEnds: Uint32Array;
  /** Paths decoded while parsing (version 4, where each path builds on the last), or null. */
  paths: string[] | null;
  /** Every entry's 16-bit flags ORed together: any stage or extended flags show in it. */
  flagsSeen: number;
}

/**
 * The entries of a parsed index by position. Nothing is decoded until requested, because the
 * reader skips unchanged folders through the cache tree. A commit in a large repository then
 * decodes a few hundred of its paths instead of every one, and no object is made per entry.
 */
export class IndexEntryTable {
  readonly length: number;
  private readonly decoded = new Map<number, string>();
  /** Bytes holding every name: the index itself, or for version 4 the decoded paths re-encoded. */
  private readonly names: Buffer;
  private readonly nameStarts: Uint32Array;
  private readonly nameEnds: Uint32Array;

  constructor(private readonly layout: EntryLayout) {
    this.length = layout.starts.length;
    if (layout.paths === null) {
      this.names = layout.buffer;
      this.nameStarts = layout.nameStarts;
      this.nameEnds = layout.nameEnds;
    } else {
      // A version 4 name builds on the previous one, so its bytes are not in the index as such.
      const encoded = layout.paths.map(encodeGitPath);
      this.names = Buffer.concat(encoded);
      this.nameStarts = new Uint32Array(this.length);
      this.nameEnds = new Uint32Array(this.length);
      let offset = 0;
      for (const [position, name] of encoded.entries()) {
        this.nameStarts[position] = offset;
        offset += name.length;
        this.nameEnds[position] = offset;
      }
    }
  }

  /** Returns the byte length of the name of the entry at `position`. */
  nameLength(position: number): number {
    return (this.nameEnds[position] as number) - (this.nameStarts[position] as number);
  }

  /**
   * Returns the byte offset, within the name of the entry at `position`, of its first `/` at
   * or after byte `from`, or -1 when it has none there.
   */
  slashAfter(position: number, from: number): number {
    const start = this.nameStarts[position] as number;
    const end = this.nameEnds[position] as number;
    if (start + from >= end) return -1;
    // indexOf runs in C++ and may look past the name, which the bound check below discards.
    const slash = indexOfByte(this.names, 0x2f, start + from);
    return slash === -1 || slash >= end ? -1 : slash - start;
  }

  /** Returns byte `offset` of the name of the entry at `position`, or -1 past its end. */
  nameByteAt(position: number, offset: number): number {
    const start = this.nameStarts[position] as number;
    if (start + offset >= (this.nameEnds[position] as number)) return -1;
    return this.names[start + offset] as number;
  }

  /** Decodes bytes `from` to `to` (default: the end) of the name of the entry at `position`. */
  nameText(position: number, from: number, to = this.nameLength(position)): string {
    const start = this.nameStarts[position] as number;
    return decodeGitPath(this.names, start + from, start + to);
  }

  /**
   * Returns bytes `from` to `to` of the name at `position` as Latin-1 text, one character per
   * byte: a key that compares names byte for byte without decoding them.
   */
  nameKey(position: number, from: number, to: number): string {
    const start = this.nameStarts[position] as number;
    return latin1Text(this.names, start + from, start + to);
  }

  /** Returns true when the entries at `first` and `second` have the same path. */
  samePath(first: number, second: number): boolean {
    const length = this.nameLength(first);
    return length === this.nameLength(second) && this.sharePrefix(first, second, length);
  }

  /** Returns true when the names at `first` and `second` share their first `length` bytes. */
  sharePrefix(first: number, second: number, length: number): boolean {
    if (this.nameLength(first) < length || this.nameLength(second) < length) return false;
    const firstStart = this.nameStarts[first] as number;
    const secondStart = this.nameStarts[second] as number;
    const order = this.names.compare(
      this.names,
      secondStart,
      secondStart + length,
      firstStart,
      firstStart + length,
    );
    return order === 0;
  }

  /**
   * Copies bytes `from` to `to` (default: the end) of the name of the entry at `position` into
   * `target` at `at`, and returns the number of bytes copied.
   */
  copyName(
    position: number,
    from: number,
    target: Buffer,
    at: number,
    to = this.nameLength(position),
  ): number {
    const start = this.nameStarts[position] as number;
    return copyBytes(this.names, start + from, start + to, target, at);
  }

  /** Copies the entry's object id into `target` at `at` and returns its length in bytes. */
  copyOid(position: number, target: Buffer, at: number): number {
    const start = (this.layout.starts[position] as number) + STAT_LENGTH;
    return copyBytes(this.layout.buffer, start, start + this.layout.hashLength, target, at);
  }

  /** Returns the path of the entry at `position`, decoding it once. */
  pathAt(position: number): string {
    const { paths, buffer, nameStarts, nameEnds } = this.layout;
    if (paths !== null) return paths[position] as string;

    let path = this.decoded.get(position);
    if (path === undefined) {
      path = decodeGitPath(buffer, nameStarts[position], nameEnds[position]);
      this.decoded.set(position, path);
    }
    return path;
  }

  /** Returns the merge stage of the entry at `position`. */
  /**
   * Returns true when some entry is unmerged (a stage above 0) or has extended flags
   * (intent-to-add, skip-worktree), which the reader must see entry by entry.
   */
  hasStagesOrExtendedFlags(): boolean {
    return (this.layout.flagsSeen & (FLAG_EXTENDED | STAGE_MASK)) !== 0;
  }

  stageAt(position: number): 0 | 1 | 2 | 3 {
    return ((this.flagBits(position) >> 12) & 3) as 0 | 1 | 2 | 3;
  }

  /** Returns a view of the entry at `position`, whose fields decode on access. */
  entryAt(position: number): IndexEntry {
    return new IndexEntryView(this, position);
  }

  modeAt(position: number): number {
    return uint32At(this.layout.buffer, (this.layout.starts[position] as number) + 24);
  }

  oidAt(position: number): string {
    const start = (this.layout.starts[position] as number) + STAT_LENGTH;
    return hexText(this.layout.buffer, start, start + this.layout.hashLength);
  }

  sizeAt(position: number): number {
    return uint32At(this.layout.buffer, (this.layout.starts[position] as number) + 36);
  }

  flagsAt(position: number): IndexEntryFlags {
    const flags = this.flagBits(position);
    const extended =
      flags & FLAG_EXTENDED ? uint16At(this.layout.buffer, this.flagsOffset(position) + 2) : 0;
    const bits =
      (flags & FLAG_ASSUME_VALID ? 1 : 0) |
      (extended & EXTENDED_INTENT_TO_ADD ? 2 : 0) |
      (extended & EXTENDED_SKIP_WORKTREE ? 4 : 0);
    return FLAG_OBJECTS[bits] as IndexEntryFlags;
  }

  private flagsOffset(position: number): number {
    return (this.layout.starts[position] as number) + STAT_LENGTH + this.layout.hashLength;
  }

  private flagBits(position: number): number {
    return uint16At(this.layout.buffer, this.flagsOffset(position));
  }
}

/** One entry of an IndexEntryTable; copy fields by name instead of spreading it. */
class IndexEntryView implements IndexEntry {
  constructor(
    private readonly table: IndexEntryTable,
    private readonly position: number,
  ) {}

  get path(): string {
    return this.table.pathAt(this.position);
  }

  get mode(): number {
    return this.table.modeAt(this.position);
  }

  get oid(): string {
    return this.table.oidAt(this.position);
  }

  get stage(): 0 | 1 | 2 | 3 {
    return this.table.stageAt(this.position);
  }

  get size(): number {
    return this.table.sizeAt(this.position);
  }

  get flags(): IndexEntryFlags {
    return this.table.flagsAt(this.position);
  }

  toJSON(): Record<keyof IndexEntry, unknown> {
    const { path, mode, oid, stage, size, flags } = this;
    return { path, mode, oid, stage, size, flags };
  }
}

/** Returns a table with no entries, for a repository that has no index file yet. */
export function createEmptyEntryTable(): IndexEntryTable {
  const none = new Uint32Array(0);
  return new IndexEntryTable({
    buffer: Buffer.alloc(0),
    hashLength: 20,
    starts: none,
    nameStarts: none,
    nameEnds: none,
    paths: null,
    flagsSeen: 0,
  });
}
