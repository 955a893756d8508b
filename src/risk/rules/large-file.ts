import type { FileChange } from '../../footprint/types.js';
import { createFinding } from '../finding.js';
import { formatBytes } from '../format-bytes.js';
import { readNumber } from '../settings.js';
import { unstageCommand } from '../unstage-command.js';
import type { ChangeRuleContext, Finding, RiskChange, RiskRule } from '../types.js';

const RULE = {
  id: 'large-file',
  fix:
    'Keep the file out of the repository (unstage it with `git reset -q -- FILE`), or track it ' +
    'with Git LFS (`git lfs track PATTERN`, then `git add` it again), or raise ' +
    '`risk.maxFileBytes` when it belongs in git.',
};

/** Returns the rule's fix with the command that unstages `file`. */
function fixFor(file: FileChange): string {
  return (
    `Keep the file out of the repository (unstage it with \`${unstageCommand(file)}\`), or ` +
    'track it with Git LFS (`git lfs track PATTERN`, then `git add` it again), or raise ' +
    '`risk.maxFileBytes` when it belongs in git.'
  );
}

/** pre-commit-hooks' check-added-large-files rejects more than 500 KB (of 1024 bytes) by default. */
const DEFAULT_MAX_BYTES = 500 * 1024;

/** Returns true when the commit writes a new blob for the path: not a deletion, gitlink or pure rename. */
function writesBlob(file: FileChange): boolean {
  if (file.status === 'deleted' || file.opaque === 'gitlink') return false;
  return file.newOid !== file.oldOid;
}

/** Fix of a file that was over the limit before this change, which is already in the history. */
const TRACKED_FIX =
  'The file was already over the limit in HEAD, so this edit does not block. To keep the ' +
  'repository small, move the file to Git LFS (`git lfs migrate import --include=PATH` ' +
  'rewrites the history that holds it) or split it.';

/**
 * Returns true when the path was a file over the limit in HEAD that this change edits without
 * growing it by more than the limit: a file that grows from 586 KB to 86 MB still blocks.
 */
function wasLargeBefore(file: FileChange, limit: number): boolean {
  if (file.status !== 'modified' && file.status !== 'renamed') return false;
  if (file.oldSize === null || file.oldSize <= limit || file.oldMode === '120000') return false;
  return file.size - file.oldSize <= limit;
}

/**
 * Finds staged blobs over the size limit. The size is the staged blob's, read from the object
 * store, so a file shrunk in the working tree after `git add` still counts at its staged size.
 * Git LFS pointers are small text files and pass. As pre-commit's check-added-large-files, it
 * blocks files that this change makes large: an added or copied file, or one that crosses the
 * limit. An edit of a file that was over the limit in HEAD is an `info` finding.
 */
function checkLargeFiles(change: RiskChange, context: ChangeRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const file of change.footprint.files) {
    const pathContext = context.forPath(file.path);
    const limit = readNumber(pathContext.options, 'maxBytes', DEFAULT_MAX_BYTES);
    if (!writesBlob(file) || file.lfs || file.size <= limit) continue;
    // A merge that takes the file as the other branch committed it adds nothing new here.
    if (change.mergedPaths?.has(file.path)) continue;

    const message = `Staged blob is ${describeOverLimit(file.size, limit)}`;
    if (!wasLargeBefore(file, limit)) {
      const finding = createFinding(RULE, pathContext, { path: file.path, message });
      findings.push({ ...finding, fix: fixFor(file) });
      continue;
    }
    const finding = createFinding(
      RULE,
      { ...pathContext, severity: 'info' },
      {
        path: file.path,
        message: `${message}; it was ${describeSize(file.oldSize ?? 0)} before this change`,
      },
    );
    findings.push({ ...finding, fix: TRACKED_FIX });
  }
  return findings;
}

export const largeFileRule: RiskRule = {
  ...RULE,
  group: 'size',
  defaultSeverity: 'high',
  description:
    'Finds staged blobs larger than `risk.maxFileBytes` (500 KB by default), by their staged size.',
  defaultOptions: { maxBytes: DEFAULT_MAX_BYTES },
  configDefaults: (config) => ({ maxBytes: config.risk.maxFileBytes }),
  checkChange: checkLargeFiles,
};

/**
 * Describes a size over the limit, rounded and in bytes, since a size just over the limit
 * rounds to the limit itself: `575 KB (588895 bytes), over the limit of 500 KB (512000 bytes)`.
 */
function describeOverLimit(size: number, limit: number): string {
  return `${describeSize(size)}, over the limit of ${describeSize(limit)}`;
}

function describeSize(bytes: number): string {
  const rounded = formatBytes(bytes);
  return rounded === `${bytes} bytes` ? rounded : `${rounded} (${bytes} bytes)`;
}
