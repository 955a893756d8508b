import { findClosestKey } from '../config/closest-key.js';
import { riskRules } from './rules/index.js';

/** Ids of the built-in rules, which `risk.disable`, `risk.allow` and FOOTPRINT_SKIP may name. */
export const BUILT_IN_RULE_IDS: readonly string[] = riskRules.map((rule) => rule.id);

/** Rule ids a configuration's `risk` section names, as a file may write them. */
export interface RuleIdSettings {
  disable?: readonly string[];
  allow?: ReadonlyArray<{ rule?: string }>;
  custom?: ReadonlyArray<{ id?: string }>;
}

/** A rule id that no rule has, and where it is written. */
export interface UnknownRuleId {
  /** The key that contains it, such as `risk.disable[0]` or `risk.allow[2].rule`. */
  key: string;
  id: string;
}

/** Returns the known ids of a configuration: the built-in rules' and its own custom rules'. */
export function listKnownRuleIds(risk: RuleIdSettings | undefined): string[] {
  const custom = (risk?.custom ?? []).map((rule) => rule.id).filter((id) => id !== undefined);
  return [...BUILT_IN_RULE_IDS, ...custom];
}

/** Returns the ids in `risk.disable` and `risk.allow[].rule` that name no rule. */
export function findUnknownRuleIds(risk: RuleIdSettings | undefined): UnknownRuleId[] {
  const known = new Set(listKnownRuleIds(risk));
  const unknown: UnknownRuleId[] = [];
  (risk?.disable ?? []).forEach((id, index) => {
    if (!known.has(id)) unknown.push({ key: `risk.disable[${index}]`, id });
  });
  (risk?.allow ?? []).forEach((entry, index) => {
    const id = entry.rule;
    if (id !== undefined && !known.has(id)) unknown.push({ key: `risk.allow[${index}].rule`, id });
  });
  return unknown;
}

/** Returns the known id nearest to `id` (within two edits, or the same in another case), if any. */
export function findClosestRuleId(id: string, knownIds: readonly string[]): string | undefined {
  return findClosestKey(id, knownIds);
}
