import { createFinding } from '../finding.js';
import type { Finding, RiskChange, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'submodule-added',
  fix:
    'Check that the submodule is intended and that `.gitmodules` names its URL; a gitlink ' +
    'staged by `git add` on a nested repository has no URL and breaks clones.',
};

const GITLINK = '160000';

function checkSubmodules(change: RiskChange, context: RuleContext): Finding[] {
  const gitmodulesStaged = change.footprint.files.some((file) => file.path === '.gitmodules');
  return change.footprint.files
    .filter((file) => file.newMode === GITLINK && file.oldMode !== GITLINK)
    .map((file) =>
      createFinding(RULE, context, {
        path: file.path,
        message: gitmodulesStaged
          ? 'New submodule'
          : 'New submodule, and `.gitmodules` is not staged with it',
      }),
    );
}

export const submoduleAddedRule: RiskRule = {
  ...RULE,
  group: 'hygiene',
  defaultSeverity: 'medium',
  description: 'Finds new submodules (gitlinks), which every clone then has to fetch.',
  defaultOptions: {},
  checkChange: checkSubmodules,
};
