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
    if (change.content.get(file.path)?.unscanned !== true) continue;
    findings.push(
      createFinding(RULE, context.forPath(file.path), {
        path: file.path,
        message:
          `Staged blob is ${formatBytes(file.size)}, over the ${formatBytes(MAX_SCAN_BYTES)} ` +
          'that the secret rules read, so it was not scanned',
      }),
    );
  }
  return findings;
}

export const unscannedFileRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'medium',
  description: `Finds staged blobs over ${formatBytes(MAX_SCAN_BYTES)}, which no secret rule reads.`,
  defaultOptions: {},
  checkChange: checkUnscannedFiles,
};
