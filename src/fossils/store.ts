import { existsSync, readdirSync } from 'node:fs';
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/types.js';
import { UserError } from '../errors.js';
import { createDebug } from '../log/debug.js';
import { quotePath } from '../output/quote-path.js';
import { relativeToWorktree } from '../output/worktree-path.js';
import { validateFossil } from '../schemas-runtime/validate-fossil.js';
import { FossilSchemaError } from './fossil-schema-error.js';
import { FossilWriteError } from './fossil-write-error.js';
import {
  compareNewestFirst,
  createFossilId,
  FOSSIL_EXTENSION,
  parseFossilName,
  type FossilName,
} from './fossil-name.js';
import { pruneFossils, sortForRetention } from './prune.js';
import {
  readFossilEnvelope,
  type EnvelopeReadResult,
  type FossilEnvelope,
} from './read-envelope.js';
import { parseFossil } from './read-fossil.js';
import { retentionPolicyFor } from './retention.js';
import { serializeFossil } from './serialize-fossil.js';
import { STORE_GITIGNORE_TEXT } from './store-gitignore.js';
import { footprintTool } from './tool.js';
import {
  FOSSIL_SCHEMA_VERSION,
  type Fossil,
  type FossilDraft,
  type FossilTool,
  type StoredFossil,
  type WritableFossilKind,
} from './types.js';
import { writeFileAtomic } from './write-atomic.js';

const debug = createDebug('fossils');

export interface FossilFilter {
  kind?: string;
  /** Most fossils returned, newest first. */
  limit?: number;
  /** Only fossils written at or after this time, by their names. */
  from?: Date;
  /** Only fossils written before this time, by their names. */
  to?: Date;
}

export interface FossilListing {
  /** Readable fossils, newest first. */
  fossils: StoredFossil[];
  /** One line per fossil skipped because it could not be read or failed its schema. */
  warnings: string[];
}

/** A fossil's envelope with the file it came from. */
export interface StoredEnvelope extends FossilEnvelope {
  id: string;
  /** Absolute path of the fossil file. */
  file: string;
}

export interface EnvelopeListing {
  /** Envelopes of readable fossils, newest first. */
  envelopes: StoredEnvelope[];
  /** One line per fossil skipped because it could not be read. */
  warnings: string[];
}

export interface FossilLookup {
  /** The fossil, or null when no readable fossil has that id. */
  fossil: StoredFossil | null;
  warnings: string[];
}

export interface FossilStore {
  /** Absolute path of the store folder. */
  readonly dir: string;
  /**
   * Validates and writes a fossil, then applies retention to its kind. Returns the file's
   * path. Throws a FossilSchemaError (a bug) when the fossil fails its schema, and a
   * FossilWriteError when the file system rejects the folder or the file.
   */
  write<K extends WritableFossilKind>(kind: K, draft: FossilDraft<K>): Promise<string>;
  list(filter?: FossilFilter): Promise<FossilListing>;
  /**
   * Lists envelopes newest first, each read from the start of its file, so the cost does not
   * grow with the payloads. A fossil whose start is not an envelope footprint writes is read
   * in full. A listed fossil may still fail its schema when `read` parses its payload.
   */
  listEnvelopes(filter?: FossilFilter): Promise<EnvelopeListing>;
  /** Reads one fossil by id, with or without `.json`. */
  read(id: string): Promise<FossilLookup>;
}

export interface FossilStoreOptions {
  /** Clock for fossil names and retention, set by tests. */
  now?: () => Date;
  tool?: FossilTool;
}

/**
 * Opens the fossil store of a worktree: `config.fossilDir` (default `fossils/`) resolved
 * against the worktree root. Nothing is created until the first write.
 */
