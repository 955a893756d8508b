import type { FileContent } from '../footprint/types.js';
import type { BatchPart } from './batch-parts.js';
import type { DependencyChange } from './manifest-changes.js';
import { baseNameOf, comparePaths } from './paths.js';

/** A dependency entry read from one manifest line: its name and version, or null for none. */
interface Entry {
  name: string;
  version: string | null;
}

/** Reads the entries on each line of a manifest text, in order, each line in its context. */
type LineReader = (lines: readonly string[]) => Array<Entry[]>;

/**
 * A PEP 508 requirement: a name, optional extras, then a version specifier or an `@ URL`, up to
 * the environment markers after `;`. `requests[socks]>=2.31 ; python_version > "3.8"` gives
 * `requests` and `>=2.31`.
 */
const PEP_508 = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;#]*)/;

/** Reads a PEP 508 requirement. A single `==` pin gives its bare version. */
function readRequirement(text: string): Entry | null {
  const match = PEP_508.exec(text);
  if (!match?.[1]) return null;

  const specifier = (match[2] ?? '').trim().replace(/\s+/g, '');
  const pin = /^===?([^,]+)$/.exec(specifier)?.[1];
  return { name: match[1], version: pin ?? (specifier === '' ? null : specifier) };
}

/**
 * The end of a requirement line that is no part of the requirement: options such as
 * `--hash=sha256:...`, or the `\\` that continues the line, as `pip-compile` writes them.
 */
const LINE_END = /\s--?[A-Za-z].*$|\\\s*$/;

/**
 * Reads a pip requirements or constraints file. Option lines such as `-r`, `-e` and a continued
 * `--hash`, and options after a requirement, are skipped.
 */
function readRequirementsLines(lines: readonly string[]): Entry[][] {
  return lines.map((line) => {
    const text = line.replace(LINE_END, '').trim();
    if (text === '' || text.startsWith('#') || text.startsWith('-')) return [];
    const entry = readRequirement(text);
    return entry ? [entry] : [];
  });
}

/** A `require` line of go.mod, alone or inside a `require (` block: a module path and version. */
const GO_REQUIREMENT = /^\s*(?:require\s+)?([^\s()]+)\s+(v[^\s/]+)/;

