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

/**
 * Maps each lower-case key in `wanted` to the spellings that `paths` have for it, as a path or
 * a folder of one. `wanted` contains the added paths and all their folders, so a folder that is
 * not wanted ends a path. Index paths come grouped by folder, so each folder is read once and
 * most paths cost one lookup of their own name.
 */
function indexSpellings(
  paths: Iterable<string>,
  wanted: ReadonlySet<string>,
): Map<string, Set<string>> {
  const spellings = new Map<string, Set<string>>();
  /** Records a spelling of a wanted key; false when the key is not wanted. */
  const record = (spelling: string): boolean => {
    const key = spelling.toLowerCase();
    if (!wanted.has(key)) return false;
    let set = spellings.get(key);
    if (set === undefined) {
      set = new Set();
      spellings.set(key, set);
    }
    set.add(spelling);
    return true;
  };

  // Whether each folder seen and all the folders above it are wanted. A folder's result builds
  // on its parent's, so a folder of thousands of subfolders reads the folders above it once.
  const folderWanted = new Map<string, boolean>([['', true]]);
  const isFolderWanted = (folder: string): boolean => {
    let isWanted = folderWanted.get(folder);
    if (isWanted === undefined) {
      isWanted = isFolderWanted(parentOf(folder)) && record(folder);
      folderWanted.set(folder, isWanted);
    }
    return isWanted;
  };
  for (const path of paths) {
    if (isFolderWanted(parentOf(path))) record(path);
  }
  return spellings;
}

/** Returns the folder of a path, `''` for a path at the root. */
function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
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
  const added = files.filter(addsPath);
  const wanted = new Set(added.flatMap((file) => pathAndFolders(file.path.toLowerCase())));
  const spellings = indexSpellings(present, wanted);

  const findings: Finding[] = [];
  for (const file of added) {
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
