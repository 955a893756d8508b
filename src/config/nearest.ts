import { lstatSync } from 'node:fs';
import path from 'node:path';

import { createDebug } from '../log/debug.js';
import { createDefaultConfig } from './defaults.js';
import { quotePath } from '../output/quote-path.js';
import {
  CONFIG_FILE_NAME,
  MANIFEST_FILE_NAME,
  readFolderConfig,
  type FolderConfig,
} from './load.js';
import { mergeConfig } from './merge.js';
import type { Config, ConfigSource } from './types.js';
import { warnOnce } from './warn-once.js';

const debug = createDebug('config');

/** Keys a nested configuration may set; the rest apply to the whole repository from its root. */
const PER_FILE_KEYS = new Set(['$schema', 'risk']);

/** The risk settings that apply to some staged paths, and where they come from. */
export interface RiskScope {
  /** Folder of the configuration relative to the worktree, with `/`; '' for the root. */
  dir: string;
  /** Absolute path of the configuration file, or null when the root has none. */
  file: string | null;
  risk: Config['risk'];
}

/**
 * Finds the configuration nearest to each staged path, as lint-staged does: the first folder
 * from the path's own folder up to the worktree root that has a `footprint.config.json`, or a
 * `package.json` with a `footprint` key. A nested configuration replaces the root's `risk`
 * section for the paths below it: the keys it leaves out take their defaults, not the root's.
 * Paths with no nested configuration get the root's settings (`root`). Each folder is read
 * at most once, so the cost grows with the folders of the staged paths, not the repository.
 */
export async function findRiskScopes(
  worktree: string,
  paths: readonly string[],
  root: ConfigSource,
): Promise<Map<string, RiskScope>> {
  const rootScope: RiskScope = { dir: '', file: root.file, risk: root.config.risk };
  const byFolder = new Map<string, Promise<RiskScope>>([['', Promise.resolve(rootScope)]]);
  const real = new Map<string, boolean>([['', true]]);

  const isRealFolder = (folder: string): boolean => {
    let known = real.get(folder);
    if (known === undefined) {
      known = isRealFolder(parentFolder(folder)) && isDirectory(path.join(worktree, folder));
      real.set(folder, known);
    }
    return known;
  };
  const scopeOf = (folder: string): Promise<RiskScope> => {
    let scope = byFolder.get(folder);
    if (scope === undefined) {
      const inherit = () => scopeOf(parentFolder(folder));
      scope = readScope(worktree, folder, inherit, () => isRealFolder(folder), root.file);
      byFolder.set(folder, scope);
    }
    return scope;
  };

  const scopes = new Map<string, RiskScope>();
  for (const stagedPath of paths) scopes.set(stagedPath, await scopeOf(parentFolder(stagedPath)));
  return scopes;
}

/**
 * Returns true when the path is a folder itself, not a symbolic link to one. A staged path
 * whose folder is now a link, a file or missing in the worktree has no nested configuration
 * there: the link may point outside the repository or at itself, and a path git can store
 * may be too long to open.
 */
function isDirectory(folderPath: string): boolean {
  try {
    return lstatSync(folderPath).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads the configuration of one folder, or inherits its parent's. A configuration found
 * through a folder that is not real (see isDirectory) is not the repository's and is passed
 * over. That is checked only for a folder that has one, because most folders have none and
 * the hook looks at every folder on the way to each staged path.
 */
async function readScope(
  worktree: string,
  folder: string,
  inherit: () => Promise<RiskScope>,
  isReal: () => boolean,
  rootFile: string | null,
): Promise<RiskScope> {
  const found = await readFolderConfig(path.join(worktree, ...folder.split('/')), folder);
  if (found === null || !isReal()) return inherit();

  debug(`${folder}: nested configuration ${found.file}`);
  warnAboutRepositoryKeys(found, folder, rootFile);
  return { dir: folder, file: found.file, risk: rebaseRisk(found, folder) };
}

/** Merges the nested `risk` section over the defaults and makes its globs worktree-relative. */
function rebaseRisk(found: FolderConfig, folder: string): Config['risk'] {
  const risk = mergeConfig(createDefaultConfig(), { risk: found.settings.risk ?? {} }).risk;
  return {
    ...risk,
    allow: risk.allow.map((entry) =>
      entry.path === undefined ? entry : { ...entry, path: rebaseGlob(entry.path, folder) },
    ),
  };
}

/**
 * Rewrites a glob written relative to `folder` so it matches worktree-relative paths. A glob
 * without `/` matches a base name at any depth below the folder, as it does at the root.
 */
export function rebaseGlob(glob: string, folder: string): string {
  if (folder === '') return glob;
  if (glob.includes('/')) return `${folder}/${glob.replace(/^\//, '')}`;
  return `${folder}/**/${glob}`;
}

/**
 * Warns once per key and file about the keys of a nested configuration that apply to the
 * whole repository (`mode`, `blockOn`, `failClosed`, `fossilDir`, ...), because footprint
 * reads them from the root configuration only. `folder` is the nested file's folder relative
 * to the worktree, and `rootFile` the root configuration file, or null when there is none.
 */
function warnAboutRepositoryKeys(
  found: FolderConfig,
  folder: string,
  rootFile: string | null,
): void {
  const ignored = Object.keys(found.settings).filter((key) => !PER_FILE_KEYS.has(key));
  if (ignored.length === 0) return;

  const name = path.basename(found.file);
  const file = quotePath(`${folder}/${name}`);
  const keyPrefix = name === MANIFEST_FILE_NAME ? 'footprint.' : '';
  const target = describeRootConfig(rootFile);
  for (const key of ignored) {
    warnOnce(
      `footprint: "${keyPrefix}${key}" in ${file} is ignored, because it applies to the whole ` +
        `repository and footprint reads it only from the root configuration. Move it to ` +
        `${target}.\n`,
    );
  }
}

/** Names the root configuration that repository-wide keys go to, as a warning shows it. */
function describeRootConfig(rootFile: string | null): string {
  if (rootFile !== null && path.basename(rootFile) === MANIFEST_FILE_NAME) {
    return `the "footprint" key of ${MANIFEST_FILE_NAME} at the worktree root`;
  }
  return `${CONFIG_FILE_NAME} at the worktree root`;
}

/** Returns the folder of a worktree-relative path, '' for a path at the root. */
function parentFolder(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/');
  return slash === -1 ? '' : relativePath.slice(0, slash);
}