export function openFossilStore(
  worktree: string,
  config: Config,
  options: FossilStoreOptions = {},
): FossilStore {
  const dir = path.resolve(worktree, config.fossilDir);
  const now = options.now ?? (() => new Date());
  const label = (file: string): string => relativeToWorktree(file, worktree);

  return {
    dir,
    async write(kind, draft) {
      const createdAt = now();
      const fossil = buildFossil(kind, draft, createdAt, options.tool ?? footprintTool());
      const problems = validateFossil(kind, fossil);
      if (problems.length > 0) throw new FossilSchemaError(kind, problems);

      const file = path.join(dir, `${fossil.id}${FOSSIL_EXTENSION}`);
      try {
        await ensureStoreFolder(dir);
        await writeFileAtomic(file, serializeFossil(fossil));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === undefined) throw error;
        throw new FossilWriteError(label(file), error);
      }
      debug(`wrote ${label(file)}`);

      applyRetention(dir, kind, config, createdAt);
      return file;
    },
    list: (filter = {}) => listFossils(dir, filter, label, now()),
    listEnvelopes: (filter = {}) => listEnvelopes(dir, filter, label, now()),
    read: (id) => readFossilById(dir, id, label),
  };
}

function buildFossil<K extends WritableFossilKind>(
  kind: K,
  draft: FossilDraft<K>,
  createdAt: Date,
  tool: FossilTool,
): Fossil<K, FossilDraft<K>['payload']> {
  return {
    schemaVersion: FOSSIL_SCHEMA_VERSION,
    kind,
    id: createFossilId(kind, createdAt),
    createdAt: createdAt.toISOString(),
    tool: { name: tool.name, version: tool.version },
    repository: draft.repository,
    payload: draft.payload,
  };
}

