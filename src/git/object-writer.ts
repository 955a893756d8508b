import { randomBytes } from 'node:crypto';
import type { MakeDirectoryOptions } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';

import { createDebug } from '../log/debug.js';
import type { ObjectType } from './objects/types.js';
import { applySharedPermissions, type SharedPermissions } from './shared-permissions.js';
import type { RepositoryLayout } from './types.js';
import { toGitWriteError } from './write-error.js';

const debug = createDebug('git');

/** An object to store, with the id its content hashes to. */
export interface PendingObject {
  type: ObjectType;
  content: Buffer;
  oid: string;
}

export interface WriteObjectsOptions {
  /** Called after each object is stored, with the count stored so far. */
  onWritten?: (written: number) => void;
  /** Permissions of `core.sharedRepository` for new object files and folders. */
  shared?: SharedPermissions | null;
}

/** Prefix git gives its temporary object files; `git fsck` skips files named so. */
const TEMPORARY_OBJECT_PREFIX = 'tmp_obj_';
/** git stores loose objects read-only. */
const OBJECT_FILE_MODE = 0o444;

type IsomorphicGit = typeof import('isomorphic-git');
let isomorphicGit: Promise<IsomorphicGit> | null = null;

/** Loads isomorphic-git on first use, because importing it takes 100 ms or more (node 20, 2 cores). */
function loadIsomorphicGit(): Promise<IsomorphicGit> {
  isomorphicGit ??= import('isomorphic-git').then(
    (module) => (module as { default?: IsomorphicGit }).default ?? module,
  );
  return isomorphicGit;
}

/**
 * Stores objects as loose objects in the repository's object directory through isomorphic-git,
 * in the order given. Each id isomorphic-git returns is checked against `oid`. Objects are
 * not fsynced, like git's default `core.fsync=committed,-loose-object` (git-config(1), git 2.39).
 * A folder or file that the file system rejects throws GitWriteError.
 */
export async function writeLooseObjects(
  layout: RepositoryLayout,
  objects: readonly PendingObject[],
  options: WriteObjectsOptions = {},
): Promise<void> {
  const git = await loadIsomorphicGit();
  const fs = createObjectFileSystem(options.shared ?? null);
  let written = 0;
  for (const object of objects) {
    const oid = await writeOneObject(git, fs, layout, object);
    if (oid !== object.oid) {
      throw new Error(`isomorphic-git stored a ${object.type} as ${oid}, expected ${object.oid}.`);
    }
    written++;
    options.onWritten?.(written);
  }
  debug(`wrote ${written} loose objects`);
}

async function writeOneObject(
  git: IsomorphicGit,
  fs: { promises: typeof fsPromises },
  layout: RepositoryLayout,
  object: PendingObject,
): Promise<string> {
  try {
    return await git.writeObject({
      fs,
      gitdir: layout.commonDir,
      type: object.type,
      object: object.content,
      format: 'content',
    });
  } catch (error) {
    throw toGitWriteError(error, path.join(layout.commonDir, 'objects')) ?? error;
  }
}

/**
 * Returns node's file system for isomorphic-git, except that a file is written to a
 * `tmp_obj_` file in the same folder and then renamed. isomorphic-git writes an object file in
 * place, so a process killed during the write would leave a truncated object that git reports
 * as corrupt and that isomorphic-git never replaces, because it skips existing files.
 */
function createObjectFileSystem(shared: SharedPermissions | null): {
  promises: typeof fsPromises;
} {
  const writeFile = async (file: string, data: Uint8Array): Promise<void> => {
    const suffix = randomBytes(6).toString('hex');
    const temporary = path.join(path.dirname(file), `${TEMPORARY_OBJECT_PREFIX}${suffix}`);
    await fsPromises.writeFile(temporary, data, { flag: 'wx', mode: OBJECT_FILE_MODE });
    try {
      applySharedPermissions(temporary, shared);
      await fsPromises.rename(temporary, file);
    } catch (error) {
      await fsPromises.rm(temporary, { force: true });
      throw error;
    }
  };
  // A loose-object folder that isomorphic-git creates gets the shared permissions, as git's do.
  const mkdir = async (dir: string, options?: MakeDirectoryOptions): Promise<unknown> => {
    const created = await fsPromises.mkdir(dir, options);
    applySharedPermissions(dir, shared);
    return created;
  };
  return { promises: { ...fsPromises, writeFile, mkdir } as typeof fsPromises };
}
