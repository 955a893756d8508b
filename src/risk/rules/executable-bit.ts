import type { FileChange, FileContent } from '../../footprint/types.js';
import { createFinding } from '../finding.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'executable-bit',
  fix:
    'Clear the bit with `git update-index --chmod=-x FILE` (and `chmod -x FILE`), or start ' +
    'the file with a `#!` line when it is a script.',
};

const EXECUTABLE = '100755';

/**
 * husky 9 runs each hook file under `.husky/` with `sh`, so its hooks need no `#!` line and
 * `husky init` writes them without one. Some setups still mark them executable.
 */
const HUSKY_HOOK = /(?:^|\/)\.husky\/[^/]+$/;

/**
 * Finds text files that become executable (added as, or changed to, mode 100755) without a
 * `#!` line, as pre-commit-hooks' check-executables-have-shebangs does. Binary executables
 * are left to the binary-file rule, and husky's hook files to husky, which runs them with sh.
 */
function checkExecutableBit(
  file: FileChange,
  content: FileContent,
  context: RuleContext,
): Finding[] {
  if (file.newMode !== EXECUTABLE || file.oldMode === EXECUTABLE) return [];
  if (content.newText === null || content.newText.startsWith('#!')) return [];
  if (HUSKY_HOOK.test(file.path)) return [];

  return [
    createFinding(RULE, context, {
      path: file.path,
      message: 'Executable bit set on a file without a `#!` line',
    }),
  ];
}

export const executableBitRule: RiskRule = {
  ...RULE,
  group: 'hygiene',
  defaultSeverity: 'medium',
  description: 'Finds files made executable that are not scripts (no `#!` line).',
  defaultOptions: {},
  check: checkExecutableBit,
};
