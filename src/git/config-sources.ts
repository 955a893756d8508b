import { readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { UserError } from '../errors.js';
import { normalizeConfigKey, parseConfig, parseConfigBool } from './config-parser.js';
import type { ConfigEntry } from './config-parser.js';
import type { RepositoryLayout } from './types.js';
import { wildmatch } from './wildmatch.js';

/** Origin of a config entry; SCOPE_ORDER lists the scopes in git's order of precedence. */
export type ConfigScope = 'system' | 'global' | 'local' | 'worktree' | 'command';

/** Later scopes win. */
const SCOPE_ORDER: readonly ConfigScope[] = ['system', 'global', 'local', 'worktree', 'command'];
const MAX_INCLUDE_DEPTH = 10;
// NOTE: git's compiled-in system file; a git built with another prefix reads a different one.
const SYSTEM_CONFIG_FILE = '/etc/gitconfig';

interface IncludeContext {
  layout: RepositoryLayout;
  env: NodeJS.ProcessEnv;
  depth: number;
}

/** Reads the requested scopes' entries in precedence order, following includes. */
export function readConfigScopes(
  layout: RepositoryLayout,
  scopes: readonly ConfigScope[],
  env: NodeJS.ProcessEnv,
): ConfigEntry[] {
  const context: IncludeContext = { layout, env, depth: 0 };
  const local = readConfigFile(path.join(layout.commonDir, 'config'), context);
  const entries: ConfigEntry[] = [];
  for (const scope of SCOPE_ORDER) {
    if (!scopes.includes(scope)) continue;

    if (scope === 'system') entries.push(...readSystemConfig(context));
    if (scope === 'global') entries.push(...readGlobalConfig(context));
    if (scope === 'local') entries.push(...local);
    if (scope === 'worktree' && isWorktreeConfigEnabled(local)) {
      entries.push(...readConfigFile(path.join(layout.gitDir, 'config.worktree'), context));
    }
    if (scope === 'command') entries.push(...readCommandConfig(env));
  }
  return entries;
}

function isWorktreeConfigEnabled(local: readonly ConfigEntry[]): boolean {
  const entry = local.findLast((candidate) => candidate.key === 'extensions.worktreeconfig');
  if (entry === undefined) return false;
  return entry.value === null || parseConfigBool(entry.value) === true;
}

function readSystemConfig(context: IncludeContext): ConfigEntry[] {
  if (isTruthy(context.env['GIT_CONFIG_NOSYSTEM'])) return [];
  return readConfigFile(context.env['GIT_CONFIG_SYSTEM'] ?? SYSTEM_CONFIG_FILE, context);
}

function readGlobalConfig(context: IncludeContext): ConfigEntry[] {
  const explicit = context.env['GIT_CONFIG_GLOBAL'];
  if (explicit !== undefined) return readConfigFile(explicit, context);

  const home = context.env['HOME'] ?? homedir();
  const xdgHome = context.env['XDG_CONFIG_HOME'] || path.join(home, '.config');
  return [
    ...readConfigFile(path.join(xdgHome, 'git', 'config'), context),
    ...readConfigFile(path.join(home, '.gitconfig'), context),
  ];
}

/** Reads one config file and the files it includes; a missing file has no entries, as in git. */
function readConfigFile(file: string, context: IncludeContext): ConfigEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isMissingFileError(error)) return [];
    throw error;
  }

  const entries: ConfigEntry[] = [];
  for (const entry of parseConfig(text, file)) {
    entries.push(entry);
    const included = includedFile(entry, file, context);
    if (included !== null) entries.push(...readIncluded(included, context));
  }
  return entries;
}

function readIncluded(file: string, context: IncludeContext): ConfigEntry[] {
  if (context.depth >= MAX_INCLUDE_DEPTH) {
    throw new UserError(
      `Config include depth exceeded ${MAX_INCLUDE_DEPTH} at ${file}. Remove the include cycle.`,
    );
  }
  return readConfigFile(file, { ...context, depth: context.depth + 1 });
}

/** Returns the file an `include.path` or matching `includeIf.<condition>.path` entry names. */
function includedFile(
  entry: ConfigEntry,
  configFile: string,
  context: IncludeContext,
): string | null {
  if (entry.name !== 'path' || entry.value === null || entry.value === '') return null;

  const { section, subsection } = entry;
  const isInclude = section === 'include' && subsection === null;
  const isConditional =
    section === 'includeif' &&
    subsection !== null &&
    matchesCondition(subsection, configFile, context);
  if (!isInclude && !isConditional) return null;

  const home = context.env['HOME'] ?? homedir();
  const expanded = entry.value.startsWith('~/')
    ? path.join(home, entry.value.slice(2))
    : entry.value;
  return path.resolve(path.dirname(configFile), expanded);
}

/**
 * Evaluates an `includeIf` condition. `gitdir:`, `gitdir/i:` and `onbranch:` are supported.
 * NOTE: `hasconfig:remote.*.url:` is treated as false, so files it includes are not read.
 */
