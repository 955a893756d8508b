import { link, mkdir, readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CONFIG_FILE_NAME } from '../config/load.js';
import { UserError } from '../errors.js';
import {
  isEarlierStoreGitignoreText,
  isStoreGitignoreText,
  STORE_GITIGNORE_TEXT,
} from '../fossils/store-gitignore.js';
import type { RepositoryLayout } from '../git/types.js';
import { shellPathspec } from '../output/top-pathspec.js';
import type { InstallStep } from './install-step.js';
import { isTracked } from './tracked.js';

/** Returns the report step of a file that git tracks, which uninstall keeps. */
function trackedStep(file: string): InstallStep {
  return { file, action: 'unchanged', detail: 'committed to the repository, kept' };
}

/**
 * Writes `<fossilDir>/.gitignore` unless it exists. An untracked one with the text of earlier
 * versions, which kept the file itself untracked, is rewritten with the current text.
 */
export async function writeFossilGitignore(
  layout: RepositoryLayout,
  worktree: string,
  fossilDir: string,
): Promise<InstallStep> {
  const dir = path.resolve(worktree, fossilDir);
  const file = path.join(dir, '.gitignore');
  checkFossilGitignore(worktree, fossilDir);
  if (existsSync(file)) {
    if (!isEarlierStoreGitignoreText(await readFile(file, 'utf8'))) {
      return { file, action: 'unchanged', detail: 'fossil store already ignored' };
    }
    if (await isTracked(layout, file)) {
      // A committed ignore file leaves the store unignored on every branch that lacks it.
      const relative = path.relative(worktree, file).split(path.sep).join('/');
      return {
        file,
        action: 'unchanged',
        detail:
          'committed, so the store is not ignored on branches without it; run ' +
          `\`git rm --cached -- ${shellPathspec(relative)}\`, commit that, and run ` +
          '`footprint init` again',
      };
    }
    await writeFile(file, STORE_GITIGNORE_TEXT);
    return { file, action: 'updated', detail: 'now ignores itself too' };
  }

  await mkdir(dir, { recursive: true });
  await writeFile(file, STORE_GITIGNORE_TEXT);
  return { file, action: 'created', detail: 'keeps fossils out of git' };
}

/**
 * Throws when the fossil store's `.gitignore` exists but is not a regular file: git reads no
 * ignore rules from a folder or a link, so the fossils would show as untracked. Called before
 * init writes any file.
 */
export function checkFossilGitignore(worktree: string, fossilDir: string): void {
  const folder = path.resolve(worktree, fossilDir);
  if (isBlockedFolder(folder)) {
    throw new UserError(
      `${folder} is not a folder, so footprint cannot keep its fossils there. Move that file ` +
        'away, or set "fossilDir" in footprint.config.json to a folder, then run ' +
        '`footprint init` again.',
    );
  }

  const file = path.join(folder, '.gitignore');
  const existing = lstatSync(file, { throwIfNoEntry: false });
  if (existing === undefined || existing.isFile()) return;
  throw new UserError(
    `${file} is not a regular file, so git reads no ignore rules from it and the fossils would show as untracked. ` +
      'Remove it, then run `footprint init` again.',
  );
}

/** Returns true when a file, or a file in place of one of its parents, takes a folder's path. */
function isBlockedFolder(folder: string): boolean {
  try {
    const found = statSync(folder, { throwIfNoEntry: false });
    return found !== undefined && !found.isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return true;
    throw error;
  }
}

/**
 * Writes a starter footprint.config.json unless the worktree has one or its package.json has
 * a `footprint` key. The file sets the keys a new user changes first, at their defaults.
 */