/** Creates the store folder and its `.gitignore` unless they exist. A user's own `.gitignore` stays. */
async function ensureStoreFolder(dir: string): Promise<void> {
  // The usual case, checked without an error object: the store and its .gitignore exist.
  if (existsSync(path.join(dir, '.gitignore'))) return;

  await mkdir(dir, { recursive: true });
  try {
    await writeFile(path.join(dir, '.gitignore'), STORE_GITIGNORE_TEXT, { flag: 'wx' });
    debug(`created ${dir} with a .gitignore`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Prunes after a write. A failure costs only disk space, so it is logged and not raised. */
function applyRetention(dir: string, kind: string, config: Config, now: Date): void {
  try {
    const removed = pruneFossils(dir, kind, retentionPolicyFor(kind, config.fossils), now);
    if (removed.length > 0) debug(`removed ${removed.length} old ${kind} fossils`);
  } catch (error) {
    debug(`retention of ${kind} fossils in ${dir} failed: ${String(error)}`);
  }
}

/**
 * Lists the fossil names in `dir`, newest first; a missing folder has none. With
 * `regularOnly`, names of links, pipes and folders are left out, for callers that remove
 * files: footprint writes only regular files, and a link named like a fossil is not one.
 */
export async function readFossilNames(
  dir: string,
  options: { regularOnly?: boolean } = {},
): Promise<FossilName[]> {
  let entries: string[];
  try {
    // Synchronous: the hook lists the store once per run for a model fossil, and an
    // asynchronous readdir started libuv's thread pool for this one call (about 2 ms).
    entries = options.regularOnly
      ? readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name)
      : readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR' || code === 'ELOOP') {
      throw new UserError(
        `The fossil store ${quotePath(dir)} is not a folder (${code}). Point fossilDir in ` +
          'footprint.config.json at a folder, or move away the file or link that is in its place.',
        { cause: error },
      );
    }
    throw error;
  }
  return entries
    .filter((entry) => entry.endsWith(FOSSIL_EXTENSION))
    .map((entry) => parseFossilName(entry))
    .filter((name): name is FossilName => name !== null)
    .sort(compareNewestFirst);
}

type LoadedFossil =
  | { status: 'read'; fossil: StoredFossil }
  | { status: 'skipped'; warning: string }
  | { status: 'missing' };

async function loadFossil(
  dir: string,
  id: string,
  label: (file: string) => string,
): Promise<LoadedFossil> {
  const file = path.join(dir, `${id}${FOSSIL_EXTENSION}`);
  let text: string;
  try {
    // A named pipe would block the read until another process writes to it, and a link may
    // point out of the store.
    if (!(await lstat(file)).isFile()) {
      return {
        status: 'skipped',
        warning: `${label(file)}: skipped because it is not a regular file.`,
      };
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Another writer's retention may remove a fossil between listing and reading it.
    if (code === 'ENOENT') return { status: 'missing' };
    const reason = `it cannot be read (${code ?? String(error)})`;
    return { status: 'skipped', warning: `${label(file)}: skipped because ${reason}.` };
  }

  const parsed = parseFossil(text, label(file));
  if (!parsed.ok) return { status: 'skipped', warning: parsed.warning };
  return { status: 'read', fossil: { id, file, fossil: parsed.fossil } };
}

async function listFossils(
  dir: string,
  filter: FossilFilter,
  label: (file: string) => string,
  now: Date,
): Promise<FossilListing> {
  const listing: FossilListing = { fossils: [], warnings: [] };
  // Misdated fossils (named more than a day ahead) list last, as retention treats them.
  const names = sortForRetention(
    (await readFossilNames(dir)).filter((name) => matchesFilter(name, filter)),
    now,
  );

  for (const name of names) {
    if (filter.limit !== undefined && listing.fossils.length >= filter.limit) break;
    const loaded = await loadFossil(dir, name.id, label);
    if (loaded.status === 'read') listing.fossils.push(loaded.fossil);
    if (loaded.status === 'skipped') listing.warnings.push(loaded.warning);
  }
  return listing;
}

type LoadedEnvelope =
  | { status: 'read'; envelope: StoredEnvelope }
  | { status: 'skipped'; warning: string }
  | { status: 'missing' };

async function loadEnvelope(
  dir: string,
  id: string,
  label: (file: string) => string,
): Promise<LoadedEnvelope> {
  const file = path.join(dir, `${id}${FOSSIL_EXTENSION}`);
  const notRegular = `${label(file)}: skipped because it is not a regular file.`;
  let result: EnvelopeReadResult;
  try {
    result = readFossilEnvelope(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { status: 'missing' };
    // The open does not follow links, and fails with ELOOP on one.
    if (code === 'ELOOP') return { status: 'skipped', warning: notRegular };
    const reason = `it cannot be read (${code ?? String(error)})`;
    return { status: 'skipped', warning: `${label(file)}: skipped because ${reason}.` };
  }
  if (result.status === 'not-regular') return { status: 'skipped', warning: notRegular };
  if (result.status === 'read')
    return { status: 'read', envelope: { id, file, ...result.envelope } };

  const loaded = await loadFossil(dir, id, label);
  if (loaded.status !== 'read') return loaded;
  const { kind, repository } = loaded.fossil.fossil;
  return { status: 'read', envelope: { id, file, kind, repository } };
}

async function listEnvelopes(
  dir: string,
  filter: FossilFilter,
  label: (file: string) => string,
  now: Date,
): Promise<EnvelopeListing> {
  const listing: EnvelopeListing = { envelopes: [], warnings: [] };
  const names = sortForRetention(
    (await readFossilNames(dir)).filter((name) => matchesFilter(name, filter)),
    now,
  );

  for (const name of names) {
    if (filter.limit !== undefined && listing.envelopes.length >= filter.limit) break;
    const loaded = await loadEnvelope(dir, name.id, label);
    if (loaded.status === 'read') listing.envelopes.push(loaded.envelope);
    if (loaded.status === 'skipped') listing.warnings.push(loaded.warning);
  }
  return listing;
}

async function readFossilById(
  dir: string,
  id: string,
  label: (file: string) => string,
): Promise<FossilLookup> {
  // Only a well-formed fossil name reaches the file system, so an id cannot leave the store.
  const name = parseFossilName(id);
  if (name === null) return { fossil: null, warnings: [] };

  const loaded = await loadFossil(dir, name.id, label);
  if (loaded.status === 'read') return { fossil: loaded.fossil, warnings: [] };
  if (loaded.status === 'skipped') return { fossil: null, warnings: [loaded.warning] };
  return { fossil: null, warnings: [] };
}

/** Returns true when a fossil's name matches the filter's kind and times. */
export function matchesFilter(name: FossilName, filter: FossilFilter): boolean {
  if (filter.kind !== undefined && name.kind !== filter.kind) return false;
  const time = name.createdAt.getTime();
  if (filter.from !== undefined && time < filter.from.getTime()) return false;
  return filter.to === undefined || time < filter.to.getTime();
}
