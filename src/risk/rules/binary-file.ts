import type { FileChange } from '../../footprint/types.js';
import { createFinding } from '../finding.js';
import { matchesAnyGlob } from '../path-glob.js';
import { readStringList } from '../settings.js';
import { isUtf16Text } from '../utf16-text.js';
import type { ChangeRuleContext, Finding, RiskChange, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'binary-file',
  fix:
    'Keep build output and archives out of git (add them to `.gitignore`), track large media ' +
    'with Git LFS, or list its folder with a trailing slash (such as `vendor/`) in the ' +
    "rule's `assetPaths` option.",
};

/** Folders where binary files are expected: web assets, media, test fixtures. */
const ASSET_PATHS = [
  'assets/**',
  '**/assets/**',
  'static/**',
  'public/**',
  '**/images/**',
  '**/img/**',
  '**/icons/**',
  '**/fonts/**',
  '**/media/**',
  '**/fixtures/**',
  '**/__fixtures__/**',
  '**/testdata/**',
];

/** Statuses that bring a binary file the repository did not have; an edit of one it has is not new. */
const NEW_FILE_STATUSES: ReadonlySet<FileChange['status']> = new Set([
  'added',
  'copied',
  'type-changed',
]);

/**
 * Categories of text files that `.gitattributes` often marks `-diff` or `binary` to keep them
 * out of diffs, such as `package-lock.json -diff`, which makes git call them binary.
 */
const TEXT_CATEGORIES: ReadonlySet<string> = new Set(['lockfile', 'generated']);

function addsBinary(file: FileChange): boolean {
  if (TEXT_CATEGORIES.has(file.category)) return false;
  return file.binary && file.opaque !== 'gitlink' && NEW_FILE_STATUSES.has(file.status);
}

function isAssetPath(path: string, context: RuleContext): boolean {
  return matchesAnyGlob(path, readStringList(context.options, 'assetPaths'));
}

/**
 * Finds binary files added outside asset paths. Text in UTF-16, with or without a byte order
 * mark, is text, as the secret rules read it, even though git calls it binary.
 */
function checkBinaryFiles(change: RiskChange, context: ChangeRuleContext): Finding[] {
  return change.footprint.files
    .filter(
      (file) =>
        addsBinary(file) &&
        !isUtf16Text(file, change.content.get(file.path)) &&
        file.category !== 'asset' &&
        !isAssetPath(file.path, context.forPath(file.path)),
    )
    .map((file) =>
      createFinding(RULE, context.forPath(file.path), {
        path: file.path,
        message: 'Binary file staged outside the asset paths',
      }),
    );
}

export const binaryFileRule: RiskRule = {
  ...RULE,
  group: 'size',
  defaultSeverity: 'medium',
  description:
    'Finds binary files (executables, archives, build output) staged outside asset paths; images, fonts and media are assets.',
  defaultOptions: { assetPaths: ASSET_PATHS },
  checkChange: checkBinaryFiles,
};
