import { createFinding } from '../finding.js';
import { maskSecret } from '../mask.js';
import { findNameSecrets, maskNameSecrets } from '../secrets/name-secrets.js';
import type { ChangeRuleContext, Finding, RiskChange, RiskRule } from '../types.js';
import { describeTokenMatch } from './provider-token.js';

const RULE = {
  id: 'secret-in-path',
  fix:
    'Rename the file or folder so its name holds no token (`git mv`), then revoke the token ' +
    'with its provider and make a new one: a path is copied into commit messages, logs and ' +
    'every clone.',
};

/**
 * Finds provider tokens in staged paths. The old path of a rename is not checked: it leaves
 * the index, so a rename away from a token name is the fix this rule recommends. The finding's
 * path is masked, so the token does not reach the output or a fossil through the finding.
 */
function checkPathSecrets(change: RiskChange, context: ChangeRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const file of change.footprint.files) {
    for (const match of findNameSecrets(file.path)) {
      findings.push(
        createFinding(RULE, context.forPath(file.path), {
          path: maskNameSecrets(file.path),
          message: `${describeTokenMatch(match)} in a staged path`,
          masked: maskSecret(match.value),
        }),
      );
    }
  }
  return findings;
}

export const secretInPathRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'critical',
  description:
    'Finds provider tokens (GitHub, Slack, AWS, Stripe, and the others provider-token knows) in the names of staged files and folders.',
  defaultOptions: {},
  checkChange: checkPathSecrets,
};
