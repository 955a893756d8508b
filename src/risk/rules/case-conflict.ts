import type { FileChange } from '../../footprint/types.js';
import { createFinding } from '../finding.js';
import type { Finding, RiskChange, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'case-conflict',
  fix:
    'Rename one of the paths (`git mv`), because on case-insensitive file systems (macOS, ' +
    'Windows) the two are one file and a checkout loses one of them.',
};

/** Returns a path and each of its folders: `a/b/c.txt` gives `a`, `a/b` and `a/b/c.txt`. */
function pathAndFolders(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** Maps each lower-case path or folder to the spellings the repository has for it. */
function indexSpellings(paths: Iterable<string>): Map<string, Set<string>> {
  const spellings = new Map<string, Set<string>>();
  for (const path of paths) {
    for (const part of pathAndFolders(path)) {
      const key = part.toLowerCase();
      let set = spellings.get(key);
      if (set === undefined) {
        set = new Set();
        spellings.set(key, set);
      }
      set.add(part);
    }
  }
  return spellings;
}

function addsPath(file: FileChange): boolean {
  return file.status === 'added' || file.status === 'renamed' || file.status === 'copied';
}

/**
 * Finds staged paths that differ only in case from another path in the index, or whose
 * folder does: `README.md` beside `readme.md`, or `Docs/a.md` beside `docs/b.md`. Only paths
 * the change adds are checked, as pre-commit-hooks' check-case-conflict does.
 */
function checkCaseConflicts(change: RiskChange, context: RuleContext): Finding[] {
  const files = change.footprint.files;
  if (!files.some(addsPath)) return [];
  const deleted = new Set(
    files.filter((file) => file.status === 'deleted').map((file) => file.path),
  );
  const renamedAway = new Set(
    files.flatMap((file) => (file.status === 'renamed' && file.oldPath ? [file.oldPath] : [])),
  );
  const present = (change.indexPaths ?? files.map((file) => file.path)).filter(
    (path) => !deleted.has(path) && !renamedAway.has(path),
  );
  const spellings = indexSpellings(present);

  const findings: Finding[] = [];
  for (const file of files.filter(addsPath)) {
    const clash = pathAndFolders(file.path)
      .map((part) => [...(spellings.get(part.toLowerCase()) ?? [])].find((other) => other !== part))
      .find((other) => other !== undefined);
    if (clash === undefined) continue;
    findings.push(
      createFinding(RULE, context, {
        path: file.path,
        message: `Path differs only in case from ${clash}`,
      }),
    );
  }
  return findings;
}

export const caseConflictRule: RiskRule = {
  ...RULE,
  group: 'hygiene',
  defaultSeverity: 'high',
  description:
    'Finds added paths that differ only in letter case from another path, which case-insensitive file systems cannot hold.',
  defaultOptions: {},
  checkChange: checkCaseConflicts,
};