function readGoModLines(lines: readonly string[]): Entry[][] {
  let inRequire = false;
  return lines.map((line) => {
    const text = line.replace(/\/\/.*$/, '').trim();
    if (/^require\s*\($/.test(text)) inRequire = true;
    else if (text === ')') inRequire = false;
    if (!inRequire && !text.startsWith('require ')) return [];
    const match = GO_REQUIREMENT.exec(text);
    return match?.[1] && match[2] ? [{ name: match[1], version: match[2] }] : [];
  });
}

/** A TOML table header: `[dependencies]`, `[[bin]]`, `[tool.poetry.group.dev.dependencies]`. */
const TOML_TABLE = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;
/** A TOML key and the start of its value: `serde = { version = "1.0" }`. */
const TOML_KEY = /^\s*("[^"]+"|'[^']+'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$/;
/** Tables whose keys are dependency names: Cargo's, Poetry's and Pipfile's. */
const NAME_TABLE =
  /(?:^|\.)(?:dependencies|dev-dependencies|build-dependencies|packages|dev-packages)$/;
/** Tables whose arrays list PEP 508 requirements, under any key. */
const ARRAY_TABLE = /^(?:project\.optional-dependencies|dependency-groups)$/;
/** Keys whose arrays list PEP 508 requirements, in `[project]`, `[build-system]` and `[tool.uv]`. */
const ARRAY_KEY = /^(?:dependencies|requires|dev-dependencies)$/;
/** A table of one dependency, with the name in group 1: `[dependencies.serde]`. */
const DEPENDENCY_TABLE = /^(?:.*\.)?(?:dependencies|dev-dependencies|build-dependencies)\.([^.]+)$/;
/** Keys of a Poetry dependency table that name no package. */
const NOT_PACKAGES = new Set(['python']);

function unquote(key: string): string {
  return key.replace(/^["']|["']$/g, '');
}

/** Returns the quoted strings of a TOML line, such as the entries of a requirements array. */
function quotedStrings(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** Reads the version of a TOML dependency value: `"1.0"` or `{ version = "1.0", ... }`. */
function tomlVersion(value: string): string | null {
  const plain = /^["']([^"']*)["']/.exec(value.trim());
  if (plain) return plain[1] ?? null;
  return /\bversion\s*=\s*["']([^"']*)["']/.exec(value)?.[1] ?? null;
}

/** Returns true when a TOML value closes its array: a `]` outside its strings. */
function closesArray(text: string): boolean {
  return text.replace(/"[^"]*"|'[^']*'/g, '').includes(']');
}

function readArrayItems(text: string): Entry[] {
  return quotedStrings(text).flatMap((item) => readRequirement(item) ?? []);
}

/**
 * Reads Cargo.toml, pyproject.toml and Pipfile lines: keys of dependency tables, the
 * `version` of a `[dependencies.NAME]` table, and strings of PEP 508 requirement arrays.
 */
function readTomlLines(lines: readonly string[]): Entry[][] {
  let table = '';
  let inArray = false;
  return lines.map((line) => {
    if (inArray) {
      inArray = !closesArray(line);
      return readArrayItems(line);
    }
    const header = TOML_TABLE.exec(line);
    if (header) {
      table = header[1] ?? '';
      return [];
    }
    const key = TOML_KEY.exec(line);
    if (!key) return [];

    const name = unquote(key[1] ?? '');
    const value = key[2] ?? '';
    if (!isRequirementArray(table, name)) return readTomlKey(table, name, value);
    inArray = value.trimStart().startsWith('[') && !closesArray(value);
    return readArrayItems(value);
  });
}

function isRequirementArray(table: string, key: string): boolean {
  if (ARRAY_TABLE.test(table)) return true;
  return ['project', 'build-system', 'tool.uv'].includes(table) && ARRAY_KEY.test(key);
}

function readTomlKey(table: string, key: string, value: string): Entry[] {
  if (NAME_TABLE.test(table)) {
    return NOT_PACKAGES.has(key) ? [] : [{ name: key, version: tomlVersion(value) }];
  }
  const named = DEPENDENCY_TABLE.exec(table)?.[1];
  if (named === undefined || key !== 'version') return [];
  return [{ name: unquote(named), version: tomlVersion(value) }];
}

/** Returns the reader for a manifest's lines, or null for a manifest they do not describe. */
function readerOf(path: string): LineReader | null {
  const name = baseNameOf(path);
  if (name === 'go.mod') return readGoModLines;
  if (['Cargo.toml', 'pyproject.toml', 'Pipfile'].includes(name)) return readTomlLines;
  // Conan's `conanfile.txt` is an INI file of `name/version` references, not pip's format.
  if (name === 'conanfile.txt') return null;
  if (/\.(?:txt|in)$/.test(name)) return readRequirementsLines;
  return null;
}

/** Reads the entries of the lines a part changes on one side, each line read in its file. */
function changedEntries(
  part: BatchPart,
  content: FileContent,
  read: LineReader,
  side: 'old' | 'new',
): Entry[] {
  const text = side === 'old' ? content.oldText : content.newText;
  const byLine = read((text ?? '').split('\n'));
  return part.hunks.flatMap((index) => {
    const hunk = part.file.hunks[index];
    if (!hunk) return [];
    const start = side === 'old' ? hunk.oldStart : hunk.newStart;
    const count = side === 'old' ? hunk.oldLines : hunk.newLines;
    return byLine.slice(start - 1, start - 1 + count).flat();
  });
}

/**
 * Normalizes a package name as PEP 503 compares Python names, so `Foo_Bar` and `foo-bar` match.
 * Cargo treats `-` and `_` alike too, and Rust code names `serde-json` as `serde_json`. Two Go
 * modules that differ only in case would match.
 */
export function dependencyKey(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * Returns the dependency changes of a part of a modified pip requirements file, pyproject.toml,
 * Cargo.toml, Pipfile or go.mod, sorted by name, from the lines its hunks change. Returns null
 * for other manifests and for an added or deleted file.
 */
export function readLineDependencyChanges(
  part: BatchPart,
  content: FileContent | undefined,
): DependencyChange[] | null {
  const read = readerOf(part.file.path);
  if (!read || !content || content.oldText === null || content.newText === null) return null;

  const before = new Map(
    changedEntries(part, content, read, 'old').map((e) => [dependencyKey(e.name), e]),
  );
  const after = new Map(
    changedEntries(part, content, read, 'new').map((e) => [dependencyKey(e.name), e]),
  );
  const changes: DependencyChange[] = [];
  for (const [key, { name, version }] of after) {
    const previous = before.get(key);
    if (previous === undefined) changes.push({ name, kind: 'added', version });
    else if (previous.version !== version) {
      changes.push({ name, kind: 'changed', version, previous: previous.version });
    }
  }
  for (const [key, { name }] of before) {
    if (!after.has(key)) changes.push({ name, kind: 'removed', version: null });
  }
  return changes.sort((a, b) => comparePaths(a.name, b.name));
}
