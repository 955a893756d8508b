import { lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Mode } from '../batches/types.js';
import { closestName } from '../cli/closest-name.js';
import { isUserError, UserError } from '../errors.js';
import { createDebug } from '../log/debug.js';
import { findConfigSchemaErrors } from '../schemas-runtime/validate-config.js';
import { checkCustomRules } from './check-custom-rules.js';
import { checkDuplicateKeys } from './check-duplicate-keys.js';
import { checkFossilDir } from './check-fossil-dir.js';
import { checkFossilStore } from './check-fossil-store.js';
import { checkLlmModel } from './check-llm-model.js';
import { checkPathGlobs } from './check-path-globs.js';
import { warnAboutIgnoredConfigFiles } from './ignored-config-files.js';
import { checkRuleIds } from './check-rule-ids.js';
import { createDefaultConfig } from './defaults.js';
import { describeConfigError, type ConfigLocation } from './describe-config-error.js';
import { mergeConfig, type ConfigFile } from './merge.js';
import { parseJsonText, startsComment } from './parse-json.js';
import type { Config, ConfigSource } from './types.js';
import { readLlmSwitch } from '../insights/llm-variable.js';

const debug = createDebug('config');

export const CONFIG_FILE_NAME = 'footprint.config.json';
export const MANIFEST_FILE_NAME = 'package.json';
const MANIFEST_KEY = 'footprint';
const MODES: readonly Mode[] = ['conservative', 'balanced', 'aggressive'];

export interface LoadConfigOptions {
  /** `--mode`, which wins over the file. */
  mode?: Mode;
  /** `--no-llm`: no insight provider is called. */
  noLlm?: boolean;
  /** Environment to read `FOOTPRINT_LLM` from, process.env when absent. */
  env?: NodeJS.ProcessEnv;
  /**
   * False to leave out the warnings about ignored configuration files, as the post-commit
   * hook does: the pre-commit hook of the same `git commit` has printed them already.
   */
  warnIgnored?: boolean;
}

interface FoundConfig {
  file: string;
  location: ConfigLocation;
  value: unknown;
  /** The file's text, so that messages can quote values as written. */
  text: string;
}

/**
 * Loads footprint's configuration for a worktree: `footprint.config.json` at its root wins,
 * else the `footprint` key of its `package.json`, else the defaults. The file is validated
 * against `schemas/config.schema.json` and merged over the defaults. Then `--mode`,
 * `--no-llm` and `FOOTPRINT_LLM=0` apply. Throws a UserError (exit 2) naming the key, the value
 * and the expected form for invalid JSON, a value the schema rejects or a rule id that no rule
 * has. The same goes for a custom rule that cannot run, a `fossilDir` outside the worktree or
 * in `.git`, a store folder that contains other files, and an API key in `llm.model`. Warns
 * on stderr about configuration files it ignores, such as `footprint.config.yaml` (see
 * warnAboutIgnoredConfigFiles).
 * Configurations in subfolders set the `risk` section of the files below them (see
 * findRiskScopes).
 */
export async function loadConfig(
  worktree: string,
  options: LoadConfigOptions = {},
): Promise<ConfigSource> {
  const found = await findConfig(worktree);
  debug(found === null ? 'no configuration file, using defaults' : `read ${found.file}`);
  if (options.warnIgnored !== false) {
    warnAboutIgnoredConfigFiles(worktree, (name) => name, found?.file ?? null);
  }

  let config = createDefaultConfig();
  let fossilDirLocation: ConfigLocation | null = null;
  if (found !== null) {
    const settings = checkConfig(found);
    if (settings.fossilDir !== undefined) {
      checkFossilDir(worktree, settings.fossilDir, found.location);
      fossilDirLocation = found.location;
    }
    config = mergeConfig(config, settings);
  }
  if (fossilDirLocation === null) checkFossilDir(worktree, config.fossilDir, null);
  checkFossilStore(worktree, config.fossilDir, fossilDirLocation);
  return { file: found?.file ?? null, config: applyOverrides(config, options) };
}

/** A configuration file found in one folder, checked against the schema. */
export interface FolderConfig {
  /** Absolute path of `footprint.config.json` or `package.json`. */
  file: string;
  settings: ConfigFile;
}

/**
 * Reads the configuration of one folder: its `footprint.config.json`, else the `footprint` key
 * of its `package.json`. Returns null when the folder has neither. `labelDir`, the folder
 * relative to the worktree, prefixes the file name in error messages. A `package.json` that
 * is not valid JSON counts as one without the key, because it may be a test fixture.
 */
export async function readFolderConfig(dir: string, labelDir = ''): Promise<FolderConfig | null> {
  const found = await findConfig(dir, labelDir, { nested: true });
  if (found === null) return null;

  // NOTE: a folder without footprint.config.json or a "footprint" key is not listed, so an
  // ignored file such as a nested footprint.config.yaml alone gets no warning.
  const label = (name: string): string => (labelDir === '' ? name : `${labelDir}/${name}`);
  warnAboutIgnoredConfigFiles(dir, label, found.file);
  return { file: found.file, settings: checkConfig(found) };
}

