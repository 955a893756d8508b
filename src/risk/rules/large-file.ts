import type { FileChange } from '../../footprint/types.js';
import { createFinding } from '../finding.js';
import { formatBytes } from '../format-bytes.js';
import { readNumber } from '../settings.js';
import type { ChangeRuleContext, Finding, RiskChange, RiskRule } from '../types.js';

const RULE = {
  id: 'large-file',
  fix:
    'Keep the file out of the repository, or track it with Git LFS (`git lfs track PATTERN`), ' +
    'or raise `risk.maxFileBytes` when it belongs in git.',
};

/** pre-commit-hooks' check-added-large-files rejects more than 500 KB (of 1024 bytes) by default. */
const DEFAULT_MAX_BYTES = 500 * 1024;

/** Returns true when the commit writes a new blob for the path: not a deletion, gitlink or pure rename. */
function writesBlob(file: FileChange): boolean {
  if (file.status === 'deleted' || file.opaque === 'gitlink') return false;
  return file.newOid !== file.oldOid;
}

/**
 * Finds staged blobs over the size limit. The size is the staged blob's, read from the object
 * store, so a file shrunk in the working tree after `git add` still counts at its staged size.
 * Git LFS pointers are small text files and pass.
 */
function checkLargeFiles(change: RiskChange, context: ChangeRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const file of change.footprint.files) {
    const pathContext = context.forPath(file.path);
    const limit = readNumber(pathContext.options, 'maxBytes', DEFAULT_MAX_BYTES);
    if (!writesBlob(file) || file.lfs || file.size <= limit) continue;
    findings.push(
      createFinding(RULE, pathContext, {
        path: file.path,
        message: `Staged blob is ${describeOverLimit(file.size, limit)}`,
      }),
    );
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
 * Describes a size over the limit. Rounded to KB or MB, a size just over the limit shows as the
 * limit itself, so both are then given in bytes.
 */
function describeOverLimit(size: number, limit: number): string {
  const [shown, limitShown] = [formatBytes(size), formatBytes(limit)];
  if (shown !== limitShown) return `${shown}, over the ${limitShown} limit`;
  return `${size} bytes, over the limit of ${limit} bytes (${limitShown})`;
}
