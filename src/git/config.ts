import { UserError } from '../errors.js';
import {
  normalizeConfigKey,
  parseConfigBool,
  parseConfigInt,
  type ConfigEntry,
} from './config-parser.js';
import { readConfigScopes, type ConfigScope } from './config-sources.js';
import type { RepositoryLayout } from './types.js';

export type { ConfigEntry } from './config-parser.js';
export type { ConfigScope } from './config-sources.js';

export interface ReadGitConfigOptions {
  /**
   * Scopes to read, applied in git's order (system, global, local, worktree, command) so later
   * ones win. Default: `local` and `worktree`, the repository's own files.
   */
  scopes?: readonly ConfigScope[];
  /** Environment for the system, global and command scopes (GIT_CONFIG_*, HOME). */
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_SCOPES: readonly ConfigScope[] = ['local', 'worktree'];

/**
 * Reads a repository's configuration: `<commonDir>/config`, then `<gitDir>/config.worktree`
 * when `extensions.worktreeConfig` is true, following `include.path` and `includeIf` sections.
 * User-wide files are read only when `options.scopes` names them.
 */
export async function readGitConfig(
  layout: RepositoryLayout,
  options: ReadGitConfigOptions = {},
): Promise<GitConfig> {
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  const entries = readConfigScopes(layout, scopes, options.env ?? process.env);
  return new GitConfig(entries);
}

/** Parsed configuration with git's lookup rules: keys ignore case except subsections, last value wins. */
export class GitConfig {
  private readonly byKey = new Map<string, ConfigEntry[]>();

  constructor(readonly entries: readonly ConfigEntry[]) {
    for (const entry of entries) {
      const list = this.byKey.get(entry.key);
      if (list) list.push(entry);
      else this.byKey.set(entry.key, [entry]);
    }
  }

  /** Returns the last value of `key`: undefined when unset, null for a bare `key` line. */
  get(key: string): string | null | undefined {
    const list = this.byKey.get(normalizeConfigKey(key));
    return list?.[list.length - 1]?.value;
  }

  /** Returns every value of a multi-valued key, in file order. */
  getAll(key: string): (string | null)[] {
    return (this.byKey.get(normalizeConfigKey(key)) ?? []).map((entry) => entry.value);
  }

  has(key: string): boolean {
    return this.byKey.has(normalizeConfigKey(key));
  }

  /** Returns the value as git reads a boolean (true/yes/on/1, false/no/off/0/empty, bare key). */
  getBool(key: string): boolean | undefined {
    const entry = this.lastEntry(key);
    if (!entry) return undefined;
    if (entry.value === null) return true;

    const parsed = parseConfigBool(entry.value);
    if (parsed === undefined) throw invalidValue(entry, 'a boolean (true or false)');
    return parsed;
  }

  /**
   * Returns the value of a key that takes one of `choices`, compared case-sensitively as git
   * compares `commit.cleanup`. Throws a UserError naming the file and line of any other value,
   * a bare key included.
   */
  getChoice<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const entry = this.lastEntry(key);
    if (!entry) return undefined;
    const value = entry.value;
    if (value !== null && (choices as readonly string[]).includes(value)) return value as T;
    throw invalidValue(entry, `one of ${choices.join(', ')}`);
  }

  /** Returns the value as git reads an integer, with the `k`, `m` and `g` suffixes (powers of 1024). */
  getInt(key: string): number | undefined {
    const entry = this.lastEntry(key);
    if (!entry) return undefined;

    const parsed = entry.value === null ? undefined : parseConfigInt(entry.value);
    if (parsed === undefined) throw invalidValue(entry, 'an integer');
    return parsed;
  }

  /** Returns the entries whose section is `section` (lower-case), for example every `extensions.*`. */
  section(section: string): ConfigEntry[] {
    const wanted = section.toLowerCase();
    return this.entries.filter((entry) => entry.section === wanted);
  }

  private lastEntry(key: string): ConfigEntry | undefined {
    const list = this.byKey.get(normalizeConfigKey(key));
    return list?.[list.length - 1];
  }
}

function invalidValue(entry: ConfigEntry, expected: string): UserError {
  return new UserError(
    `Invalid value "${entry.value}" for ${entry.key} in ${entry.origin} line ${entry.line}: expected ${expected}. Fix it with \`git config ${entry.key} <value>\`.`,
  );
}
