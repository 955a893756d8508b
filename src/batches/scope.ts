import type { FileChange, FileContent } from '../footprint/types.js';
import type { BatchPart } from './batch-parts.js';
import { readKindScope, readLearnedScope, type CoChangeModel } from './co-change.js';
import { scopeTypeOf, type TypeChoice } from './commit-type.js';
import { changesDependencies } from './manifest-changes.js';
import type { CommitType } from './types.js';
import { folderOf } from './paths.js';

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

/** Monorepo folders whose children are package names. */
const PACKAGE_FOLDERS = new Set(['packages', 'apps', 'libs', 'modules', 'crates']);

/** Scopes that Dependabot, Renovate and their users give dependency updates. */
export const DEPENDENCY_SCOPES: ReadonlySet<string> = new Set([
  'deps',
  'deps-dev',
  'dependencies',
  'actions',
  'github-actions',
]);

const MAX_SCOPE_LENGTH = 24;
const SCOPE_TEXT = /^[A-Za-z0-9][\w.-]*$/;

/**
 * Returns the folder segments that name a part of the project: `src/parser` gives `parser`. A
 * package's name counts even when it is a location word, as `docs` in `apps/docs/app`.
 */
function meaningfulSegments(path: string): string[] {
  const segments = folderOf(path).split('/');
  return segments.filter((segment, index) => {
    if (segment === '') return false;
    if (index > 0 && PACKAGE_FOLDERS.has(segments[index - 1] as string)) return true;
    return (
      !LOCATION_FOLDERS.has(segment) &&
      !(PACKAGE_FOLDERS.has(segment) && index < segments.length - 1)
    );
  });
}

function commonPrefix(lists: string[][]): string[] {
  const [first = [], ...rest] = lists;
  let length = first.length;
  for (const list of rest) {
    let shared = 0;
    while (shared < length && list[shared] === first[shared]) shared += 1;
    length = shared;
  }
  return first.slice(0, length);
}

/** Categories of files that, placed at the root of a folder, serve the packages below it. */
const SHARED_CATEGORIES: ReadonlySet<string> = new Set(['test', 'lockfile']);

/**
 * Returns the meaningful segments of each file's folder, leaving out tests at the root of a
 * test folder and lockfiles at the root of the repository when other files have some:
 * `tests/test_cart.py` tests the package of the `src/shop/cart.py` beside it, so it keeps the
 * batch's `shop` scope, and a workspace's one lockfile locks `packages/cli` too.
 */
function scopedSegments(files: readonly FileChange[]): string[][] {
  const segments = files.map((file) => meaningfulSegments(file.path));
  const placed = segments.filter(
    (list, index) => list.length > 0 || !SHARED_CATEGORIES.has(files[index]?.category ?? ''),
  );
  return placed.some((list) => list.length > 0) ? placed : segments;
}

/**
 * Chooses the Conventional Commits scope of a batch: `deps` for a `build` batch that changes
 * dependencies (a lockfile, or a manifest whose dependencies change in `content`), else the
 * deepest folder all its files share once location folders (`src`, `test`, `docs`) are set
 * aside, and tests at the root of a test folder left out (see scopedSegments). Returns null
 * when they share none, as for files at the root of `src` and `test`. A batch of manifests
 * whose dependencies did not change is a `chore` (see chooseCommitType), so it gets its
 * folder as scope. Without `content` every manifest counts as a dependency change.
 */
export function chooseScope(
  files: readonly FileChange[],
  type: CommitType,
  content?: ReadonlyMap<string, FileContent>,
): string | null {
  const dependencies = files.some((file) => changesDependencies(file, content?.get(file.path)));
  if (type === 'build' && dependencies) return 'deps';
  if (type === 'ci') return null;

  const shared = commonPrefix(scopedSegments(files));
  const scope = shared[shared.length - 1];
  if (scope === undefined || scope === type) return null;
  return scope.length <= MAX_SCOPE_LENGTH && SCOPE_TEXT.test(scope) ? scope : null;
}

/**
 * Chooses a batch's scope. A dependency update takes the scope that an update bot's
 * configuration gives it, even none. A release or a batch of one kind of files takes the
 * repository's habit for such commits, even no scope, when the learned model has one. A
 * repository whose headers rarely name a scope gets none. Otherwise a bump of the actions of
 * workflows typed `build` or `chore` gets `deps`. Other batches take the scope the
 * repository's commits use for their paths, else the scope of their files' folders (see
 * chooseScope). That one follows the guessed type (see scopeTypeOf), so a dependency update
 * typed `chore` by habit gets `deps`.
 */
export function chooseBatchScope(
  parts: readonly BatchPart[],
  choice: Pick<TypeChoice, 'type' | 'guessed' | 'release' | 'actions' | 'scope'>,
  model: CoChangeModel | undefined,
  content?: ReadonlyMap<string, FileContent>,
): string | null {
  if (choice.scope !== undefined) return choice.scope;
  const files = parts.map((part) => part.file);
  const paths = files.map((file) => file.path);
  const bumpsActions = choice.actions !== undefined;
  const habit = readKindScope(model, paths, choice.release !== undefined, bumpsActions);
  // A scope that repeats the message's type (`docs(docs)`) adds nothing, so it is left out,
  // but `chore(ci)` keeps it.
  if (habit !== null) return habit.scope === choice.type ? null : habit.scope;
  if (model?.usesScopes === false) return null;
  // The learned scope of workflow folders comes from CI edits, such as `chore(ci)`.
  if (bumpsActions && (choice.type === 'build' || choice.type === 'chore')) return 'deps';

  const learned = readLearnedScope(model, paths);
  if (learned !== null && learned !== choice.type && fitsLearnedScope(learned, files, content)) {
    return learned;
  }
  return chooseScope(files, scopeTypeOf(choice), content);
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