function matchesCondition(condition: string, configFile: string, context: IncludeContext): boolean {
  const match = /^(gitdir|gitdir\/i|onbranch):(.*)$/s.exec(condition);
  if (!match) return false;

  const kind = match[1] as string;
  const pattern = match[2] as string;
  if (kind === 'onbranch') return matchesBranch(pattern, context.layout);

  const expanded = expandGitdirPattern(pattern, configFile, context.env);
  const options = { pathname: true, caseFold: kind === 'gitdir/i' };
  const gitDir = context.layout.gitDir;
  return gitDirSpellings(gitDir).some((spelling) => wildmatch(expanded, spelling, options));
}

function expandGitdirPattern(pattern: string, configFile: string, env: NodeJS.ProcessEnv): string {
  let expanded = pattern;
  if (expanded.startsWith('~/')) {
    expanded = path.join(env['HOME'] ?? homedir(), expanded.slice(2));
  } else if (expanded.startsWith('./')) {
    expanded = path.join(path.dirname(configFile), expanded.slice(2));
  }
  if (!path.isAbsolute(expanded)) expanded = `**/${expanded}`;
  if (expanded.endsWith('/')) expanded += '**';
  return expanded;
}

function gitDirSpellings(gitDir: string): string[] {
  try {
    return [realpathSync(gitDir), gitDir];
  } catch {
    return [gitDir];
  }
}

function matchesBranch(pattern: string, layout: RepositoryLayout): boolean {
  let head: string;
  try {
    head = readFileSync(path.join(layout.gitDir, 'HEAD'), 'utf8');
  } catch {
    return false;
  }

  const branch = /^ref: refs\/heads\/(.+?)\s*$/.exec(head)?.[1];
  if (branch === undefined) return false;
  const expanded = pattern.endsWith('/') ? `${pattern}**` : pattern;
  return wildmatch(expanded, branch, { pathname: true });
}

/** Reads `git -c` values (GIT_CONFIG_PARAMETERS) and GIT_CONFIG_COUNT/KEY_n/VALUE_n, in git's order. */
function readCommandConfig(env: NodeJS.ProcessEnv): ConfigEntry[] {
  const pairs: [string, string | null][] = [];
  const count = Number(env['GIT_CONFIG_COUNT'] ?? '0');
  for (let index = 0; index < count; index++) {
    const key = env[`GIT_CONFIG_KEY_${index}`];
    if (key !== undefined) pairs.push([key, env[`GIT_CONFIG_VALUE_${index}`] ?? '']);
  }

  const parameters = env['GIT_CONFIG_PARAMETERS'];
  if (parameters) pairs.push(...parseConfigParameters(parameters));
  return pairs.map(([key, value]) => commandEntry(key, value));
}

function commandEntry(key: string, value: string | null): ConfigEntry {
  const normalized = normalizeConfigKey(key);
  const first = normalized.indexOf('.');
  const last = normalized.lastIndexOf('.');
  return {
    key: normalized,
    section: normalized.slice(0, first),
    subsection: first === last ? null : normalized.slice(first + 1, last),
    name: normalized.slice(last + 1),
    value,
    origin: 'command line',
    line: 0,
  };
}

/**
 * Parses GIT_CONFIG_PARAMETERS: shell single-quoted words, either `'key'='value'` (git 2.31
 * and later; `'key'=` alone is a bare key) or the older `'key=value'` and `'key'`.
 */
export function parseConfigParameters(text: string): [string, string | null][] {
  const pairs: [string, string | null][] = [];
  let index = 0;
  while (index < text.length) {
    if (/\s/.test(text[index] as string)) {
      index++;
      continue;
    }

    const key = readSingleQuoted(text, index);
    index = key.end;
    if (text[index] !== '=') {
      const equals = key.text.indexOf('=');
      const pair: [string, string | null] =
        equals < 0 ? [key.text, null] : [key.text.slice(0, equals), key.text.slice(equals + 1)];
      pairs.push(pair);
      continue;
    }

    index++;
    if (text[index] !== "'") {
      pairs.push([key.text, null]);
      continue;
    }
    const value = readSingleQuoted(text, index);
    pairs.push([key.text, value.text]);
    index = value.end;
  }
  return pairs;
}

/**
 * Reads one `'...'` word as git's sq_quote writes it: a `'` or `!` inside is written as the
 * quote closed, a backslash and the character, and the quote reopened (`'\''`).
 */
function readSingleQuoted(text: string, start: number): { text: string; end: number } {
  if (text[start] !== "'") {
    throw new UserError(`Invalid GIT_CONFIG_PARAMETERS: expected a quote at offset ${start}.`);
  }

  let value = '';
  let index = start + 1;
  for (;;) {
    const close = text.indexOf("'", index);
    if (close < 0) throw new UserError('Invalid GIT_CONFIG_PARAMETERS: unterminated quote.');
    value += text.slice(index, close);
    if (text[close + 1] === '\\' && text[close + 3] === "'" && close + 2 < text.length) {
      value += text[close + 2];
      index = close + 4;
      continue;
    }
    return { text: value, end: close + 1 };
  }
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function isMissingFileError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
