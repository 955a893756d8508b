import { isScopeText, parseCommitPrefix, readCommitType } from './commit-prefix.js';
import { isRecord, readTexts } from './records.js';
import type { DependencyUpdate, UpdateBotConfig, UpdateConvention } from './types.js';

/** Renovate's settings for commit headers, each absent where the configuration leaves it. */
interface HeaderSettings {
  /** `semanticCommitType`. */
  type?: unknown;
  /** `semanticCommitScope`, where null means no scope. */
  scope?: unknown;
  /** `commitMessagePrefix`, which replaces the semantic type and scope when set. */
  prefix?: unknown;
}

/** A package rule whose matchers footprint can evaluate, with the settings it applies. */
interface PackageRule {
  /** `matchManagers`, or null when the rule matches every manager. */
  managers: readonly string[] | null;
  /** `matchDepTypes`, or null when the rule matches every dependency type. */
  dependencyTypes: readonly string[] | null;
  settings: HeaderSettings;
}

/** Renovate's scope when none is set, as its docs show it: `chore(deps): update eslint`. */
const DEFAULT_SCOPE = 'deps';

const SETTING_KEYS: ReadonlyArray<[key: string, setting: keyof HeaderSettings]> = [
  ['semanticCommitType', 'type'],
  ['semanticCommitScope', 'scope'],
  ['commitMessagePrefix', 'prefix'],
];

/** Matcher keys footprint evaluates, with their older names. */
const MANAGER_KEYS = ['matchManagers', 'managers'];
const DEPENDENCY_TYPE_KEYS = ['matchDepTypes', 'depTypeList'];

/** Older names of matchers footprint cannot evaluate. Newer ones start with match or exclude. */
const OTHER_MATCHER_KEYS: ReadonlySet<string> = new Set([
  'packageNames',
  'packagePatterns',
  'packagePrefixes',
  'paths',
  'languages',
  'baseBranchList',
  'datasources',
  'updateTypes',
  'sourceUrlPrefixes',
]);

/**
 * Presets of Renovate's `default:` group (`:name` for short) that set header settings, as
 * lib/config/presets/internal/default.preset.ts in Renovate's repository defines them.
 */
const PRESETS: ReadonlyArray<{ pattern: RegExp; apply(found: Presets, argument: string): void }> = [
  { pattern: /^semanticCommitType\((.+)\)$/, apply: (found, type) => (found.settings.type = type) },
  {
    pattern: /^semanticCommitTypeAll\((.+)\)$/,
    apply: (found, type) =>
      found.rules.push({ managers: null, dependencyTypes: null, settings: { type } }),
  },
  {
    pattern: /^semanticCommitScope\((.+)\)$/,
    apply: (found, scope) => (found.settings.scope = scope),
  },
  { pattern: /^semanticCommitScopeDisabled$/, apply: (found) => (found.settings.scope = null) },
  { pattern: /^semanticPrefixChore$/, apply: (found) => (found.settings.type = 'chore') },
  { pattern: /^semanticPrefixFix$/, apply: (found) => (found.settings.type = 'fix') },
  { pattern: /^semanticCommitsDisabled$/, apply: (found) => (found.semanticCommits = 'disabled') },
  { pattern: /^semanticCommits$/, apply: (found) => (found.semanticCommits = 'enabled') },
];

/** Settings and rules that the presets of `extends` set, applied in their order. */
interface Presets {
  settings: HeaderSettings;
  /** Package rules that presets add before the configuration's own. */
  rules: PackageRule[];
  semanticCommits?: string;
}

/**
 * Reads the header settings of a Renovate configuration: `semanticCommitType`,
 * `semanticCommitScope` and `commitMessagePrefix` at its top level, in `packageRules` that
 * match by manager or dependency type alone, and in the presets that set them by name.
 * Returns null when the configuration states no type or prefix, or turns semantic commits off.
 */
