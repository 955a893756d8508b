import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

import { createDebug } from '../../log/debug.js';
import { unquoteCString } from '../c-quote.js';
import type { RepositoryLayout } from '../types.js';
import { DeltaBaseCache } from './delta-base-cache.js';
import { Inflater } from './inflater.js';
import { looseObjectPath, readLooseObject, readLooseObjectHeader } from './loose.js';
import { PackFile } from './pack.js';
import { SavedObjects } from './saved-objects.js';
import {
  CorruptObjectError,
  MissingObjectError,
  ObjectFormatError,
  type GitObject,
} from './types.js';

const debug = createDebug('git');

const OID_PATTERN = /^[0-9a-f]{40}$/;
/** git follows alternates of alternates to this depth. */
const MAX_ALTERNATE_DEPTH = 5;
const DEFAULT_DELTA_BASE_CACHE_BYTES = 24 * 1024 * 1024;

export interface ObjectStoreOptions {
  /** Bytes of delta bases kept between reads; default 24 MiB. */
  deltaBaseCacheBytes?: number;
  /** File of objects read through deltas, kept for the next run (SavedObjects); default none. */
  savedObjectsFile?: string;
}

/** One object directory: the repository's own or an alternate. */
class ObjectDirectory {
  private packs: PackFile[] | null = null;

  constructor(
    readonly objectsDir: string,
    private readonly cache: DeltaBaseCache,
    private readonly inflater: Inflater,
  ) {}

  /** Returns the packs, listing `pack/*.idx` that have a `.pack` on first use. */
  listPacks(): PackFile[] {
    this.packs ??= this.scanPacks([]);
    return this.packs;
  }

  /** Lists packs again after another process repacked; returns true when new packs appeared. */
  rescanPacks(): boolean {
    const before = this.packs ?? [];
    this.packs = this.scanPacks(before);
    return this.packs.some((pack) => !before.includes(pack));
  }

  close(): void {
    for (const pack of this.packs ?? []) pack.close();
    this.packs = null;
  }

  private scanPacks(known: readonly PackFile[]): PackFile[] {
    const packDir = path.join(this.objectsDir, 'pack');
    let names: string[];
    try {
      names = readdirSync(packDir);
    } catch {
      return [];
    }

    const present = new Set(names);
    const packs: PackFile[] = [];
    for (const name of names) {
      if (!name.endsWith('.idx')) continue;
      const packName = `${name.slice(0, -4)}.pack`;
      if (!present.has(packName)) continue;

      const packPath = path.join(packDir, packName);
      const existing = known.find((pack) => pack.packPath === packPath);
      packs.push(
        existing ?? new PackFile(packPath, path.join(packDir, name), this.cache, this.inflater),
      );
    }
    return packs;
  }
}

/**
 * Reads objects from the repository's object directory and its alternates: packs first, then
 * loose files, as git looks them up. Reads are synchronous positional reads under the hood;
 * the promises exist so a reader over `git cat-file` can share this interface.
 */
export class ObjectStore {
  private constructor(
    private readonly directories: readonly ObjectDirectory[],
    private readonly inflater: Inflater,
    private readonly saved: SavedObjects | null,
  ) {}

  static async open(
    layout: RepositoryLayout,
    options: ObjectStoreOptions = {},
  ): Promise<ObjectStore> {
    const cache = new DeltaBaseCache(options.deltaBaseCacheBytes ?? DEFAULT_DELTA_BASE_CACHE_BYTES);
    const inflater = new Inflater();
    const objectsDirs = listObjectDirectories(path.join(layout.commonDir, 'objects'));
    debug(`object directories: ${objectsDirs.join(', ')}`);
    const directories = objectsDirs.map((dir) => new ObjectDirectory(dir, cache, inflater));
    const saved =
      options.savedObjectsFile === undefined ? null : SavedObjects.open(options.savedObjectsFile);
    return new ObjectStore(directories, inflater, saved);
  }

  async read(oid: string): Promise<GitObject> {
    return this.readSync(oid);
  }

  /** Reads an object without awaiting; throws MissingObjectError when no directory contains it. */
  readSync(oid: string): GitObject {
    return this.readAtDepth(oid, 0);
  }

  /** `depth` counts the deltas already followed to reach this REF_DELTA base. */
  private readAtDepth(oid: string, depth: number): GitObject {
    const saved = this.saved?.get(oid);
    if (saved !== undefined) return saved;

    const readBase = (baseOid: string, baseDepth: number) => this.readAtDepth(baseOid, baseDepth);
    const object = this.lookup(
      oid,
      (pack, offset) =>
        nameCorruption(oid, () => this.readPacked(oid, pack, offset, readBase, depth)),
      (dir) => nameCorruption(oid, () => readLooseObject(dir, oid, this.inflater)),
    );
    if (object === null) throw new MissingObjectError(oid);
    return object;
  }

