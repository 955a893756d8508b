import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import { hexText } from '../buffer-text.js';
import { applyDelta, readDeltaSize } from './delta.js';
import type { DeltaBaseCache } from './delta-base-cache.js';
import type { Inflater } from './inflater.js';
import { PackIndex } from './pack-index.js';
import { ObjectFormatError, type GitObject, type ObjectType } from './types.js';

const PACK_TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;
const HASH_LENGTH = 20;
/**
 * Bytes read at an entry's offset: the header (at most 10 bytes of type and size, then a base
 * offset or id) and, for small deltas and objects, all of the compressed data, so one read
 * serves both.
 */
const ENTRY_READ_LENGTH = 1024;
/** git's own limit is 4095 (pack.depth); a longer chain means a corrupt or cyclic pack. */
const MAX_DELTA_DEPTH = 10_000;
const DELTA_HEADER_PROBE = 64;
/**
 * Bytes of the pack read at once and kept for the next entries, and how many are kept. Larger
 * windows read more bytes for objects spread over the pack (200 staged files in a 116 MiB
 * pack read 41 MiB through 64 KiB windows, 13 MiB through 16 KiB ones).
 */
const WINDOW_SIZE = 16 * 1024;
const MAX_WINDOWS = 32;
/** A delta starts with two sizes of at most 10 bytes each. */
const DELTA_SIZES_LENGTH = 20;

/** Reads objects that a pack does not hold, for REF_DELTA bases; `depth` guards against cycles. */
export type BaseObjectReader = (oid: string, depth: number) => GitObject;

interface EntryHeader {
  offset: number;
  /** 1-4 for whole objects, OFS_DELTA or REF_DELTA. */
  type: number;
  /** Inflated size: of the object, or of the delta data for a delta. */
  size: number;
  dataStart: number;
  baseOffset?: number;
  baseOid?: string;
  /** Bytes read from `offset`, which may already contain all of the compressed data. */
  chunk: Buffer;
}

let nextPackId = 0;

/**
 * One `.pack` file with its `.idx`. Objects are read with positional reads of the entry and of
 * a bounded chunk that inflates to it, through a few cached 16 KiB windows, so opening a pack
 * reads neither the whole pack nor its checksum. Delta chains are followed through OFS_DELTA
 * offsets and REF_DELTA ids.
 */
export class PackFile {
  private readonly id = nextPackId++;
  private fd: number | null = null;
  private packLength = 0;
  private index: PackIndex | null = null;
  private readonly windows = new Map<number, Buffer>();

  constructor(
    readonly packPath: string,
    readonly indexPath: string,
    private readonly cache: DeltaBaseCache,
    private readonly inflater: Inflater,
  ) {}

  /** Returns the object's offset in this pack, or null; opens the index on first use. */
  find(oid: Buffer): number | null {
    this.index ??= PackIndex.open(this.indexPath);
    return this.index.find(oid);
  }

  readObject(offset: number, readBase: BaseObjectReader, depth = 0): GitObject {
    return this.readObjectCountingDeltas(offset, readBase, depth).object;
  }

  /** Reads the object at `offset`; `deltas` is how many deltas this read applied to build it. */
  readObjectCountingDeltas(
    offset: number,
    readBase: BaseObjectReader,
    depth = 0,
  ): { object: GitObject; deltas: number } {
    const deltas: EntryHeader[] = [];
    let base: GitObject | undefined;
    let current = offset;
    while (base === undefined) {
      if (depth + deltas.length > MAX_DELTA_DEPTH) this.fail(offset, 'the delta chain is too long');

      base = this.cache.get(this.cacheKey(current));
      if (base !== undefined) break;
      const header = this.readEntryHeader(current);
      const type = PACK_TYPES[header.type];
      if (type !== undefined) {
        base = { type, content: this.inflate(header) };
      } else if (header.baseOffset !== undefined) {
        deltas.push(header);
        current = header.baseOffset;
      } else {
        deltas.push(header);
        base = readBase(header.baseOid as string, depth + deltas.length);
      }
    }
    return { object: this.applyDeltas(base, deltas), deltas: deltas.length };
  }

  /** Returns an object's size without inflating more than a delta's first bytes. */
  readObjectSize(offset: number): number {
    const header = this.readEntryHeader(offset);
    if (PACK_TYPES[header.type] !== undefined) return header.size;

    const prefix = this.inflatePrefix(header);
    const [, afterBaseSize] = readDeltaSize(prefix, 0);
    return readDeltaSize(prefix, afterBaseSize)[0];
  }

  close(): void {
    this.index?.close();
    this.index = null;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.windows.clear();
  }

  /** Applies deltas from the innermost out, keeping each intermediate object as a likely base. */
  private applyDeltas(base: GitObject, deltas: readonly EntryHeader[]): GitObject {
    let object = base;
    for (let position = deltas.length - 1; position >= 0; position--) {
      const header = deltas[position] as EntryHeader;
      const baseKey = header.baseOffset === undefined ? null : this.cacheKey(header.baseOffset);
      if (baseKey !== null) this.cache.set(baseKey, object);
      object = { type: object.type, content: applyDelta(object.content, this.inflate(header)) };
    }
    return object;
  }

  private readEntryHeader(offset: number): EntryHeader {
    const bytes = this.read(offset, ENTRY_READ_LENGTH);
    let position = 0;
    let byte = this.byteAt(bytes, position++, offset);
    const type = (byte >> 4) & 7;
    let size = byte & 0x0f;
    let shift = 16;
    while (byte & 0x80) {
      byte = this.byteAt(bytes, position++, offset);
      size += (byte & 0x7f) * shift;
      shift *= 128;
    }

    const entry = { offset, type, size, chunk: bytes };
    if (type === OFS_DELTA) return this.readOffsetBase(position, entry);
    if (type === REF_DELTA) {
      const baseOid = hexText(bytes, position, position + HASH_LENGTH);
      if (baseOid.length !== HASH_LENGTH * 2) this.fail(offset, 'the base id is truncated');
      return { ...entry, dataStart: offset + position + HASH_LENGTH, baseOid };
    }
    if (PACK_TYPES[type] === undefined) this.fail(offset, `the object type ${type} is unknown`);
    return { ...entry, dataStart: offset + position };
  }

