import { UserError } from '../errors.js';
import {
  findClosestRuleId,
  findUnknownRuleIds,
  listKnownRuleIds,
  type RuleIdSettings,
} from '../risk/rule-ids.js';
import type { ConfigLocation } from './describe-config-error.js';

/**
 * Rejects rule ids in `risk.disable` and `risk.allow[].rule` that no rule has, built-in or
 * custom in the same configuration, because such an entry silently does nothing. Throws a
 * UserError (exit 2) naming the file, the key, the value and the nearest known id.
 */
export function checkRuleIds(risk: RuleIdSettings | undefined, location: ConfigLocation): void {
  const unknown = findUnknownRuleIds(risk);
  if (unknown.length === 0) return;

  const known = listKnownRuleIds(risk);
  const lines = unknown.map(({ key, id }) => {
    const fullKey = [...location.keyPrefix, key].join('.');
    const closest = findClosestRuleId(id, known);
    const fix =
      closest === undefined ? ` Use one of: ${known.join(', ')}.` : ` Did you mean ${closest}?`;
    return `${location.label}: "${fullKey}" is ${JSON.stringify(id)}, which is not a rule id.${fix}`;
  });
  throw new UserError(lines.join('\n'));
}