export async function writeStarterConfig(worktree: string): Promise<InstallStep> {
  const file = path.join(worktree, CONFIG_FILE_NAME);
  if (existsSync(file)) return { file, action: 'unchanged', detail: 'configuration kept' };
  const manifest = path.join(worktree, 'package.json');
  if (await hasFootprintKey(manifest)) {
    return {
      file: manifest,
      action: 'unchanged',
      detail: 'configuration in its "footprint" key kept',
    };
  }

  const text = `${JSON.stringify(starterConfig(worktree), null, 2)}\n`;
  if (!(await createWhole(file, text))) {
    return { file, action: 'unchanged', detail: 'configuration kept' };
  }
  return { file, action: 'created', detail: 'starter configuration with the defaults' };
}

/** Errors of a hard link on a file system that has none, such as FAT. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Creates `file` with `text` unless it exists, so that no reader sees it empty or half written:
 * another `init` may read the configuration meanwhile. The text goes to a temporary file first,
 * which a hard link then names, and a link never replaces a file. Returns false when `file`
 * already existed.
 */
async function createWhole(file: string, text: string): Promise<boolean> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
    // Without hard links, an exclusive create keeps an existing file, though not atomically.
    return writeFile(file, text, { flag: 'wx' }).then(
      () => true,
      (failure: NodeJS.ErrnoException) => {
        if (failure.code === 'EEXIST') return false;
        throw failure;
      },
    );
  } finally {
    await rm(temporary, { force: true });
  }
}

function starterConfig(worktree: string): object {
  const schema = path.join('node_modules', 'footprint-cli', 'schemas', 'config.schema.json');
  const hasSchema = existsSync(path.join(worktree, schema));
  return {
    ...(hasSchema ? { $schema: `./${schema.split(path.sep).join('/')}` } : {}),
    mode: 'balanced',
    failClosed: false,
    llm: { enabled: true, provider: 'heuristic' },
    risk: { disable: [], allow: [] },
  };
}

async function hasFootprintKey(manifest: string): Promise<boolean> {
  if (!existsSync(manifest)) return false;
  try {
    const parsed = JSON.parse(await readFile(manifest, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, 'footprint');
  } catch {
    return false;
  }
}

/**
 * Removes `<fossilDir>/.gitignore` and the folder when init's file is all the folder holds.
 * A store with fossils keeps both, because the fossils are the user's records.
 */
export async function removeFossilGitignore(
  layout: RepositoryLayout,
  worktree: string,
  fossilDir: string,
): Promise<InstallStep[]> {
  const dir = path.resolve(worktree, fossilDir);
  const file = path.join(dir, '.gitignore');
  if (!existsSync(file)) return [];
  if (await isTracked(layout, file)) return [trackedStep(file)];
  // A named pipe would block the read until another process writes to it.
  const isFile = (await stat(file)).isFile();
  if (!isFile || !isStoreGitignoreText(await readFile(file, 'utf8'))) {
    return [{ file, action: 'unchanged', detail: 'edited since init, kept' }];
  }

  const others = (await readdir(dir)).filter((name) => name !== '.gitignore');
  if (others.length > 0) {
    return [
      {
        file,
        action: 'unchanged',
        detail: `kept, because the store holds ${others.length} more ${others.length === 1 ? 'file' : 'files'}`,
      },
    ];
  }
  await rm(file);
  await rmdir(dir);
  return [{ file, action: 'removed', detail: 'the fossil store was empty' }];
}

/** Removes footprint.config.json when it still has the starter settings init wrote. */
export async function removeStarterConfig(
  layout: RepositoryLayout,
  worktree: string,
): Promise<InstallStep[]> {
  const file = path.join(worktree, CONFIG_FILE_NAME);
  if (!existsSync(file)) return [];
  if (await isTracked(layout, file)) return [trackedStep(file)];

  let written: unknown;
  try {
    written = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return [{ file, action: 'unchanged', detail: 'edited since init, kept' }];
  }
  if (!isDeepStrictEqual(withoutSchema(written), withoutSchema(starterConfig(worktree)))) {
    return [{ file, action: 'unchanged', detail: 'edited since init, kept' }];
  }
  await rm(file);
  return [{ file, action: 'removed', detail: 'starter configuration' }];
}

function withoutSchema(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  delete copy['$schema'];
  return copy;
}
