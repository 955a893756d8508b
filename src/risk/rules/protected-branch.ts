import { createFinding } from '../finding.js';
import { matchesGlob } from '../path-glob.js';
import { readStringList } from '../settings.js';
import type { Finding, RiskChange, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'protected-branch',
  fix:
    'Commit on a topic branch instead (`git switch -c NAME` keeps the staged change) and ' +
    'merge it through a review.',
};

const BRANCH_PREFIX = 'refs/heads/';

/**
 * Finds a commit made straight on a branch the `branches` option lists (globs such as
 * `main` or `release/*`). With no branches configured, the rule finds nothing. The first
 * commit of an unborn branch is left alone: a new repository starts on its main branch, and
 * there is nothing yet to review it against.
 */
function checkProtectedBranch(change: RiskChange, context: RuleContext): Finding[] {
  const branches = readStringList(context.options, 'branches');
  const { ref, detached, oid } = change.footprint.head;
  if (branches.length === 0 || detached || ref === null || !ref.startsWith(BRANCH_PREFIX))
    return [];
  if (oid === null) return [];

  const branch = ref.slice(BRANCH_PREFIX.length);
  if (!branches.some((glob) => matchesGlob(branch, glob.includes('/') ? glob : `/${glob}`))) {
    return [];
  }
  return [
    createFinding(RULE, context, {
      path: '',
      message: `Commit straight to the protected branch ${branch}`,
    }),
  ];
}

export const protectedBranchRule: RiskRule = {
  ...RULE,
  group: 'change-shape',
  defaultSeverity: 'high',
  description:
    'Finds commits made straight on a protected branch; the `branches` option lists them (none by default).',
  defaultOptions: { branches: [] },
  checkChange: checkProtectedBranch,
};
