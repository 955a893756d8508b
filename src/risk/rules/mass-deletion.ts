import { createFinding } from '../finding.js';
import { readNumber } from '../settings.js';
import type { ChangeRuleContext, Finding, RiskChange, RiskRule } from '../types.js';

const RULE = {
  id: 'mass-deletion',
  fix:
    'Check that every deletion is intended (`git diff --cached --stat`); unstage what is not ' +
    'with `git restore --staged PATH`.',
};

/**
 * Finds changes that delete much: at least `minFiles` deleted files, or at least `minLines`
 * deleted lines that make up `minShare` of all changed lines. A large refactor that moves
 * code adds about as many lines as it deletes and stays under the share. The thresholds are
 * the root configuration's; a file whose own configuration turns the rule off or allows it on
 * that path is not counted.
 */
function checkMassDeletion(change: RiskChange, context: ChangeRuleContext): Finding[] {
  const minLines = readNumber(context.options, 'minLines', 1000);
  const minFiles = readNumber(context.options, 'minFiles', 25);
  const minShare = readNumber(context.options, 'minShare', 0.8);

  const counted = change.footprint.files.filter((file) => context.appliesTo(file.path));
  const additions = counted.reduce((sum, file) => sum + file.additions, 0);
  const deletions = counted.reduce((sum, file) => sum + file.deletions, 0);
  const deletedFiles = counted.filter((file) => file.status === 'deleted').length;
  const share = deletions / Math.max(1, additions + deletions);
  const manyLines = deletions >= minLines && share >= minShare;
  if (!manyLines && deletedFiles < minFiles) return [];

  const percent = Math.round(share * 100);
  return [
    createFinding(RULE, context, {
      path: '',
      message: `The change deletes ${deletions} lines (${percent}% of changed lines) and ${deletedFiles} files`,
    }),
  ];
}

export const massDeletionRule: RiskRule = {
  ...RULE,
  group: 'change-shape',
  defaultSeverity: 'medium',
  description:
    'Finds changes that mostly delete: many deleted files, or many deleted lines and few added.',
  defaultOptions: { minLines: 1000, minFiles: 25, minShare: 0.8 },
  checkChange: checkMassDeletion,
};
