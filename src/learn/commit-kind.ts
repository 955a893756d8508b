import { isReleaseNotePath } from '../batches/release.js';
import { DEPENDENCY_SCOPES } from '../batches/scope.js';
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

/** Kind of a commit of CI files only that bumps the actions its workflows use. */
export const ACTIONS_KIND = 'actions';

/** The `type(scope)!: ` that starts a Conventional Commits header. */
const HEADER_PREFIX = /^[A-Za-z]+(?:\([^()\r\n]*\))?!?: /;

/**
 * A description that updates versions: `bump actions/checkout from 3 to 4`, `update
 * actions/setup-node action to v4`, `pin dependencies`, `update GitHub Actions`.
 */
const UPDATE_DESCRIPTION =
  /^(?:bump|upgrade|pin)\b|^update\b.*(?:\bactions?\b|\/|@|\bdigest\b|\bto v?\d)/i;

/**
 * Returns the kind whose habit a commit of one kind of files shows: `actions` for a commit of CI
 * files whose scope or description updates versions, as Dependabot and Renovate write them,
 * else `kind`.
 */
export function refineFileKind(kind: string, message: string, scope: string | null): string {
  if (kind !== 'ci') return kind;
  if (scope !== null && DEPENDENCY_SCOPES.has(scope.toLowerCase())) return ACTIONS_KIND;
  const subject = message.trimStart().split('\n', 1)[0] ?? '';
  const description = subject.replace(HEADER_PREFIX, '');
  return UPDATE_DESCRIPTION.test(description) ? ACTIONS_KIND : kind;
}
