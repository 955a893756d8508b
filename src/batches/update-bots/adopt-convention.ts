import type { FileContent } from '../../footprint/types.js';
import type { BatchPart } from '../batch-parts.js';
import type { TypeChoice } from '../commit-type.js';
import { DEPENDENCY_FIELDS, parseManifest } from '../manifest-changes.js';
import { baseNameOf, folderOf } from '../paths.js';
import { ecosystemOfFile, GITHUB_ACTIONS } from './ecosystems.js';
import type { UpdateBots } from './load.js';
import type { DependencyUpdate, UpdateBotConfig, UpdateConvention } from './types.js';

type ContentMap = ReadonlyMap<string, FileContent>;

/** Categories of the files that name the package ecosystem of a dependency update. */
const PACKAGE_FILE_CATEGORIES: ReadonlySet<string> = new Set(['dependency-manifest', 'lockfile']);

/** Returns the package.json sections whose dependencies differ between HEAD and the index. */
function changedDependencyTypes(parts: readonly BatchPart[], content: ContentMap): string[] {
  const types = new Set<string>();
  for (const { file } of parts) {
    if (baseNameOf(file.path) !== 'package.json') continue;
    const texts = content.get(file.path);
    const before = parseManifest(texts?.oldText ?? null) ?? {};
    const after = parseManifest(texts?.newText ?? null) ?? {};
    for (const field of DEPENDENCY_FIELDS) {
      if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) types.add(field);
    }
  }
  return [...types];
}

/**
 * Lists what a dependency update batch updates, as update bots' rules match it: each manifest
 * and lockfile, or the workflows of a bump of actions. Returns null when a manifest or lockfile
 * belongs to no ecosystem that the bots name.
 */
export function listDependencyUpdates(
  choice: Pick<TypeChoice, 'actions'>,
  parts: readonly BatchPart[],
  content: ContentMap,
): DependencyUpdate[] | null {
  if (choice.actions !== undefined) {
    return [{ ecosystem: GITHUB_ACTIONS, folder: null, dependencyTypes: [] }];
  }
  const dependencyTypes = changedDependencyTypes(parts, content);
  const updates: DependencyUpdate[] = [];
  for (const { file } of parts) {
    if (!PACKAGE_FILE_CATEGORIES.has(file.category)) continue;
    const ecosystem = ecosystemOfFile(file.path);
    if (ecosystem === null) return null;
    updates.push({ ecosystem, folder: folderOf(file.path), dependencyTypes });
  }
  return updates.length > 0 ? updates : null;
}

/** Returns the convention a bot gives every update alike, or null when they differ or lack one. */
function agreedConvention(
  config: UpdateBotConfig,
  updates: readonly DependencyUpdate[],
): UpdateConvention | null {
  const [first, ...others] = updates.map((update) => config.conventionFor(update));
  if (first === null || first === undefined) return null;
  const same = others.every(
    (other) => other !== null && other.type === first.type && other.scope === first.scope,
  );
  return same ? first : null;
}

/**
 * Returns `choice` with the type and scope that an update bot's configuration gives a batch of
 * dependency updates, or null when no bot states them. The configuration wins over a learned
 * habit: it states the project's convention, which the bot follows from then on, while the habit
 * counts past commits that may predate it. The batch keeps `build`'s subject and order.
 */
export function adoptBotConvention(
  choice: TypeChoice,
  parts: readonly BatchPart[],
  content: ContentMap,
  bots: UpdateBots,
): TypeChoice | null {
  if (bots.length === 0 || choice.updatesDependencies !== true) return null;
  const updates = listDependencyUpdates(choice, parts, content);
  if (updates === null) return null;

  for (const config of bots) {
    const convention = agreedConvention(config, updates);
    if (convention === null) continue;
    const { type, scope } = convention;
    const header = scope === null ? type : `${type}(${scope})`;
    const source = `${config.bot}'s configuration in ${config.file}`;
    return {
      ...choice,
      type,
      scope,
      guessed: choice.guessed ?? choice.type,
      reason: `${choice.reason}, and ${source} writes such updates as ${header}`,
    };
  }
  return null;
}