  /** Reads a packed object, and saves it for the next run when it took deltas to build. */
  private readPacked(
    oid: string,
    pack: PackFile,
    offset: number,
    readBase: (oid: string, depth: number) => GitObject,
    depth: number,
  ): GitObject {
    const { object, deltas } = pack.readObjectCountingDeltas(offset, readBase, depth);
    if (deltas > 0) this.saved?.add(oid, object);
    return object;
  }

  /** Returns an object's content size, reading only headers where the storage allows. */
  async readSize(oid: string): Promise<number> {
    const saved = this.saved?.get(oid);
    if (saved !== undefined) return saved.content.length;

    const size = this.lookup(
      oid,
      (pack, offset) => nameCorruption(oid, () => pack.readObjectSize(offset)),
      (dir) =>
        nameCorruption(oid, () => readLooseObjectHeader(dir, oid, this.inflater)?.size ?? null),
    );
    if (size === null) throw new MissingObjectError(oid);
    return size;
  }

  async has(oid: string): Promise<boolean> {
    const found = this.lookup(
      oid,
      () => true,
      (dir) => existsSync(looseObjectPath(dir, oid)) || null,
    );
    return found !== null;
  }

  /** Closes the packs and writes the saved objects of this run. */
  close(): void {
    for (const directory of this.directories) directory.close();
    this.saved?.save();
  }

  /**
   * Finds `oid` in each directory's packs, then its loose objects. When that fails, it lists the
   * packs again once, because a concurrent `git gc` may have packed a loose object meanwhile.
   */
  private lookup<T>(
    oid: string,
    fromPack: (pack: PackFile, offset: number) => T,
    fromLoose: (objectsDir: string) => T | null,
  ): T | null {
    if (!OID_PATTERN.test(oid)) throw new Error(`Invalid object id "${oid}".`);

    const key = Buffer.from(oid, 'hex');
    const found = this.search(key, fromPack, fromLoose);
    if (found !== null) return found;

    const rescanned = this.directories.map((directory) => directory.rescanPacks());
    return rescanned.some(Boolean) ? this.search(key, fromPack, fromLoose) : null;
  }

  private search<T>(
    key: Buffer,
    fromPack: (pack: PackFile, offset: number) => T,
    fromLoose: (objectsDir: string) => T | null,
  ): T | null {
    for (const directory of this.directories) {
      for (const pack of directory.listPacks()) {
        const offset = findInPack(pack, key);
        if (offset !== null) return fromPack(pack, offset);
      }
      const loose = fromLoose(directory.objectsDir);
      if (loose !== null) return loose;
    }
    return null;
  }
}

/**
 * Runs `read` of object `oid`, and throws a CorruptObjectError in place of what zlib or the
 * object parsers throw for damaged data. A damaged delta base in the same pack counts as `oid`.
 */
function nameCorruption<T>(oid: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ObjectFormatError) {
      throw new CorruptObjectError(oid, error.message, { cause: error });
    }
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new CorruptObjectError(oid, (error as Error).message, { cause: error });
    }
    throw error;
  }
}

/** A pack deleted by a concurrent repack before its index was opened contains nothing. */
function findInPack(pack: PackFile, key: Buffer): number | null {
  try {
    return pack.find(key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Returns the object directory followed by its alternates (`objects/info/alternates`), deduplicated. */
export function listObjectDirectories(objectsDir: string): string[] {
  const seen = new Set<string>();
  const ordered: string[] = [];
  const visit = (dir: string, depth: number): void => {
    const real = safeRealpath(dir);
    if (seen.has(real) || depth > MAX_ALTERNATE_DEPTH) return;

    seen.add(real);
    ordered.push(dir);
    for (const alternate of readAlternates(dir)) visit(alternate, depth + 1);
  };
  visit(objectsDir, 0);
  return ordered;
}

/** Reads one alternates file: a path per line, relative to the object directory, `#` comments. */
function readAlternates(objectsDir: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(objectsDir, 'info', 'alternates'), 'utf8');
  } catch {
    return [];
  }

  const dirs: string[] = [];
  for (const line of text.split('\n')) {
    // git writes a path with unusual characters in quotes with C escapes.
    const entry = unquoteCString(line.replace(/\r$/, ''));
    if (entry === '' || entry.startsWith('#')) continue;
    dirs.push(path.resolve(objectsDir, entry));
  }
  return dirs;
}

function safeRealpath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}
