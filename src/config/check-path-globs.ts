import { UserError } from '../errors.js';
import type { ConfigLocation } from './describe-config-error.js';
import type { ConfigFile } from './merge.js';

/** One glob of the configuration, by its key as messages show it: `risk.allow[0].path`. */
interface GlobEntry {
  key: string;
  glob: string;
  /** True when the settings drop a leading `./` from the glob (see normalizeGlobs). */
  dropsDotSlash?: boolean;
}

/**
 * A brace list such as `{key,old}`, which shells and micromatch expand and footprint does not.
 * Braces after a backslash (`\{a,b\}`) name the characters themselves, as suggested entries do.
 */
const BRACE_LIST = /(?<!\\)\{[^{}]*,[^{}]*(?<!\\)\}/;

/**
 * A bracket that can only be a character class: ranges alone (`[a-z]`, `[a-zA-Z0-9]`) or a
 * negation (`[!x]`, `[^x]`). Other bracketed text, such as a route folder (`[id]`, `[x]`,
 * `[user-id]`), matches itself, and footprint suggests such entries for files it blocks.
 */
const CHARACTER_CLASS = /(?<!\\)\[(?:[!^][^\]]*|(?:[^\]/-]-[^\]/-])+)\]/;

/**
 * Checks the path globs of `risk.allow`, `risk.custom` and built-in rules' path options, and
 * returns the settings with a leading `./` removed from those of `risk.allow` and
 * `risk.custom`, since staged paths never start with one. Brace lists,
 * character classes and a leading `!` are syntax that footprint's globs do not have, so such a
 * glob matches only paths named with those characters. For them, and for `.` and `..`
 * segments, which match no staged path, it throws a UserError (exit 2) naming the file, the
 * key, the value and the fix.
 */
export function checkPathGlobs(settings: ConfigFile, location: ConfigLocation): ConfigFile {
  const problems = listGlobs(settings).flatMap((entry) => {
    const problem = describeProblem(entry.dropsDotSlash ? withoutDotSlash(entry.glob) : entry.glob);
    if (problem === null) return [];
    const key = [...location.keyPrefix, entry.key].join('.');
    return [`${location.label}: "${key}" is ${JSON.stringify(entry.glob)}, ${problem}`];
  });
  if (problems.length > 0) throw new UserError(problems.join('\n'));

  return normalizeGlobs(settings);
}

function listGlobs(settings: ConfigFile): GlobEntry[] {
  const entries: GlobEntry[] = [];
  (settings.risk?.allow ?? []).forEach((entry, index) => {
    if (typeof entry?.path === 'string') {
      entries.push({ key: `risk.allow[${index}].path`, glob: entry.path, dropsDotSlash: true });
    }
  });
  (settings.risk?.custom ?? []).forEach((rule, index) => {
    for (const list of ['paths', 'ignorePaths'] as const) {
      (rule?.[list] ?? []).forEach((glob, position) => {
        entries.push({
          key: `risk.custom[${index}].${list}[${position}]`,
          glob,
          dropsDotSlash: true,
        });
      });
    }
  });
  for (const [id, rule] of Object.entries(settings.risk?.rules ?? {})) {
    const options: Record<string, unknown> = rule?.options ?? {};
    for (const name of GLOB_OPTIONS) {
      entries.push(...listGlobValues(`risk.rules.${id}.options.${name}`, options[name]));
    }
  }
  return entries;
}

/** Options of built-in rules whose values are path globs: lists, or lists by kind (`paths`). */
const GLOB_OPTIONS = ['paths', 'ignorePaths', 'assetPaths'] as const;

/** Lists the globs of an option value: a list of globs, or an object of such lists by kind. */
function listGlobValues(key: string, value: unknown): GlobEntry[] {
  if (Array.isArray(value)) {
    return value.flatMap((glob, position) =>
      typeof glob === 'string' ? [{ key: `${key}[${position}]`, glob }] : [],
    );
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([kind, list]) => listGlobValues(`${key}.${kind}`, list));
}

/** Returns why `glob` would not match the paths it names and how to write it, or null. */
function describeProblem(glob: string): string | null {
  const brace = BRACE_LIST.exec(glob);
  if (brace !== null) {
    const first = glob.replace(brace[0], brace[0].slice(1).split(',')[0] ?? '');
    return (
      `which has the brace list ${brace[0]}. footprint's path globs match braces as ` +
      'themselves, so it matches only a path with those braces in its name. Write one entry ' +
      `per path, such as ${JSON.stringify(first)}.`
    );
  }
  const characterClass = CHARACTER_CLASS.exec(glob);
  if (characterClass !== null) {
    return (
      `which has the character class ${characterClass[0]}. footprint's path globs match ` +
      'brackets as themselves, so it matches only a path with those brackets in its name. ' +
      'Use ? for one character, or write one entry per path.'
    );
  }
  if (glob.startsWith('!')) {
    return (
      'which starts with "!". footprint\'s path globs have no negation, so it matches only ' +
      'a path whose name starts with "!". ' +
      'List the paths to match without "!".'
    );
  }
  if (glob === '') {
    return 'which names no path once its "./" is removed. Write the path to match after "./".';
  }
  if (glob.split('/').some((segment) => segment === '.' || segment === '..')) {
    return (
      'which has a "." or ".." folder. Staged paths have neither, so it matches no path. ' +
      'Write the path from the configuration\'s folder, such as "deploy/key.pem".'
    );
  }
  return null;
}

/** Removes every leading `./`: `./deploy/key.pem` names `deploy/key.pem`. */
function withoutDotSlash(glob: string): string {
  return glob.replace(/^(?:\.\/)+/, '');
}

function normalizeGlobs(settings: ConfigFile): ConfigFile {
  const risk = settings.risk;
  if (risk === undefined) return settings;

  const normalized: NonNullable<ConfigFile['risk']> = { ...risk };
  if (risk.allow !== undefined) {
    normalized.allow = risk.allow.map((entry) =>
      typeof entry?.path === 'string' ? { ...entry, path: withoutDotSlash(entry.path) } : entry,
    );
  }
  if (risk.custom !== undefined) {
    normalized.custom = risk.custom.map((rule) => ({
      ...rule,
      ...(rule.paths === undefined ? {} : { paths: rule.paths.map(withoutDotSlash) }),
      ...(rule.ignorePaths === undefined
        ? {}
        : { ignorePaths: rule.ignorePaths.map(withoutDotSlash) }),
    }));
  }
  return { ...settings, risk: normalized };
}
