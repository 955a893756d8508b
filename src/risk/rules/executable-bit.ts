import type { FileChange, FileContent } from '../../footprint/types.js';
import { shellQuote } from '../../output/shell-quote.js';
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

  const finding = createFinding(RULE, context, {
    path: file.path,
    message: 'Executable bit set on a file without a `#!` line',
  });
  return [{ ...finding, fix: fixFor(file.path) }];
}

/**
 * Returns the rule's fix for `path`. `git update-index` takes no pathspecs, only paths from the
 * shell's folder, so the path starts at the worktree's top folder that git names.
 */
function fixFor(path: string): string {
  const fromTop = `"$(git rev-parse --show-toplevel)"/${shellQuote(path)}`;
  return (
    `Clear the bit with \`git update-index --chmod=-x -- ${fromTop}\` (and ` +
    `\`chmod -x -- ${fromTop}\`), or start the file with a \`#!\` line when it is a script.`
  );
}

export const executableBitRule: RiskRule = {
  ...RULE,
  group: 'hygiene',
  defaultSeverity: 'medium',
  description: 'Finds files made executable that are not scripts (no `#!` line).',
  defaultOptions: {},
  check: checkExecutableBit,
};
