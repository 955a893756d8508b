import path from 'node:path';

import { UserError } from '../errors.js';
import { createDebug } from '../log/debug.js';
import { checkNativeCapabilities } from './capabilities.js';
import { readGitConfig, type GitConfig } from './config.js';
import { discoverRepository } from './discover.js';
import { IndexFormatError, readIndexFile, type IndexFile } from './index-file.js';
import { ObjectStore } from './objects/store.js';
import { NativeReader } from './readers/native.js';
import type { ObjectFormat } from './readers/object-format.js';
import { renameOptionsFromConfig, type RenameOptions } from './renames.js';
import type { GitReader, RepositoryLayout } from './types.js';

const debug = createDebug('git');

/** File of objects the native reader built from deltas, relative to the common git directory. */
const SAVED_OBJECTS_FILE = path.join('footprint', 'saved-objects');

/** Environment variable that forces one reader, for tests and benchmarks. */
const READER_VARIABLE = 'FOOTPRINT_READER';

export interface OpenRepositoryOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Replaces rename settings read from git's configuration (`diff.renames`, `diff.renameLimit`). */
  renames?: Partial<RenameOptions>;
}

/**
 * Finds the repository and returns a reader for its staged change. The native reader reads
 * git's files directly. When the repository uses something it cannot read correctly (SHA-256
 * ids, reftable, a split or sparse index, ...), the git command line reader is used instead,
 * with the same result. FOOTPRINT_READER=cli or =native forces one.
 */
export async function openRepository(options: OpenRepositoryOptions): Promise<GitReader> {
  const forced = readForcedReader(options.env);
  const layout = await discoverRepository({ cwd: options.cwd, env: options.env });
  const repositoryConfig = await readGitConfig(layout);
  // Settings such as diff.renames often live in the user's files, where `git diff` reads them.
  const config = await readGitConfig(layout, {
    scopes: ['system', 'global', 'local', 'worktree', 'command'],
    env: options.env,
  });
  const renameOptions = { ...renameOptionsFromConfig(config), ...options.renames };
  const format = readObjectFormat(repositoryConfig);

  const { index, reasons } = await loadIndex(layout, format);
  reasons.push(...checkNativeCapabilities(layout, repositoryConfig, index, options.env));
  if (forced === 'native' && reasons.length > 0) {
    throw new UserError(
      `${READER_VARIABLE}=native cannot read ${layout.gitDir} correctly: ${reasons.join('; ')}. Unset ${READER_VARIABLE} to let footprint use the git command line.`,
    );
  }

  if (forced === 'cli' || reasons.length > 0) {
    const reasonText = reasons.length > 0 ? reasons.join('; ') : `${READER_VARIABLE}=cli`;
    debug(`reader: cli because ${reasonText}`);
    // Loaded only here, because it loads node:child_process, which the native reader never needs.
    const { CliReader } = await import('./readers/cli.js');
    return new CliReader(layout, reasons, format, renameOptions, config, options.env);
  }

  debug('reader: native');
  const store = await ObjectStore.open(layout, {
    savedObjectsFile: path.join(layout.commonDir, SAVED_OBJECTS_FILE),
  });
  return new NativeReader(layout, index, store, renameOptions, config, options.env);
}

function readForcedReader(env: NodeJS.ProcessEnv): 'cli' | 'native' | null {
  const value = env[READER_VARIABLE];
  if (value === undefined || value === '') return null;
  if (value === 'cli' || value === 'native') return value;
  throw new UserError(
    `Invalid ${READER_VARIABLE}=${value}: expected cli or native. Unset it to let footprint choose.`,
  );
}

function readObjectFormat(config: GitConfig): ObjectFormat {
  return config.get('extensions.objectFormat')?.toLowerCase() === 'sha256' ? 'sha256' : 'sha1';
}

/** Reads the index; an index this reader cannot parse becomes a reason to use the git command line. */
async function loadIndex(
  layout: RepositoryLayout,
  format: ObjectFormat,
): Promise<{ index: IndexFile | null; reasons: string[] }> {
  try {
    return { index: await readIndexFile(layout.indexFile, { objectFormat: format }), reasons: [] };
  } catch (error) {
    if (!(error instanceof IndexFormatError)) throw error;
    return { index: null, reasons: [`the index cannot be parsed: ${error.message}`] };
  }
}
