import { UserError } from '../errors.js';
import { BUILT_IN_RULE_IDS } from '../risk/rule-ids.js';
import { findCustomRuleProblems, formatCustomRuleProblem } from '../risk/rules/custom-rules.js';
import type { ConfigLocation } from './describe-config-error.js';
import type { ConfigFile } from './merge.js';

const BUILT_IN_IDS: ReadonlySet<string> = new Set(BUILT_IN_RULE_IDS);

/**
 * Rejects the custom rules in `risk.custom` that cannot run: an id that a built-in rule or an
 * earlier custom rule has, and a pattern that is invalid or cannot be matched in linear time.
 * Throws a UserError (exit 2) with one line per problem, naming the file, the key, the value
 * and the fix, as the other configuration errors do.
 */
export function checkCustomRules(risk: ConfigFile['risk'], location: ConfigLocation): void {
  const problems = findCustomRuleProblems(risk?.custom ?? [], BUILT_IN_IDS);
  if (problems.length === 0) return;

  const keyPrefix = location.keyPrefix.join('.');
  const lines = problems.map(
    (problem) => `${location.label}: ${formatCustomRuleProblem(problem, keyPrefix)}`,
  );
  throw new UserError(lines.join('\n'));
}