async function findConfig(
  dir: string,
  labelDir = '',
  /**
   * `nested` for a folder below the root: a `package.json` that is not valid JSON counts as one
   * without the key, and a path that cannot be opened because of a link loop or its length
   * counts as no file. The root's configuration must be readable.
   */
  options: { nested?: boolean } = {},
): Promise<FoundConfig | null> {
  const label = (name: string): string => (labelDir === '' ? name : `${labelDir}/${name}`);
  const configFile = fileIn(dir, CONFIG_FILE_NAME);
  const nested = options.nested === true;
  const configText = readOptionalFile(configFile, label(CONFIG_FILE_NAME), nested);
  if (configText !== null) {
    const location = { label: label(CONFIG_FILE_NAME), keyPrefix: [] };
    const value = parseConfigJson(configText, location);
    return { file: configFile, location, value, text: configText };
  }

  const manifestFile = fileIn(dir, MANIFEST_FILE_NAME);
  const manifestText = readOptionalFile(manifestFile, label(MANIFEST_FILE_NAME), nested);
  if (manifestText === null) return null;

  const location = { label: label(MANIFEST_FILE_NAME), keyPrefix: [MANIFEST_KEY] };
  if (nested && !parseJsonText(manifestText).ok) return null;
  const manifest = parseConfigJson(manifestText, location);
  if (!isObject(manifest) || !Object.hasOwn(manifest, MANIFEST_KEY)) return null;
  return { file: manifestFile, location, value: manifest[MANIFEST_KEY], text: manifestText };
}

/**
 * Returns the path of `name` in the already normalized folder `dir`. The hook looks up two
 * names in every folder on the way to each staged path, so `path.join`, which normalizes the
 * whole path, would repeat work on every call.
 */
function fileIn(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? `${dir}${name}` : `${dir}${path.sep}${name}`;
}

/** Errors that mean a file is not there; ENOENT also when it was removed between two calls. */
const NO_FILE_CODES: ReadonlySet<string> = new Set(['ENOENT', 'ENOTDIR']);
const NESTED_NO_FILE_CODES: ReadonlySet<string> = new Set([
  ...NO_FILE_CODES,
  'ELOOP',
  'ENAMETOOLONG',
]);

/**
 * Returns the file's text, or null when it does not exist. The lookup is synchronous and a
 * missing file makes no error object, because the hook looks in every folder on the way to
 * each staged path and most folders have neither file. In a `nested` folder, a path that
 * cannot be opened (a link loop, an overlong path) or that is not a file counts as no file.
 * At the root each of those is an error, and so is a link to a missing file.
 */
function readOptionalFile(file: string, label: string, nested: boolean): string | null {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats === undefined) {
      if (!nested) rejectBrokenLink(file, label, 'which leads to no file');
      return null;
    }
    if (!stats.isFile()) {
      if (nested) return null;
      // A folder fails the read below with EISDIR. A named pipe would block the read until
      // another process writes to it.
      if (!stats.isDirectory()) {
        throw new UserError(`${label}: is not a regular file. Make ${file} a file or remove it.`);
      }
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (isUserError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const missing = nested ? NESTED_NO_FILE_CODES : NO_FILE_CODES;
    if (!nested) rejectBrokenLink(file, label, `which cannot be opened (${code ?? String(error)})`);
    if (code !== undefined && missing.has(code)) return null;
    throw new UserError(
      `${label}: cannot be read (${code ?? String(error)}). Make ${file} a readable file.`,
      { cause: error },
    );
  }
}

/**
 * Throws when `file` is a symbolic link, which `problem` describes: one that leads to no file
 * (its target, or a link its target names, is missing) or that cannot be opened.
 */
function rejectBrokenLink(file: string, label: string, problem: string): void {
  if (lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() !== true) return;
  throw new UserError(
    `${label}: links to ${readlinkSync(file)}, ${problem}. Fix or remove the link ${file}.`,
  );
}

function parseConfigJson(text: string, location: ConfigLocation): unknown {
  const parsed = parseJsonText(text);
  if (parsed.ok) {
    checkDuplicateKeys(text, location);
    return parsed.value;
  }

  rejectEmptyFile(text, location);
  const { line, column, reason } = parsed.problem;
  const at = `${location.label}: invalid JSON at line ${line}, column ${column}`;
  if (startsComment(text, parsed.problem)) {
    throw new UserError(
      `${at}: a comment. Comments are not allowed in ${location.label}, because JSON has ` +
        'none. Remove the comment.',
    );
  }
  const use =
    location.keyPrefix.length === 0 ? 'as its configuration' : `for its "${MANIFEST_KEY}" key`;
  throw new UserError(
    `${at}: ${reason}. Fix the JSON syntax, because footprint reads this file ${use}.`,
  );
}

/** Throws for a file with no JSON value in it, which JSON.parse reports as a cut-off text. */
function rejectEmptyFile(text: string, location: ConfigLocation): void {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() !== '') return;

  const content = source === '' ? 'is empty' : 'contains only whitespace';
  const fix =
    location.keyPrefix.length === 0
      ? 'Write {} in it to use the default configuration'
      : 'Write a JSON object such as {} in it';
  throw new UserError(
    `${location.label}: the file ${content}, which is not valid JSON. ${fix}, or delete it.`,
  );
}

function checkConfig(found: FoundConfig): ConfigFile {
  const errors = findConfigSchemaErrors(found.value);
  if (errors.length === 0) {
    const settings = found.value as ConfigFile;
    checkRuleIds(settings.risk, found.location);
    checkCustomRules(settings.risk, found.location);
    checkLlmModel(settings.llm?.model, found.location);
    return checkPathGlobs(settings, found.location);
  }

  const lines = errors.map((error) => describeConfigError(error, found.location, found.text));
  throw new UserError([...new Set(lines)].join('\n'));
}

function applyOverrides(config: Config, options: LoadConfigOptions): Config {
  if (options.mode !== undefined) {
    if (!MODES.includes(options.mode)) {
      const closest = closestName(String(options.mode), MODES);
      const hint = closest === null ? '' : ` Did you mean "${closest}"?`;
      throw new UserError(
        `--mode is "${String(options.mode)}"; expected one of ${MODES.join(', ')}.${hint}`,
      );
    }
    config.mode = options.mode;
  }

  if (options.noLlm === true || readLlmSwitch(options.env ?? process.env).off) {
    config.llm.enabled = false;
  }
  return config;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
