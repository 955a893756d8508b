import { describeBypass } from './bypass.js';
import { acceptsLineComments } from './inline-allow.js';
import { recordSecretRange, type SecretRange } from './secret-range.js';
import type { Finding, RiskRule, RuleContext } from './types.js';

/** Where and what a finding is; the rule adds its id, severity and fix. */
export interface FindingFields {
  path: string;
  line?: number;
  message: string;
  masked?: string;
  /** Position of the secret value that `masked` shows, which recordSecretRange keeps aside. */
  range?: SecretRange;
}

/** Builds a finding of `rule` whose fix is the rule's own fix followed by the ways around it. */
export function createFinding(
  rule: Pick<RiskRule, 'id' | 'fix'>,
  context: RuleContext,
  fields: FindingFields,
): Finding {
  // A line in a file without comments (JSON) cannot take a `footprint-allow:` comment.
  const hasLine = fields.line !== undefined && acceptsLineComments(fields.path);
  const place = { hasPath: fields.path !== '', hasLine };
  const finding: Finding = {
    rule: rule.id,
    severity: context.severity,
    path: fields.path,
    message: fields.message,
    fix: `${rule.fix} ${describeBypass(rule.id, place)}`,
  };
  if (fields.line !== undefined) finding.line = fields.line;
  if (fields.masked !== undefined) finding.masked = fields.masked;
  if (fields.range !== undefined) recordSecretRange(finding, fields.range);
  return finding;
}