export function readRenovateConfig(config: unknown, file: string): UpdateBotConfig | null {
  if (!isRecord(config)) return null;

  const presets = readPresets(config['extends']);
  const semanticCommits = config['semanticCommits'] ?? presets.semanticCommits;
  if (semanticCommits === 'disabled') return null;

  const settings = { ...presets.settings, ...readSettings(config) };
  const rules = [...presets.rules, ...readRules(config['packageRules'])];
  const stated = [settings, ...rules.map((rule) => rule.settings)].some(
    (found) => found.type !== undefined || found.prefix !== undefined,
  );
  if (!stated) return null;
  return {
    bot: 'Renovate',
    file,
    conventionFor: (update) => findConvention(settings, rules, update),
  };
}

function readSettings(record: Record<string, unknown>): HeaderSettings {
  const settings: HeaderSettings = {};
  for (const [key, setting] of SETTING_KEYS) {
    if (key in record) settings[setting] = record[key];
  }
  return settings;
}

// NOTE: presets of other groups are not read, although `config:recommended` adds rules that type
// updates of production dependencies `fix` over a top-level `semanticCommitType`.
function readPresets(value: unknown): Presets {
  const found: Presets = { settings: {}, rules: [] };
  for (const preset of readTexts(value)) {
    const name = preset.replace(/^(?:default)?:/, '');
    if (name === preset) continue;
    for (const { pattern, apply } of PRESETS) {
      const match = pattern.exec(name);
      if (match) apply(found, match[1] ?? '');
    }
  }
  return found;
}

/**
 * Reads the package rules that set a header setting and match by manager or dependency type
 * alone. A rule with any other matcher, such as `matchPackageNames`, is left out, because
 * footprint cannot tell which updates it matches. So is one without matchers, which Renovate
 * rejects.
 */
function readRules(value: unknown): PackageRule[] {
  if (!Array.isArray(value)) return [];

  const rules: PackageRule[] = [];
  for (const rule of value) {
    if (!isRecord(rule)) continue;
    const keys = Object.keys(rule);
    const evaluated = [...MANAGER_KEYS, ...DEPENDENCY_TYPE_KEYS];
    const unread = keys.some(
      (key) =>
        !evaluated.includes(key) &&
        (/^(match|exclude)[A-Z]/.test(key) || OTHER_MATCHER_KEYS.has(key)),
    );
    const managers = readMatcher(rule, MANAGER_KEYS);
    const dependencyTypes = readMatcher(rule, DEPENDENCY_TYPE_KEYS);
    if (unread || (managers === null && dependencyTypes === null)) continue;
    rules.push({ managers, dependencyTypes, settings: readSettings(rule) });
  }
  return rules;
}

function readMatcher(rule: Record<string, unknown>, keys: readonly string[]): string[] | null {
  const key = keys.find((name) => name in rule);
  return key === undefined ? null : readTexts(rule[key]);
}

/**
 * Returns true when a rule matches the update. Renovate matches each dependency alone, so a
 * rule of dependency types matches only when every changed package.json section is one of them.
 */
function ruleMatches(rule: PackageRule, update: DependencyUpdate): boolean {
  const { managers, dependencyTypes } = rule;
  if (managers !== null && !managers.some((name) => update.ecosystem.renovate.includes(name))) {
    return false;
  }
  if (dependencyTypes === null) return true;
  return (
    update.dependencyTypes.length > 0 &&
    update.dependencyTypes.every((type) => dependencyTypes.includes(type))
  );
}

/**
 * Returns the convention of the settings after every matching rule, in order, applied its own.
 * A prefix decides alone, as it replaces Renovate's semantic type and scope. Without one, a type
 * is needed, because presets that footprint does not read (`config:recommended`) may set it.
 */
function findConvention(
  topLevel: HeaderSettings,
  rules: readonly PackageRule[],
  update: DependencyUpdate,
): UpdateConvention | null {
  const settings = { ...topLevel };
  for (const rule of rules) {
    if (ruleMatches(rule, update)) Object.assign(settings, rule.settings);
  }

  if (settings.prefix !== undefined) {
    return typeof settings.prefix === 'string' ? parseCommitPrefix(settings.prefix) : null;
  }
  const type = typeof settings.type === 'string' ? readCommitType(settings.type) : null;
  if (type === null) return null;

  const scope = 'scope' in settings ? settings.scope : DEFAULT_SCOPE;
  if (scope === null || scope === '') return { type, scope: null };
  return typeof scope === 'string' && isScopeText(scope) ? { type, scope } : null;
}
