import type { Config } from '../config/types.js';
import type { RiskRule, RuleContext } from './types.js';

/**
 * Returns a rule's severity and options after `risk.rules.<id>`: a configured severity
 * replaces the default, and each configured option replaces that option's default.
 */
export function resolveRuleContext(rule: RiskRule, config: Config): RuleContext {
  const settings = config.risk.rules[rule.id];
  return {
    severity: settings?.severity ?? rule.defaultSeverity,
    options: { ...rule.defaultOptions, ...rule.configDefaults?.(config), ...settings?.options },
  };
}

/** Reads a list of strings from validated options; a missing or malformed value reads as empty. */
export function readStringList(options: RuleContext['options'], key: string): string[] {
  const value = options[key];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** Reads a number from validated options, or `fallback` when it is missing. */
export function readNumber(options: RuleContext['options'], key: string, fallback: number): number {
  const value = options[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
