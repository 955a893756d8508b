import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import { ObjectFormatError } from './types.js';

const HASH_LENGTH = 20;
const FANOUT_LENGTH = 256 * 4;
const V2_MAGIC = 0xff744f63; // "\377tOc"
const V2_HEADER_LENGTH = 8;
const V1_ENTRY_LENGTH = 4 + HASH_LENGTH;
/** A fanout bucket up to this many bytes of ids is read in one call and searched in memory. */
const DEFAULT_BUCKET_READ_LIMIT = 64 * 1024;

/** Reads the version of a pack index from its first 8 bytes: 1 (no magic), 2, or another number. */
export function readPackIndexVersion(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(V2_HEADER_LENGTH);
    readSync(fd, header, 0, V2_HEADER_LENGTH, 0);
    return header.readUInt32BE(0) === V2_MAGIC ? header.readUInt32BE(4) : 1;
  } finally {
    closeSync(fd);
  }
}

/**
 * A pack's `.idx` file (versions 1 and 2, SHA-1), searched with positional reads: the fanout
 * table once, then one read of the ids that share the first byte and a read of the offset.
 * Nothing is loaded per object, so the cost of a lookup does not grow with the pack.
 */
export class PackIndex {
  readonly objectCount: number;
  private scratch = Buffer.alloc(0);

  private constructor(
    readonly file: string,
    private readonly fd: number,
    readonly version: 1 | 2,
    private readonly fanout: Uint32Array,
    private readonly bucketReadLimit: number,
  ) {
    this.objectCount = fanout[255] ?? 0;
  }

  /**
   * Opens an index and reads its fanout table; throws ObjectFormatError for another version.
   * `bucketReadLimit` (bytes) is how many ids one read may cover, lowered only by tests.
   */
  static open(file: string, bucketReadLimit = DEFAULT_BUCKET_READ_LIMIT): PackIndex {
    const fd = openSync(file, 'r');
    try {
      const header = readAt(fd, 0, V2_HEADER_LENGTH);
      const isV2 = header.readUInt32BE(0) === V2_MAGIC;
      if (isV2 && header.readUInt32BE(4) !== 2) {
        throw new ObjectFormatError(
          `${file} has pack index version ${header.readUInt32BE(4)}; versions 1 and 2 are read.`,
        );
      }

      const fanoutBytes = readAt(fd, isV2 ? V2_HEADER_LENGTH : 0, FANOUT_LENGTH);
      const fanout = new Uint32Array(256);
      for (let index = 0; index < 256; index++) fanout[index] = fanoutBytes.readUInt32BE(index * 4);
      checkLength(fd, file, isV2, fanout[255] ?? 0);
      return new PackIndex(file, fd, isV2 ? 2 : 1, fanout, bucketReadLimit);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Returns the object's offset in the pack, or null when this pack does not hold it. */
  find(oid: Buffer): number | null {
    const first = oid[0] as number;
    let low = first === 0 ? 0 : (this.fanout[first - 1] as number);
    let high = this.fanout[first] as number;

    // Narrow a large bucket with single-id reads until the rest fits in one read.
    while ((high - low) * HASH_LENGTH > this.bucketReadLimit) {
      const middle = (low + high) >>> 1;
      const order = compareId(this.readIds(this.idPosition(middle), HASH_LENGTH), 0, oid);
      if (order === 0) return this.offsetAt(middle);
      if (order < 0) low = middle + 1;
      else high = middle;
    }

    const position = this.searchRange(oid, low, high);
    return position === null ? null : this.offsetAt(position);
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Binary search of ids [low, high) after reading them in one call. */
  private searchRange(oid: Buffer, low: number, high: number): number | null {
    if (low >= high) return null;

    const stride = this.version === 2 ? HASH_LENGTH : V1_ENTRY_LENGTH;
    const idOffset = this.version === 2 ? 0 : 4;
    const bytes = this.readIds(this.idPosition(low) - idOffset, (high - low) * stride);
    let left = 0;
    let right = high - low;
    while (left < right) {
      const middle = (left + right) >>> 1;
      const order = compareId(bytes, middle * stride + idOffset, oid);
      if (order === 0) return low + middle;
      if (order < 0) left = middle + 1;
      else right = middle;
    }
    return null;
  }

  /**
   * Reads ids into one buffer kept for every lookup, so a lookup allocates nothing. The bytes
   * are valid until the next read.
   */
  private readIds(position: number, length: number): Buffer {
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(length);
    const read = readSync(this.fd, this.scratch, 0, length, position);
    if (read !== length)
      throw new ObjectFormatError(`A pack index ended early at byte ${position}.`);
    return this.scratch;
  }

  private idPosition(position: number): number {
    if (this.version === 1) return FANOUT_LENGTH + position * V1_ENTRY_LENGTH + 4;
    return V2_HEADER_LENGTH + FANOUT_LENGTH + position * HASH_LENGTH;
  }

  /**
   * Version 2 stores 4-byte offsets after the ids and CRCs. An offset with the high bit set is an
   * index into a table of 8-byte offsets, used for packs over 2 GiB. Version 1 stores the offset
   * before each id.
   */
  private offsetAt(position: number): number {
    if (this.version === 1) {
      return readAt(this.fd, FANOUT_LENGTH + position * V1_ENTRY_LENGTH, 4).readUInt32BE(0);
    }

    const count = this.objectCount;
    const tableStart = V2_HEADER_LENGTH + FANOUT_LENGTH + count * (HASH_LENGTH + 4);
    const offset = readAt(this.fd, tableStart + position * 4, 4).readUInt32BE(0);
    if ((offset & 0x80000000) === 0) return offset;

    const largeIndex = offset & 0x7fffffff;
    const large = readAt(this.fd, tableStart + count * 4 + largeIndex * 8, 8);
    return Number(large.readBigUInt64BE(0));
  }
}

/**
 * Compares the id at `start` in `bytes` with `oid` as Buffer.compare would, byte by byte: ids
 * mostly differ in their first bytes, and this avoids compare's argument checks.
 */
function compareId(bytes: Buffer, start: number, oid: Buffer): number {
  for (let index = 0; index < HASH_LENGTH; index++) {
    const difference = (bytes[start + index] as number) - (oid[index] as number);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return 0;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  const read = readSync(fd, buffer, 0, length, position);
  if (read !== length) throw new ObjectFormatError(`A pack index ended early at byte ${position}.`);
  return buffer;
}

/** Rejects an index too short for its object count, which would make lookups read garbage. */
function checkLength(fd: number, file: string, isV2: boolean, count: number): void {
  const trailer = 2 * HASH_LENGTH;
  const minimum = isV2
    ? V2_HEADER_LENGTH + FANOUT_LENGTH + count * (HASH_LENGTH + 8) + trailer
    : FANOUT_LENGTH + count * V1_ENTRY_LENGTH + trailer;
  if (fstatSync(fd).size < minimum) {
    throw new ObjectFormatError(`${file} is truncated: ${count} objects need ${minimum} bytes.`);
  }
}
