import type { Config } from '../config/types.js';
import { matchesGlob } from './path-glob.js';
import { findClosestRuleId, listKnownRuleIds } from './rule-ids.js';
import { listRules } from './rules/index.js';
import { resolveRuleContext } from './settings.js';
import type { ChangeRuleContext, RiskRule, RuleContext } from './types.js';

/** The rules one configuration runs, with their severity and options under it. */
export interface RuleScope {
  config: Config;
  /** Enabled rules by id: built-in and custom, without `risk.disable` and the skipped ids. */
  rules: Map<string, RiskRule>;
  contexts: Map<string, RuleContext>;
  /**
   * Every rule of the secrets group with its settings, the disabled and skipped ones included.
   * They look for what an insight request must not send (see request-secrets): turning a rule
   * off for commits makes no value it finds any less secret.
   */
  secretRules: Map<string, { rule: RiskRule; context: RuleContext }>;
}

/** The configurations that govern a change's paths, each resolved once. */
export interface RuleScopes {
  /** The root configuration's scope, which also governs findings about the whole change. */
  root: RuleScope;
  /** Returns the scope of the configuration that governs `path`, or the root's for ''. */
  scopeOf(path: string): RuleScope;
  /** Every rule id of every scope, in the order findings of one line are listed. */
  order: Map<string, number>;
  /** The rules with a change-level check, each once, from the first scope that enables it. */
  changeRules: RiskRule[];
  /**
   * Ids that FOOTPRINT_SKIP turned off in at least one scope, in the order it lists them: ids
   * of rules that the configuration disables anyway, or that no rule has, are left out.
   */
  skipped: string[];
}

function createScope(config: Config, skip: readonly string[], skipped: Set<string>): RuleScope {
  const disabled = new Set(config.risk.disable);
  const skipping = new Set(skip);
  const rules = new Map<string, RiskRule>();
  const contexts = new Map<string, RuleContext>();
  const secretRules = new Map<string, { rule: RiskRule; context: RuleContext }>();
  for (const rule of listRules(config)) {
    const context = resolveRuleContext(rule, config);
    if (rule.group === 'secrets') secretRules.set(rule.id, { rule, context });
    if (disabled.has(rule.id)) continue;
    if (skipping.has(rule.id)) {
      skipped.add(rule.id);
      continue;
    }
    rules.set(rule.id, rule);
    contexts.set(rule.id, context);
  }
  return { config, rules, contexts, secretRules };
}

/** FOOTPRINT_SKIP values already warned about, so a process warns about each once. */
const warnedSkipValues = new Set<string>();

/**
 * Writes one warning line on stderr for FOOTPRINT_SKIP ids that no rule of any scope has,
 * with the nearest known id. The commit goes on: a typo in a variable set for one commit
 * should not block it, while the same typo in the configuration fails its validation.
 */
function warnAboutUnknownSkips(skip: readonly string[], scopes: Iterable<RuleScope>): void {
  const known = new Set<string>();
  for (const scope of scopes) for (const id of listKnownRuleIds(scope.config.risk)) known.add(id);

  const unknown = [...new Set(skip)].filter((id) => !known.has(id) && !warnedSkipValues.has(id));
  if (unknown.length === 0) return;
  for (const id of unknown) warnedSkipValues.add(id);

  const described = unknown.map((id) => {
    const closest = findClosestRuleId(id, [...known]);
    return closest === undefined ? `"${id}"` : `"${id}" (did you mean ${closest}?)`;
  });
  const which = unknown.length === 1 ? 'which no rule has; it is' : 'which no rule has; they are';
  process.stderr.write(
    `footprint: FOOTPRINT_SKIP lists ${described.join(', ')}, ${which} ignored.\n`,
  );
}

/**
 * Resolves the rules and their settings once per configuration. `riskByPath` maps the staged
 * paths that a nested configuration governs to its `risk` section, which replaces the root's
 * for them. Every other path follows `config`.
 */
export function createRuleScopes(
  config: Config,
  skip: readonly string[],
  riskByPath: ReadonlyMap<string, Config['risk']> = new Map(),
): RuleScopes {
  const skipped = new Set<string>();
  const root = createScope(config, skip, skipped);
  const byRisk = new Map<Config['risk'], RuleScope>([[config.risk, root]]);
  const byPath = new Map<string, RuleScope>();
  for (const [path, risk] of riskByPath) {
    let scope = byRisk.get(risk);
    if (scope === undefined) {
      scope = createScope({ ...config, risk }, skip, skipped);
      byRisk.set(risk, scope);
    }
    byPath.set(path, scope);
  }

  warnAboutUnknownSkips(skip, byRisk.values());

  const order = new Map<string, number>();
  const changeRules = new Map<string, RiskRule>();
  for (const scope of byRisk.values()) {
    for (const rule of scope.rules.values()) {
      if (!order.has(rule.id)) order.set(rule.id, order.size);
      if (rule.checkChange !== undefined && !changeRules.has(rule.id))
        changeRules.set(rule.id, rule);
    }
  }
  return {
    root,
    scopeOf: (path) => byPath.get(path) ?? root,
    order,
    changeRules: [...changeRules.values()],
    skipped: [...new Set(skip)].filter((id) => skipped.has(id)),
  };
}

/** Returns true when the scope runs the rule and no `risk.allow` entry of it allows `path`. */
export function scopeApplies(scope: RuleScope, ruleId: string, path: string): boolean {
  if (!scope.rules.has(ruleId)) return false;
  return !scope.config.risk.allow.some(
    (entry) => entry.rule === ruleId && (entry.path === undefined || matchesGlob(path, entry.path)),
  );
}

/**
 * Builds a change rule's context: the root's settings for findings about the whole change,
 * and each path's own through `forPath` and `appliesTo`.
 */
export function createChangeContext(scopes: RuleScopes, rule: RiskRule): ChangeRuleContext {
  const rootContext =
    scopes.root.contexts.get(rule.id) ?? resolveRuleContext(rule, scopes.root.config);
  return {
    ...rootContext,
    forPath: (path) =>
      scopes.scopeOf(path).contexts.get(rule.id) ??
      resolveRuleContext(rule, scopes.scopeOf(path).config),
    appliesTo: (path) => scopeApplies(scopes.scopeOf(path), rule.id, path),
  };
}
