import { baseNameOf, comparePaths, folderOf } from './paths.js';

/**
 * Monorepo folders whose children are package names, as scopes read them. The footprint's
 * PACKAGE_CONTAINERS, which decides categories, lists more.
 */
export const PACKAGE_FOLDERS: ReadonlySet<string> = new Set([
  'packages',
  'apps',
  'libs',
  'modules',
  'crates',
]);

/**
 * Scopes of the staged packages whose folder name another staged package shares, keyed by
 * package folder: `apps/docs` and `packages/docs` get scopes that tell them apart.
 */
export type PackageScopes = ReadonlyMap<string, string>;

/** Maximum length of a scope. A batch whose scope would be longer gets none. */
export const MAX_SCOPE_LENGTH = 24;
/** Characters of a scope, with `/` between a container and a package, as in `apps/docs`. */
export const SCOPE_TEXT = /^[A-Za-z0-9][\w./-]*$/;

/**
 * Returns the index of the deepest folder of `segments` that names a package, as `docs` in
 * `apps/docs/pages`, or -1 when none does.
 */
export function packageIndexOf(segments: readonly string[]): number {
  for (let index = segments.length - 1; index > 0; index -= 1) {
    if (PACKAGE_FOLDERS.has(segments[index - 1] as string)) return index;
  }
  return -1;
}

/** Returns the deepest package folder that contains the file at `path`, or null. */
export function packageFolderOf(path: string): string | null {
  const segments = folderOf(path).split('/');
  const index = packageIndexOf(segments);
  return index === -1 ? null : segments.slice(0, index + 1).join('/');
}

/**
 * Lists the package folders of `paths` whose name another of them shares, sorted, as
 * `apps/docs` and `packages/docs`. One package named docs is no such folder.
 */
export function findSharedPackageNames(paths: readonly string[]): string[] {
  const foldersByName = groupByName(paths);
  const shared = [...foldersByName.values()].filter((folders) => folders.length > 1);
  return shared.flat().sort(comparePaths);
}

/**
 * Chooses scopes that tell apart the staged packages whose folders share a name. Each gets the
 * `name` of its package.json without the npm scope (`@acme/docs-kit` gives `docs-kit`) when
 * those names differ from each other and from the other staged packages' folder names.
 * Otherwise each gets its container and folder, as `apps/docs`, the deepest package folder
 * whole when that pair repeats too. `manifestNames` maps package folders to package.json names.
 */
export function choosePackageScopes(
  paths: readonly string[],
  manifestNames: ReadonlyMap<string, string>,
): PackageScopes {
  const scopes = new Map<string, string>();
  const foldersByName = groupByName(paths);
  for (const [name, folders] of foldersByName) {
    if (folders.length < 2) continue;

    const others = [...foldersByName.keys()].filter((other) => other !== name);
    const names = folders.map((folder) => unscopedName(manifestNames.get(folder)));
    const labels = isDistinct(names, others) ? names : folderLabels(folders);
    folders.forEach((folder, index) => scopes.set(folder, labels[index] as string));
  }
  return scopes;
}

/** Groups the package folders of `paths` by their name, each group sorted. */
function groupByName(paths: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const path of paths) {
    const folder = packageFolderOf(path);
    if (folder === null) continue;
    const name = baseNameOf(folder);
    groups.set(name, (groups.get(name) ?? new Set()).add(folder));
  }
  return new Map([...groups].map(([name, folders]) => [name, [...folders].sort(comparePaths)]));
}

/** Returns a package.json name without its npm scope, or null when it is no usable scope. */
function unscopedName(name: string | undefined): string | null {
  if (name === undefined) return null;
  const unscoped = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  if (unscoped === name && name.startsWith('@')) return null;
  return isScopeText(unscoped) ? unscoped : null;
}

/** Returns true when every name is present, none repeats, and none is in `taken`. */
function isDistinct(names: ReadonlyArray<string | null>, taken: readonly string[]): boolean {
  const present = names.filter((name) => name !== null);
  if (present.length < names.length) return false;
  if (new Set(present).size < present.length) return false;
  return present.every((name) => !taken.includes(name));
}

/**
 * Labels package folders by container and folder, or by the whole folder when pairs repeat.
 * NOTE: a label over MAX_SCOPE_LENGTH gives no scope, so two long folders both go without one.
 */
function folderLabels(folders: readonly string[]): string[] {
  const pairs = folders.map((folder) => folder.split('/').slice(-2).join('/'));
  return new Set(pairs).size === pairs.length ? pairs : [...folders];
}

/** Returns true when `text` can stand as a scope: scope characters, at most MAX_SCOPE_LENGTH. */
export function isScopeText(text: string): boolean {
  return text.length <= MAX_SCOPE_LENGTH && SCOPE_TEXT.test(text);
}
