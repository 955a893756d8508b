import type { Finding } from './types.js';

/**
 * Rule ids that look for secrets. A finding that carries a masked value is a secret finding
 * whatever its rule, so rules added later count without a change here.
 */
const SECRET_RULE = /secret|private-key|credential|token|password|entropy|api-key/i;

/** Returns true when a finding reports a secret value. */
export function isSecretFinding(finding: Finding): boolean {
  return finding.masked !== undefined || SECRET_RULE.test(finding.rule);
}
