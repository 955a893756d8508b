import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { createDebug } from '../../log/debug.js';
import { hexText } from '../buffer-text.js';
import { hashObject } from './tree.js';
import type { GitObject, ObjectType } from './types.js';

const debug = createDebug('git');

/** First bytes of the file; a file that does not start with them is ignored. */
const MAGIC = Buffer.from('footprint saved objects 1\n', 'latin1');
const HASH_LENGTH = 20;
/** Per entry: the id, a type byte and the content length, then the content. */
const ENTRY_HEADER_LENGTH = HASH_LENGTH + 1 + 4;
const TYPES: readonly ObjectType[] = ['commit', 'tree', 'blob', 'tag'];
/** Bounds the file that every run reads whole, whatever the repository. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** A larger object would push most others out for one saved read. */
const MAX_OBJECT_BYTES = 256 * 1024;

interface SavedEntry {
  type: ObjectType;
  content: Buffer;
}

/**
 * Objects that took a delta chain to read, kept in one file between runs. They are the HEAD
 * trees on the way to the staged paths and the HEAD side of modified files, whose chains in a
 * packed repository grow with its history. A run on the same HEAD (a blocked commit tried
 * again, `analyze` before `commit`), or on folders the last commit left alone, finds them here
 * instead of inflating up to 50 deltas (git's default pack.depth) for each. Objects a commit
 * wrote are loose and cheap to read anyway.
 *
 * No result can come from a stale entry: objects are named by the SHA-1 of their content,
 * which is checked again before an entry is returned. An entry of a damaged or edited file is
 * therefore read from the object store instead.
 */
export class SavedObjects {
  private readonly saved: Map<string, SavedEntry>;
  /** Ids checked or added in this run, in the order they were first used. */
  private readonly used = new Set<string>();
  /** Content bytes of the used objects, which come first in the next file. */
  private usedBytes = 0;
  private added = 0;

  private constructor(
    private readonly file: string,
    saved: Map<string, SavedEntry>,
  ) {
    this.saved = saved;
  }

  /** Reads the file of saved objects; a missing or unreadable file is an empty set. */
  static open(file: string): SavedObjects {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return new SavedObjects(file, new Map());
    }
    return new SavedObjects(file, parseEntries(bytes));
  }

  /** Returns the saved object `oid` after checking its content against the id, or undefined. */
  get(oid: string): GitObject | undefined {
    const entry = this.saved.get(oid);
    if (entry === undefined) return undefined;
    if (!this.used.has(oid) && hashObject(entry.type, entry.content) !== oid) {
      debug(`saved objects: ${oid} does not match its content; reading it again`);
      this.saved.delete(oid);
      return undefined;
    }

    this.markUsed(oid, entry.content.length);
    return { type: entry.type, content: entry.content };
  }

  /**
   * Keeps an object that took deltas to read, for the next run. Objects past what the file can
   * hold are not kept, so a large change does not hold their content in memory until save.
   */
  add(oid: string, object: GitObject): void {
    const size = object.content.length;
    if (size > MAX_OBJECT_BYTES || this.used.has(oid)) return;
    if (this.usedBytes + ENTRY_HEADER_LENGTH + size > MAX_FILE_BYTES - MAGIC.length) return;

    this.saved.set(oid, { type: object.type, content: object.content });
    this.markUsed(oid, size);
    this.added++;
  }

  private markUsed(oid: string, size: number): void {
    if (this.used.has(oid)) return;
    this.used.add(oid);
    this.usedBytes += ENTRY_HEADER_LENGTH + size;
  }

  /**
   * Writes the file when this run added objects: those it used first, then older ones, up to
   * 2 MiB. It goes through a temporary file and a rename, so another run reads the old file or
   * the new one. A repository whose git directory cannot be written keeps no saved objects.
   */
  save(): void {
    if (this.added === 0) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, this.serialize());
      renameSync(temporary, this.file);
      debug(`saved objects: ${this.added} added to ${this.file}`);
    } catch (error) {
      debug(`saved objects: ${this.file} not written: ${(error as Error).message}`);
      removeQuietly(temporary);
    }
    this.added = 0;
  }

  private serialize(): Buffer {
    const order = [...this.used, ...[...this.saved.keys()].filter((oid) => !this.used.has(oid))];
    const parts: Buffer[] = [MAGIC];
    let bytes = MAGIC.length;
    for (const oid of order) {
      const entry = this.saved.get(oid);
      if (entry === undefined) continue;
      if (bytes + ENTRY_HEADER_LENGTH + entry.content.length > MAX_FILE_BYTES) break;

      const header = Buffer.alloc(ENTRY_HEADER_LENGTH);
      header.write(oid, 0, 'hex');
      header[HASH_LENGTH] = TYPES.indexOf(entry.type);
      header.writeUInt32BE(entry.content.length, HASH_LENGTH + 1);
      parts.push(header, entry.content);
      bytes += ENTRY_HEADER_LENGTH + entry.content.length;
    }
    return Buffer.concat(parts, bytes);
  }
}

/** Reads the entries after the magic bytes; stops at the first one that does not fit. */
function parseEntries(bytes: Buffer): Map<string, SavedEntry> {
  const entries = new Map<string, SavedEntry>();
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return entries;

  let offset = MAGIC.length;
  while (offset + ENTRY_HEADER_LENGTH <= bytes.length) {
    const type = TYPES[bytes[offset + HASH_LENGTH] as number];
    const length = bytes.readUInt32BE(offset + HASH_LENGTH + 1);
    const start = offset + ENTRY_HEADER_LENGTH;
    if (type === undefined || start + length > bytes.length) break;

    const oid = hexText(bytes, offset, offset + HASH_LENGTH);
    entries.set(oid, { type, content: bytes.subarray(start, start + length) });
    offset = start + length;
  }
  return entries;
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // The folder itself is unusable, so there is no file to remove.
  }
}
