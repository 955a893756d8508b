import type { Footprint } from '../../footprint/types.js';
import type { GitReader } from '../../git/types.js';
import { createDebug } from '../../log/debug.js';
import { parseManifest } from '../manifest-changes.js';
import { readDependabotConfig } from './dependabot.js';
import { parseJson5Subset } from './json5-subset.js';
import { readRenovateConfig } from './renovate.js';
import type { UpdateBotConfig } from './types.js';

const debug = createDebug('batches');

/** The update bot configurations of a repository, Dependabot's first. */
export type UpdateBots = readonly UpdateBotConfig[];

/** Dependabot's configuration files: it reads the first that exists. */
const DEPENDABOT_FILES = ['.github/dependabot.yml', '.github/dependabot.yaml'];

/**
 * Renovate's configuration files, in the order of `configFileNames` in its
 * lib/config/app-strings.ts, with the `.gitlab/` and `.renovaterc.json5` files that later versions
 * also read. Renovate reads the first that exists, else the `renovate` key of package.json.
 */
const RENOVATE_FILES = [
  'renovate.json',
  'renovate.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
];
const PACKAGE_JSON = 'package.json';

/** A larger file is read as no configuration, so a stray blob cannot slow the hook. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Categories of the staged files whose batches an update bot's configuration may type. */
const UPDATE_CATEGORIES: ReadonlySet<string> = new Set(['dependency-manifest', 'lockfile', 'ci']);

/**
 * Reads the Dependabot and Renovate configurations in HEAD's tree with one batch of object
 * reads. It never reads the index or the working tree, so an unfinished edit of a configuration
 * types no batch. It reads nothing when no staged file is a manifest, lockfile or CI file. A
 * configuration that cannot be read or parsed is left out, with a debug line, whatever the
 * error, so a configuration file never fails the analysis.
 */
export async function loadUpdateBots(
  reader: Pick<GitReader, 'readTreeFiles'>,
  footprint: Footprint,
): Promise<UpdateBots> {
  const tree = footprint.headTree;
  if (tree === null || reader.readTreeFiles === undefined) return [];
  if (!footprint.files.some((file) => UPDATE_CATEGORIES.has(file.category))) return [];

  let files: Map<string, Buffer>;
  try {
    const paths = [...DEPENDABOT_FILES, ...RENOVATE_FILES, PACKAGE_JSON];
    files = await reader.readTreeFiles(tree, paths, MAX_CONFIG_BYTES);
  } catch (error) {
    // The configurations only refine message types, so a failed read keeps the default types.
    debug(`update bot configurations not read: ${String(error)}`);
    return [];
  }
  const bots = [readDependabot(files), readRenovate(files)];
  return bots.filter((bot) => bot !== null);
}

function readDependabot(files: ReadonlyMap<string, Buffer>): UpdateBotConfig | null {
  const file = DEPENDABOT_FILES.find((name) => files.has(name));
  if (file === undefined) return null;
  return parseOrNull(file, () => readDependabotConfig(textOf(files, file), file));
}

function readRenovate(files: ReadonlyMap<string, Buffer>): UpdateBotConfig | null {
  const file = RENOVATE_FILES.find((name) => files.has(name));
  if (file !== undefined) {
    return parseOrNull(file, () => readRenovateConfig(parseJson5Subset(textOf(files, file)), file));
  }
  if (!files.has(PACKAGE_JSON)) return null;
  return parseOrNull(PACKAGE_JSON, () => {
    const config = parseManifest(textOf(files, PACKAGE_JSON))?.['renovate'];
    return config === undefined ? null : readRenovateConfig(config, PACKAGE_JSON);
  });
}

function textOf(files: ReadonlyMap<string, Buffer>, file: string): string {
  return (files.get(file) ?? Buffer.alloc(0)).toString('utf8');
}

/**
 * Runs `read`, and returns null when it raises. Besides the readers' parse errors, this catches
 * a bug such as a stack overflow, because the configurations only refine message types.
 */
function parseOrNull(file: string, read: () => UpdateBotConfig | null): UpdateBotConfig | null {
  try {
    return read();
  } catch (error) {
    debug(`${file} in HEAD is left out: ${String(error)}`);
    return null;
  }
}
