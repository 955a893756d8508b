import type { FileChange, FileContent } from '../footprint/types.js';
import type { BatchPart } from './batch-parts.js';
import { readKindScope, readLearnedScope, type CoChangeModel } from './co-change.js';
import { scopeTypeOf, type TypeChoice } from './commit-type.js';
import { changesDependencies } from './manifest-changes.js';
import {
  isScopeText,
  packageFolderOf,
  packageIndexOf,
  PACKAGE_FOLDERS,
  type PackageScopes,
} from './package-scopes.js';
import type { CommitType } from './types.js';
import { baseNameOf, folderOf } from './paths.js';

/** Folders that name where code lives, not which part of the project it belongs to. */
const LOCATION_FOLDERS = new Set([
  'src',
  'lib',
  'source',
  'test',
  'tests',
  '__tests__',
  '__test__',
  'spec',
  'specs',
  // Type tests, as tsd and Vitest keep them.
  'test-d',
  'docs',
  'doc',
  '.github',
  'workflows',
  // Go's layout folders: `internal` for packages other modules cannot import, `pkg` for others.
  'internal',
  'pkg',
]);

/**
 * Folders that name a kind of code that every package may hold, not a part of the project.
 * Inside a monorepo package they give way to the package: `apps/web/app/page.tsx` and
 * `packages/runtime/src/components/Teleport.ts` are scoped `web` and `runtime`.
 */
const KIND_FOLDERS = new Set([
  'app',
  'pages',
  'routes',
  'views',
  'components',
  'composables',
  'hooks',
  'directives',
  'plugins',
  'transforms',
  'middleware',
  'middlewares',
  'handlers',
  'helpers',
  'utils',
  'util',
  'shared',
  'common',
  'core',
  'runtime',
  'node',
  'types',
  'config',
  'configs',
]);

/** Scopes that Dependabot, Renovate and their users give dependency updates. */
export const DEPENDENCY_SCOPES: ReadonlySet<string> = new Set([
  'deps',
  'deps-dev',
  'dependencies',
  'actions',
  'github-actions',
]);

/** A folder that names a part of the project, marked when it is a package of a monorepo. */
interface Segment {
  name: string;
  isPackage: boolean;
}

/**
 * Returns the folder segments that name a part of the project: `src/parser` gives `parser`. A
 * package's name counts even when it is a location word, as `docs` in `apps/docs/app`, and
 * `packageScopes` can rename it. Below a package, folders of a kind of code (KIND_FOLDERS)
 * name no part, nor do a docs file's folders, such as `guides` in `apps/docs/guides/intro.md`,
 * which lay out a site.
 */
function meaningfulSegments(file: FileChange, packageScopes: PackageScopes): Segment[] {
  const folders = folderOf(file.path).split('/');
  const packageIndex = packageIndexOf(folders);
  const inDocsPackage = file.category === 'docs' && packageIndex !== -1;
  const segments = inDocsPackage ? folders.slice(0, packageIndex + 1) : folders;

  const kept: Segment[] = [];
  segments.forEach((segment, index) => {
    if (segment === '') return;
    if (index > 0 && PACKAGE_FOLDERS.has(segments[index - 1] as string)) {
      const folder = segments.slice(0, index + 1).join('/');
      kept.push({ name: packageScopes.get(folder) ?? segment, isPackage: true });
      return;
    }
    const isContainer = PACKAGE_FOLDERS.has(segment) && index < segments.length - 1;
    if (LOCATION_FOLDERS.has(segment) || isContainer) return;
    if (packageIndex !== -1 && index > packageIndex && KIND_FOLDERS.has(segment)) return;
    kept.push({ name: segment, isPackage: false });
  });
  return kept;
}

function commonPrefix(lists: Segment[][]): Segment[] {
  const [first = [], ...rest] = lists;
  let length = first.length;
  for (const list of rest) {
    let shared = 0;
    while (shared < length && isSameSegment(list[shared], first[shared])) shared += 1;
    length = shared;
  }
  return first.slice(0, length);
}

function isSameSegment(a: Segment | undefined, b: Segment | undefined): boolean {
  return a?.name === b?.name && a?.isPackage === b?.isPackage;
}

/** Categories of files that, placed at the root of a folder, serve the packages below it. */
const SHARED_CATEGORIES: ReadonlySet<string> = new Set(['test', 'lockfile']);

/**
 * Returns the meaningful segments of each file's folder, leaving out tests at the root of a
 * test folder and lockfiles at the root of the repository when other files have some:
 * `tests/test_cart.py` tests the package of the `src/shop/cart.py` beside it, so it keeps the
 * batch's `shop` scope, and a workspace's one lockfile locks `packages/cli` too.
 */
function scopedSegments(files: readonly FileChange[], packageScopes: PackageScopes): Segment[][] {
  const segments = files.map((file) => meaningfulSegments(file, packageScopes));
  const placed = segments.filter(
    (list, index) => list.length > 0 || !SHARED_CATEGORIES.has(files[index]?.category ?? ''),
  );
  return placed.some((list) => list.length > 0) ? placed : segments;
}

/**
 * Chooses the Conventional Commits scope of a batch: `deps` for a `build` batch that changes
 * dependencies (a lockfile, or a manifest whose dependencies change in `content`), else the
 * deepest folder all its files share once location folders (`src`, `test`, `docs`) are set
 * aside, and tests at the root of a test folder left out (see scopedSegments). A docs file in
 * a monorepo package counts as the package's root. Returns null when they share none, as for
 * files at the root of `src` and `test`. A batch of manifests whose dependencies did not
 * change is a `chore` (see chooseCommitType), so it gets its folder as scope. Without
 * `content` every manifest counts as a dependency change. A package that `packageScopes`
 * lists takes its scope from there, so two staged packages named docs get different scopes.
 */
