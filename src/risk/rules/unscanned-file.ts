import { MAX_SCAN_BYTES } from '../../footprint/opaque-lines.js';
import { createFinding } from '../finding.js';
import { formatBytes } from '../format-bytes.js';
import type { ChangeRuleContext, Finding, RiskChange, RiskRule } from '../types.js';

const RULE = {
  id: 'unscanned-file',
  fix:
    'Check the file for secrets yourself, or keep it out of the repository ' +
    '(Git LFS: `git lfs track PATTERN`).',
};

/**
 * Finds staged blobs too large for any rule to read, so a commit never passes a file's secrets
 * unchecked without saying so. Text files up to the scan limit are read even when they are too
 * large to diff, and binary files up to it are searched for printable runs.
 */
function checkUnscannedFiles(change: RiskChange, context: ChangeRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const file of change.footprint.files) {
    const reason = change.content.get(file.path)?.unscanned;
    if (reason === undefined) continue;
    const limit = formatBytes(MAX_SCAN_BYTES);
    const message =
      reason === 'blob-size'
        ? `Staged blob is ${formatBytes(file.size)}, over the ${limit} that the secret rules ` +
          'read, so it was not scanned'
        : `Staged blob is ${formatBytes(file.size)}. The secret rules read at most ${limit} ` +
          'of files too large to diff in one change, and the files before it used that up, so ' +
          'it was not scanned. Commit it on its own to have it scanned';
    findings.push(createFinding(RULE, context.forPath(file.path), { path: file.path, message }));
  }
  return findings;
}

/**
 * High by default, so the commit stops in balanced mode: a secret in a file the rules skipped
 * would otherwise pass where a smaller commit would have blocked it. Allow the path, or commit
 * the file on its own so that the budget covers it.
 */
export const unscannedFileRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'high',
  description:
    `Finds staged blobs that no secret rule read: one over ${formatBytes(MAX_SCAN_BYTES)}, or ` +
    'one past that many bytes of files too large to diff in the change.',
  defaultOptions: {},
  checkChange: checkUnscannedFiles,
};
