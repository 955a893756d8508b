import { compileWildmatch } from '../../git/wildmatch.js';
import { parseCommitPrefix } from './commit-prefix.js';
import { isRecord, readTexts } from './records.js';
import type { DependencyUpdate, UpdateBotConfig, UpdateConvention } from './types.js';
import { parseYamlSubset } from './yaml-subset.js';

/** The commit message settings of one entry of Dependabot's `updates` list. */
interface UpdateEntry {
  ecosystem: string;
  /** Its `directory` and `directories`, as patterns for folder paths without slashes around. */
  folders: RegExp[];
  prefix: unknown;
  developmentPrefix: unknown;
  /** `include: scope`, which adds `(deps)`, or `(deps-dev)` for development dependencies. */
  includeScope: boolean;
}

/**
 * Reads the commit message settings of a Dependabot configuration (`updates[].commit-message`).
 * Returns null when no entry states a prefix. Raises YamlSubsetError for YAML it cannot read.
 */
export function readDependabotConfig(text: string, file: string): UpdateBotConfig | null {
  const document = parseYamlSubset(text);
  const updates = isRecord(document) ? document['updates'] : undefined;
  if (!Array.isArray(updates)) return null;

  const entries = updates.map(readEntry).filter((entry) => entry !== null);
  const prefixed = entries.some(
    (entry) => entry.prefix !== undefined || entry.developmentPrefix !== undefined,
  );
  if (!prefixed) return null;
  return { bot: 'Dependabot', file, conventionFor: (update) => findConvention(entries, update) };
}

function readEntry(value: unknown): UpdateEntry | null {
  if (!isRecord(value) || typeof value['package-ecosystem'] !== 'string') return null;

  const message = isRecord(value['commit-message']) ? value['commit-message'] : {};
  const directory = value['directory'];
  const directories = typeof directory === 'string' ? [directory] : [];
  directories.push(...readTexts(value['directories']));
  return {
    ecosystem: value['package-ecosystem'],
    folders: directories.map((folder) =>
      compileWildmatch(folder.replace(/^\/+|\/+$/g, ''), { pathname: true }),
    ),
    prefix: message['prefix'],
    developmentPrefix: message['prefix-development'],
    includeScope: message['include'] === 'scope',
  };
}

/**
 * Returns the convention of the entry for the update's ecosystem and folder. Without an entry
 * for its folder, the first one of its ecosystem stands for the repository's habit. An update
 * of development dependencies alone takes `prefix-development` when the entry has one.
 */
function findConvention(
  entries: readonly UpdateEntry[],
  update: DependencyUpdate,
): UpdateConvention | null {
  const candidates = entries.filter((entry) =>
    update.ecosystem.dependabot.includes(entry.ecosystem),
  );
  const folder = update.folder;
  const entry =
    candidates.find(
      (candidate) => folder !== null && candidate.folders.some((pattern) => pattern.test(folder)),
    ) ?? candidates[0];
  if (entry === undefined) return null;

  // NOTE: development dependencies are read from package.json alone, so the updates of other
  // manifests, such as a composer.json's require-dev, take `prefix`.
  const development =
    update.dependencyTypes.length > 0 &&
    update.dependencyTypes.every((type) => type === 'devDependencies');
  const prefix =
    development && entry.developmentPrefix !== undefined ? entry.developmentPrefix : entry.prefix;
  const parsed = typeof prefix === 'string' ? parseCommitPrefix(prefix) : null;
  if (parsed === null || parsed.scope !== null || !entry.includeScope) return parsed;
  return { type: parsed.type, scope: development ? 'deps-dev' : 'deps' };
}
