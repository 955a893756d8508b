import { isReleaseNotePath } from '../batches/release.js';
import { categorize } from '../footprint/category.js';
import type { FileCategory } from '../footprint/types.js';
import type { MessageFacts } from './commit-message.js';

/** The kind of a commit that fits no other kind. */
export const OTHER_KIND = 'other';

/** Spellings of Conventional Commits types that mean the same kind. */
const TYPE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['feature', 'feat'],
  ['bugfix', 'fix'],
  ['hotfix', 'fix'],
  ['doc', 'docs'],
  ['tests', 'test'],
  ['deps', 'build'],
]);

/** Kinds named by the one category all of a commit's files share. */
const CATEGORY_KINDS: Partial<Record<FileCategory, string>> = {
  docs: 'docs',
  test: 'test',
  ci: 'ci',
  'dependency-manifest': 'build',
  lockfile: 'build',
  build: 'build',
};

/**
 * Returns the kind of change a commit makes: its Conventional Commits type when it has one,
 * `revert` or `fix` when its subject names one, else the kind its files' categories share
 * (`docs`, `test`, `ci`, `build`), else `other`.
 */
export function classifyCommitKind(facts: MessageFacts, paths: readonly string[]): string {
  if (facts.revert) return 'revert';
  if (facts.type !== null) return normalizeType(facts.type);
  if (facts.fix) return 'fix';
  return kindOfPaths(paths);
}

/** Returns the usual spelling of a Conventional Commits type: `feat` for `feature`. */
export function normalizeType(type: string): string {
  return TYPE_ALIASES.get(type) ?? type;
}

/**
 * Returns the kind that the categories of all the paths share: `docs`, `test`, `ci`, or `build`
 * for manifests, lockfiles and build files. Release notes beside other files (a changeset
 * with a dependency update) do not count. Returns `other` for mixed kinds or no paths.
 */
export function kindOfPaths(paths: readonly string[]): string {
  const categorized = paths.map((path) => ({ path, category: categorize(path) }));
  const described = categorized.filter(({ path, category }) => !isReleaseNotePath(path, category));
  const counted = described.length > 0 ? described : categorized;
  const kinds = new Set(counted.map(({ category }) => CATEGORY_KINDS[category] ?? OTHER_KIND));
  const [only] = kinds;
  return kinds.size === 1 && only !== undefined ? only : OTHER_KIND;
}
