import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants, inflateSync } from 'node:zlib';

import { applyDelta, readDeltaSize } from './delta.js';
import type { DeltaBaseCache } from './delta-base-cache.js';
import { PackIndex } from './pack-index.js';
import { ObjectFormatError, type GitObject, type ObjectType } from './types.js';

const PACK_TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;
const HASH_LENGTH = 20;
/**
 * Bytes read at an entry's offset: the header (at most 10 bytes of type and size, then a base
 * offset or id) and, for small deltas and objects, all of the compressed data, so one read
 * serves both. Buffer.allocUnsafe takes buffers up to 4 KiB from its pool.
 */
const ENTRY_READ_LENGTH = 1024;
/** git's own limit is 4095 (pack.depth); a longer chain means a corrupt or cyclic pack. */
const MAX_DELTA_DEPTH = 10_000;
const DELTA_HEADER_PROBE = 64;

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
 * a bounded chunk that inflates to it, so opening a pack reads neither the whole pack nor its
 * checksum. Delta chains are followed through OFS_DELTA offsets and REF_DELTA ids.
 */
export class PackFile {
  private readonly id = nextPackId++;
  private fd: number | null = null;
  private packLength = 0;
  private index: PackIndex | null = null;

  constructor(
    readonly packPath: string,
    readonly indexPath: string,
    private readonly cache: DeltaBaseCache,
  ) {}

  /** Returns the object's offset in this pack, or null; opens the index on first use. */
  find(oid: Buffer): number | null {
    this.index ??= PackIndex.open(this.indexPath);
    return this.index.find(oid);
  }

  readObject(offset: number, readBase: BaseObjectReader, depth = 0): GitObject {
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
    return this.applyDeltas(base, deltas);
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
      const baseOid = bytes.toString('hex', position, position + HASH_LENGTH);
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
      inflated = inflateSync(this.compressedData(header, bound));
    } catch (error) {
      if (bound >= available) throw error;
      inflated = inflateSync(this.read(header.dataStart, available));
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
      const prefix = inflateSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH });
      if (hasTwoVarints(prefix) || length >= available) return prefix;
    }
  }

  private read(position: number, length: number): Buffer {
    const fd = this.open();
    const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, this.packLength - position)));
    const read = readSync(fd, buffer, 0, buffer.length, position);
    return buffer.subarray(0, read);
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
