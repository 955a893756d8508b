import path from 'node:path/posix';
import type { FileChange, FileContent } from '../../footprint/types.js';
import { createFinding } from '../finding.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';
import { escapeHiddenCharacters } from '../../output/terminal-text.js';

const RULE = {
  id: 'symlink-outside',
  fix:
    'Point the link at a path inside the repository, or commit the file itself: the target ' +
    'does not exist on other machines and may expose files outside the checkout.',
};

/** An absolute POSIX path, a Windows drive path or a UNC path. */
const ABSOLUTE_TARGET = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

/** Returns true when a link at `linkPath` with `target` resolves outside the worktree root. */
export function pointsOutside(linkPath: string, target: string): boolean {
  if (ABSOLUTE_TARGET.test(target)) return true;
  const resolved = path.normalize(path.join(path.dirname(linkPath), target.replaceAll('\\', '/')));
  return resolved === '..' || resolved.startsWith('../');
}

/** Finds staged symbolic links whose target (the blob's text) leaves the repository. */
function checkSymlinks(file: FileChange, content: FileContent, context: RuleContext): Finding[] {
  if (!file.symlink || content.newText === null) return [];
  if (file.status === 'renamed' && file.oldOid === file.newOid && file.oldPath !== undefined) {
    if (pointsOutside(file.oldPath, content.newText)) return [];
  }
  if (!pointsOutside(file.path, content.newText)) return [];

  return [
    createFinding(RULE, context, {
      path: file.path,
      // The target is any text the link's author chose, so it must not reach a terminal raw.
      message: `Symbolic link points outside the repository (to ${escapeHiddenCharacters(content.newText)})`,
    }),
  ];
}

export const symlinkOutsideRule: RiskRule = {
  ...RULE,
  group: 'hygiene',
  defaultSeverity: 'high',
  description:
    'Finds staged symbolic links whose target is absolute or climbs out of the repository with `..`.',
  defaultOptions: {},
  check: checkSymlinks,
};
