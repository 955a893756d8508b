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
  /**
   * Whether every changed dependency type must be listed, or one is enough. Renovate matches
   * each dependency alone, so a batch of several types matches a rule only in part.
   */
  dependencyTypeMatch: 'every' | 'some';
  settings: HeaderSettings;
}

/**
 * Presets that include `:semanticPrefixFixDepsChoreOthers`, as Renovate's docs list them
 * (docs.renovatebot.com/presets-config), `config:base` being the old name of
 * `config:recommended`.
 */
const FIX_DEPS_PRESETS: ReadonlySet<string> = new Set([
  ':semanticPrefixFixDepsChoreOthers',
  'config:recommended',
  'config:base',
  'config:best-practices',
  'config:js-app',
  'config:js-lib',
]);
const FIX_DEPS_PRESET = ':semanticPrefixFixDepsChoreOthers';

/**
 * The package rules of `:semanticPrefixFixDepsChoreOthers`: `chore` for every update, then `fix`
 * for the production dependency types `dependencies` (npm) and `require` (Composer). A batch
 * that changes a production dependency takes `fix`, as Renovate's commit for it would.
 */
const FIX_DEPS_RULES: readonly PackageRule[] = [
  {
    managers: null,
    dependencyTypes: null,
    dependencyTypeMatch: 'every',
    settings: { type: 'chore' },
  },
  {
    managers: null,
    dependencyTypes: ['dependencies', 'require'],
    dependencyTypeMatch: 'some',
    settings: { type: 'fix' },
  },
];

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
      found.rules.push({
        managers: null,
        dependencyTypes: null,
        dependencyTypeMatch: 'every',
        settings: { type },
      }),
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
 * match by manager or dependency type alone, and in the presets that set them by name, less
 * those in `ignorePresets`. Returns null when the configuration states no type or prefix, or
 * turns semantic commits off. Renovate detects semantic commits from the history when
 * `semanticCommits` is unset, and footprint reads that as on, since it writes them anyway.
 */
export function readRenovateConfig(config: unknown, file: string): UpdateBotConfig | null {
  if (!isRecord(config)) return null;

  const presets = readPresets(config['extends'], config['ignorePresets']);
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

/** Returns a preset name in its short form: `:name` for `default:name`. */
function shortPresetName(preset: string): string {
  return preset.startsWith('default:') ? preset.slice('default'.length) : preset;
}

// NOTE: presets of other groups and of other repositories (`github>owner/repo`) are not read,
// so settings they make leave the default types.
function readPresets(value: unknown, ignored: unknown): Presets {
  const found: Presets = { settings: {}, rules: [] };
  const ignoredNames = new Set(readTexts(ignored).map(shortPresetName));
  for (const preset of readTexts(value)) {
    if (ignoredNames.has(shortPresetName(preset))) continue;
    if (FIX_DEPS_PRESETS.has(shortPresetName(preset)) && !ignoredNames.has(FIX_DEPS_PRESET)) {
      found.rules.push(...FIX_DEPS_RULES);
      continue;
    }
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
    rules.push({
      managers,
      dependencyTypes,
      dependencyTypeMatch: 'every',
      settings: readSettings(rule),
    });
  }
  return rules;
}

function readMatcher(rule: Record<string, unknown>, keys: readonly string[]): string[] | null {
  const key = keys.find((name) => name in rule);
  return key === undefined ? null : readTexts(rule[key]);
}

/**
 * Returns true when a rule matches the update. A rule of dependency types matches when every
 * changed package.json section is one of them, or one section for a `some` rule.
 */
function ruleMatches(rule: PackageRule, update: DependencyUpdate): boolean {
  const { managers, dependencyTypes } = rule;
  if (managers !== null && !managers.some((name) => update.ecosystem.renovate.includes(name))) {
    return false;
  }
  if (dependencyTypes === null) return true;

  // NOTE: dependency types are read from package.json alone, so a composer.json update of
  // `require` stays chore under `:semanticPrefixFixDepsChoreOthers`, where Renovate writes fix.
  const listed = (type: string) => dependencyTypes.includes(type);
  const changed = update.dependencyTypes;
  if (rule.dependencyTypeMatch === 'some') return changed.some(listed);
  return changed.length > 0 && changed.every(listed);
}

/**
 * Returns the convention of the settings after every matching rule, in order, applied its own.
 * A prefix decides alone, as it replaces Renovate's semantic type and scope. Without one, a type
 * is needed, because presets that footprint does not read may set it.
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