export function chooseScope(
  files: readonly FileChange[],
  type: CommitType,
  content?: ReadonlyMap<string, FileContent>,
  packageScopes: PackageScopes = new Map(),
): string | null {
  const dependencies = files.some((file) => changesDependencies(file, content?.get(file.path)));
  if (type === 'build' && dependencies) return 'deps';
  if (type === 'ci') return null;

  const shared = commonPrefix(scopedSegments(files, packageScopes));
  const scope = shared[shared.length - 1];
  if (scope === undefined) return null;
  // A folder that repeats the type adds nothing, but a package's name identifies the package.
  if (scope.name === type && !scope.isPackage) return null;
  return isScopeText(scope.name) ? scope.name : null;
}

/**
 * Chooses a batch's scope. A dependency update takes the scope that an update bot's
 * configuration gives it, even none. A release or a batch of one kind of files takes the
 * repository's habit for such commits, even no scope, when the learned model has one. A
 * habit's scope gives way to the scope the repository's commits use for the batch's folders,
 * and a dependency scope such as `deps` goes only to a batch that changes dependencies. A
 * repository whose headers rarely name a scope gets none. Otherwise a bump of the actions of
 * workflows typed `build` or `chore` gets `deps`. Other batches take the scope the
 * repository's commits use for their paths, else the scope of their files' folders (see
 * chooseScope), unless that is a package's folder name that the history shows the team rarely
 * names there (see isForeignScope). That one follows the guessed type (see scopeTypeOf), so a
 * dependency update typed `chore` by habit gets `deps`.
 */
export function chooseBatchScope(
  parts: readonly BatchPart[],
  choice: Pick<TypeChoice, 'type' | 'guessed' | 'release' | 'actions' | 'scope'>,
  model: CoChangeModel | undefined,
  content?: ReadonlyMap<string, FileContent>,
  packageScopes: PackageScopes = new Map(),
): string | null {
  if (choice.scope !== undefined) return choice.scope;
  const files = parts.map((part) => part.file);
  const paths = files.map((file) => file.path);
  const bumpsActions = choice.actions !== undefined;
  const habit = readKindScope(model, paths, choice.release !== undefined, bumpsActions);
  const learned = readLearnedScope(model, paths);
  const fitsLearned =
    learned !== null && learned !== choice.type && fitsLearnedScope(learned, files, content);
  // The team's own habit wins, even a scope that repeats the type, as `docs(docs)` does. But
  // a scope its commits name for these folders stays, as `ingest` for a Go test there.
  if (habit !== null && fitsKindScope(habit.scope, files, content, bumpsActions)) {
    return habit.scope !== null && fitsLearned ? learned : habit.scope;
  }
  if (model?.usesScopes === false) return null;
  // The learned scope of workflow folders comes from CI edits, such as `chore(ci)`.
  if (bumpsActions && (choice.type === 'build' || choice.type === 'chore')) return 'deps';

  if (fitsLearned) return learned;
  const folderScope = chooseScope(files, scopeTypeOf(choice), content, packageScopes);
  return isForeignScope(folderScope, paths, model) ? null : folderScope;
}

/**
 * Share of the commits in a batch's folders that must name a folder's scope for a batch there
 * to take it, unless the repository uses it often (MIN_SCOPE_HABIT).
 */
const MIN_FOLDER_SCOPE_SHARE = 0.1;

/** Commits that name a scope before it counts as one of the repository's own scope names. */
const MIN_SCOPE_HABIT = 5;

/**
 * Returns true for the name of a workspace package's folder that the repository seldom uses as
 * a scope, though it often names scopes. Its commits in these paths' folders rarely name it
 * either: vite names `vite` for `packages/vite` in 2 of 2,000 commits. Such a team writes
 * other scopes there, or none. A batch with no scoped commits at or above its folders, such as
 * a new package, keeps its scope, and so does a scope from a folder inside a package.
 */
function isForeignScope(
  scope: string | null,
  paths: readonly string[],
  model: CoChangeModel | undefined,
): boolean {
  if (scope === null || model?.usesScopes !== true) return false;
  const packageName = (path: string) => baseNameOf(packageFolderOf(path) ?? '');
  if (!paths.some((path) => packageName(path) === scope)) return false;
  const use = model.scopeUseFor?.(paths, scope);
  if (use === undefined || use.share === null || use.commits >= MIN_SCOPE_HABIT) return false;
  return use.share < MIN_FOLDER_SCOPE_SHARE;
}

/**
 * Returns whether the scope habit of a kind of batch fits this batch. A dependency scope such
 * as `deps`, which most build commits of a repository may name, fits only a batch that changes
 * dependencies or bumps actions, so a Dockerfile `ENV` edit keeps its folder's scope.
 */
function fitsKindScope(
  scope: string | null,
  files: readonly FileChange[],
  content: ReadonlyMap<string, FileContent> | undefined,
  bumpsActions: boolean,
): boolean {
  return scope === null || bumpsActions || fitsLearnedScope(scope, files, content);
}

/**
 * Returns whether a scope learned for the batch's folders fits it. Dependency updates give the
 * folder of a manifest a scope such as `deps`, which fits only a batch that changes dependencies.
 */
function fitsLearnedScope(
  scope: string,
  files: readonly FileChange[],
  content?: ReadonlyMap<string, FileContent>,
): boolean {
  if (!DEPENDENCY_SCOPES.has(scope.toLowerCase())) return true;
  return files.some((file) => changesDependencies(file, content?.get(file.path)));
}