  /** OFS_DELTA: the base sits a varint distance before this entry, in git's offset encoding. */
  private readOffsetBase(
    start: number,
    entry: { offset: number; type: number; size: number; chunk: Buffer },
  ): EntryHeader {
    let position = start;
    let byte = this.byteAt(entry.chunk, position++, entry.offset);
    let distance = byte & 0x7f;
    while (byte & 0x80) {
      byte = this.byteAt(entry.chunk, position++, entry.offset);
      distance = (distance + 1) * 128 + (byte & 0x7f);
    }
    if (distance <= 0 || distance > entry.offset) {
      this.fail(entry.offset, 'the delta base offset is out of range');
    }
    return { ...entry, dataStart: entry.offset + position, baseOffset: entry.offset - distance };
  }

  /**
   * Inflates an entry's data from one read of at most zlib's worst-case compressed length for
   * its size. The zlib stream marks its own end, so bytes of the next entry are ignored.
   */
  private inflate(header: EntryHeader): Buffer {
    const available = this.dataEnd() - header.dataStart;
    const bound = Math.min(available, header.size + (header.size >> 10) + 64);
    let inflated: Buffer;
    try {
      inflated = this.inflater.inflate(this.compressedData(header, bound), header.size);
    } catch (error) {
      if (bound >= available) throw error;
      inflated = this.inflater.inflate(this.read(header.dataStart, available), header.size);
    }

    if (inflated.length !== header.size) {
      this.fail(header.offset, `it inflates to ${inflated.length} bytes, not ${header.size}`);
    }
    return inflated;
  }

  /** Returns `length` bytes from the entry's data start, from the first read when it has them. */
  private compressedData(header: EntryHeader, length: number): Buffer {
    const start = header.dataStart - header.offset;
    if (start + length <= header.chunk.length) return header.chunk.subarray(start, start + length);
    return this.read(header.dataStart, length);
  }

  /** Inflates the first bytes of a delta, which hold the base and result sizes. */
  private inflatePrefix(header: EntryHeader): Buffer {
    const available = this.dataEnd() - header.dataStart;
    for (let length = DELTA_HEADER_PROBE; ; length *= 4) {
      const chunk = this.compressedData(header, Math.min(length, available));
      const prefix = this.inflater.inflatePrefix(chunk, DELTA_SIZES_LENGTH);
      if (hasTwoVarints(prefix) || length >= available) return prefix;
    }
  }

  /**
   * Returns up to `length` bytes at `position`: a view into a cached window when the range
   * fits in one, else a read of its own. git writes a delta close to its base, so the entries
   * of a delta chain mostly share a few windows.
   */
  private read(position: number, length: number): Buffer {
    const fd = this.open();
    const end = Math.min(position + length, this.packLength);
    const windowIndex = Math.floor(position / WINDOW_SIZE);
    if (end > position && Math.floor((end - 1) / WINDOW_SIZE) === windowIndex) {
      const window = this.window(windowIndex);
      const start = position - windowIndex * WINDOW_SIZE;
      return window.subarray(start, start + end - position);
    }

    const buffer = Buffer.allocUnsafe(Math.max(0, end - position));
    const read = readSync(fd, buffer, 0, buffer.length, position);
    return buffer.subarray(0, read);
  }

  /** Returns the bytes of window `index`, read on first use; the least recently used go first. */
  private window(index: number): Buffer {
    let window = this.windows.get(index);
    if (window !== undefined) {
      this.windows.delete(index);
      this.windows.set(index, window);
      return window;
    }

    const start = index * WINDOW_SIZE;
    const buffer = Buffer.allocUnsafe(Math.min(WINDOW_SIZE, this.packLength - start));
    const read = readSync(this.open(), buffer, 0, buffer.length, start);
    window = buffer.subarray(0, read);
    this.windows.set(index, window);
    if (this.windows.size > MAX_WINDOWS) {
      this.windows.delete(this.windows.keys().next().value as number);
    }
    return window;
  }

  private open(): number {
    if (this.fd !== null) return this.fd;

    const fd = openSync(this.packPath, 'r');
    const header = Buffer.alloc(12);
    readSync(fd, header, 0, 12, 0);
    const version = header.readUInt32BE(4);
    if (header.toString('latin1', 0, 4) !== 'PACK' || (version !== 2 && version !== 3)) {
      closeSync(fd);
      throw new ObjectFormatError(`${this.packPath} is not a version 2 or 3 pack.`);
    }
    this.fd = fd;
    this.packLength = fstatSync(fd).size;
    return fd;
  }

  private dataEnd(): number {
    this.open();
    return this.packLength - HASH_LENGTH;
  }

  private byteAt(bytes: Buffer, position: number, offset: number): number {
    return bytes[position] ?? this.fail(offset, 'the entry header is truncated');
  }

  private cacheKey(offset: number): string {
    return `${this.id}:${offset}`;
  }

  private fail(offset: number, reason: string): never {
    throw new ObjectFormatError(`${this.packPath} is corrupt at offset ${offset}: ${reason}.`);
  }
}

function hasTwoVarints(bytes: Buffer): boolean {
  let ends = 0;
  for (const byte of bytes) {
    if ((byte & 0x80) === 0 && ++ends === 2) return true;
  }
  return false;
}
