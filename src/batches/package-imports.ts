import type { FileChange } from '../footprint/types.js';
import { folderOf } from './paths.js';
import type { TextSide } from './file-texts.js';
import type { AnalysisContext } from './relations/context.js';
import { findStyleImports, isStyleFile } from './style-imports.js';

/**
 * An import, in a Python or Go file's text, of changed files it names by module path, a Rust
 * `mod` declaration of a changed module file, or a stylesheet's `@import`, `@use` or
 * `@forward` of a changed stylesheet.
 */
export interface PackageImport {
  importer: string;
  /** 1-based line of the import in the importer's text on the side read. */
  line: number;
  /** Changed paths the import reaches: a Python or Rust module, or the files of a Go package. */
  targets: string[];
  /** Names that a Python `from ... import` binds, as its module declares them; empty for Go. */
  names: string[];
  /**
   * The prefix that code writes before the module's names: Go's `store` in `store.New()`, or
   * Python's `a.b` after `import a.b` and `m` after `import a.b as m`.
   */
  qualifier?: string;
}

const PYTHON_FROM = /^\s*from\s+(\.+[\w.]*|[\w.]+)\s+import\s+\(?\s*([\w\s,*]+)/;
/** A Python `import` line with its aliases: `import numpy as np, os.path`. */
const PYTHON_IMPORT_LIST =
  /^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/;
/** A Go import path, alone after `import` or on its own line in an import block, with an optional name. */
const GO_SINGLE_IMPORT = /^\s*import\s+(?:(\w+|\.)\s+)?"([^"\n]+)"/;
const GO_BLOCK_START = /^\s*import\s*\(\s*$/;
const GO_BLOCK_LINE = /^\s*(?:(\w+|\.)\s+)?"([^"\n]+)"/;
const GO_PACKAGE_CLAUSE = /^package\s+(\w+)/m;

/**
 * Finds the imports of changed Python and Go files that reach other changed files, the
 * Rust `mod` declarations of changed module files (see findRustModules), and the stylesheets
 * that changed stylesheets load (see findStyleImports). Python
 * module paths resolve to `a/b.py` or `a/b/__init__.py`, relative ones from the importer's
 * folder and absolute ones at the root or, with two parts or more, at the end of a longer path
 * (a `src/` layout). A Go import path reaches the changed files of the folder it ends with when
 * what comes before can be the module path (`example.com/app/internal/x` reaches
 * `internal/x/*.go`). Packages from elsewhere reach nothing. On the `old` side, HEAD texts
 * resolve against HEAD paths. Importers and targets are still named by their staged paths,
 * while `line` counts in the HEAD text.
 * NOTE: go.mod is not read, so a module path without a domain (`module app`) relates nothing.
 */
export function findPackageImports(
  context: AnalysisContext,
  side: TextSide = 'new',
): PackageImport[] {
  const sideFiles = filesOnSide(context.files, side);
  const changed = sideFiles.map((entry) => entry.file);
  const paths = new Set(changed.map((file) => file.path));
  const stagedPaths = new Map(sideFiles.map((entry) => [entry.file.path, entry.stagedPath]));
  const found: PackageImport[] = [];
  for (const { file, stagedPath } of sideFiles) {
    const text = context.texts.text(stagedPath, side);
    if (text === null) continue;
    for (const entry of findFileImports(context, file, text, paths, changed)) {
      found.push({
        ...entry,
        importer: stagedPath,
        targets: entry.targets.map((target) => stagedPaths.get(target) ?? target),
      });
    }
  }
  return found;
}

/**
 * Lists the changed files that have a text on one side, each under its path on that side,
 * with its staged path: HEAD's files under their HEAD paths, or the staged files.
 */
function filesOnSide(
  files: readonly FileChange[],
  side: TextSide,
): Array<{ file: FileChange; stagedPath: string }> {
  if (side === 'new') {
    return files
      .filter((file) => file.status !== 'deleted')
      .map((file) => ({ file, stagedPath: file.path }));
  }
  return files
    .filter((file) => file.status !== 'added' && file.status !== 'copied')
    .map((file) => ({ file: { ...file, path: file.oldPath ?? file.path }, stagedPath: file.path }));
}

function findFileImports(
  context: AnalysisContext,
  file: FileChange,
  text: string,
  paths: ReadonlySet<string>,
  changed: readonly FileChange[],
): PackageImport[] {
  if (file.path.endsWith('.py')) return findPythonImports(file, text, paths);
  if (file.path.endsWith('.go')) return findGoImports(context, file, text, changed);
  if (file.path.endsWith('.rs')) return findRustModules(file, text, paths);
  if (isStyleFile(file)) {
    return findStyleImports(file.path, text, paths).map((entry) => ({
      ...entry,
      importer: file.path,
      names: [],
    }));
  }
  return [];
}

/** A Rust module declaration with its file elsewhere: `mod lexer;` or `pub(crate) mod span;`. */
export const RUST_MOD = /^\s*(?:pub(?:\([\w\s:]*\))?\s+)?mod\s+(?:r#)?(\w+)\s*;/;

/** Rust files whose `mod` declarations name files in their own folder, not in a subfolder. */
const RUST_MODULE_ROOTS = new Set(['lib.rs', 'main.rs', 'mod.rs']);

/**
 * Finds the `mod name;` declarations of a Rust file whose module file is changed. The file is
 * `name.rs` or `name/mod.rs` beside a crate root or `mod.rs`, and under a folder named after
 * the declaring file otherwise (`src/parser.rs` declares `src/parser/name.rs`).
 * NOTE: a `#[path = "..."]` attribute that moves the module file is not read.
 */
function findRustModules(
  file: FileChange,
  text: string,
  paths: ReadonlySet<string>,
): PackageImport[] {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const folder = folderOf(file.path);
  const stem = name.replace(/\.rs$/, '');
  const base = RUST_MODULE_ROOTS.has(name) ? folder : [folder, stem].filter(Boolean).join('/');
  const found: PackageImport[] = [];
  text.split('\n').forEach((line, index) => {
    const module = RUST_MOD.exec(line)?.[1];
    if (module === undefined) return;
    const stemPath = [base, module].filter(Boolean).join('/');
    const targets = [`${stemPath}.rs`, `${stemPath}/mod.rs`].filter((path) => paths.has(path));
    if (targets.length > 0) {
      found.push({ importer: file.path, line: index + 1, targets, names: [] });
    }
  });
  return found;
}

function findPythonImports(
  file: FileChange,
  text: string,
  paths: ReadonlySet<string>,
): PackageImport[] {
  const found: PackageImport[] = [];
  text.split('\n').forEach((line, index) => {
    const from = PYTHON_FROM.exec(line);
    if (!from) {
      found.push(...findPythonModuleImports(file.path, line, index + 1, paths));
      return;
    }
    const names = readImportedNames(from[2] ?? '');
    const targets = resolvePythonModule(file.path, from[1] as string, names, paths).filter(
      (target) => target !== file.path,
    );
    if (targets.length > 0) found.push({ importer: file.path, line: index + 1, targets, names });
  });
  return found;
}

/**
 * Finds the changed modules that one `import a.b, c as d` line reaches, one import per module,
 * each with the prefix that its uses are written with: `a.b` in `a.b.name`, `d` in `d.name`.
 */
function findPythonModuleImports(
  importer: string,
  line: string,
  lineNumber: number,
  paths: ReadonlySet<string>,
): PackageImport[] {
  const found: PackageImport[] = [];
  for (const item of PYTHON_IMPORT_LIST.exec(line)?.[1]?.split(',') ?? []) {
    const [module = '', asKeyword, alias] = item.trim().split(/\s+/);
    const targets = resolvePythonModule(importer, module, [], paths).filter(
      (target) => target !== importer,
    );
    if (targets.length === 0) continue;
    const qualifier = asKeyword === 'as' && alias !== undefined ? alias : module;
    found.push({ importer, line: lineNumber, targets, names: [], qualifier });
  }
  return found;
}

/** The names one line of Python imports bind in its file. */
export interface PythonBinding {
  /** 1-based line of the import in the staged text. */
  line: number;
  /** Local names: `c` for `b as c`, `os` for `import os.path`. */
  locals: string[];
}

/** Finds the names each `import` and `from ... import` line of a Python text binds. */
export function findPythonBindings(text: string): PythonBinding[] {
  const found: PythonBinding[] = [];
  text.split('\n').forEach((line, index) => {
    const from = PYTHON_FROM.exec(line);
    const listed = from ? from[2] : PYTHON_IMPORT_LIST.exec(line)?.[1];
    if (listed === undefined) return;
    const locals = listed
      .split(',')
      .map((item) => readLocalName(item, from !== null))
      .filter((name) => name !== '' && name !== '*');
    if (locals.length > 0) found.push({ line: index + 1, locals });
  });
  return found;
}

/**
 * Returns the local name of one import item: `c` for `a.b as c`, else the item after `from`
 * and its first part (`a` of `a.b`) after `import`.
 */
function readLocalName(item: string, fromImport: boolean): string {
  const words = item.trim().split(/\s+/);
  if (words[1] === 'as' && words[2] !== undefined) return words[2];
  const name = words[0] ?? '';
  return fromImport ? name : (name.split('.')[0] ?? '');
}

/** Returns the module-side names of `a, b as c` after a Python `from ... import`. */
function readImportedNames(list: string): string[] {
  const names = list.split(',').map((name) => name.trim().split(/\s/)[0] ?? '');
  return names.filter((name) => name !== '' && name !== '*');
}

function resolvePythonModule(
  importer: string,
  module: string,
  names: readonly string[],
  paths: ReadonlySet<string>,
): string[] {
  const dots = /^\.*/.exec(module)?.[0].length ?? 0;
  const rest = module.slice(dots).split('.').filter(Boolean).join('/');
  let base = '';
  if (dots > 0) {
    base = folderOf(importer);
    for (let up = 1; up < dots; up++) base = folderOf(base);
  }
  const stem = [base, rest].filter(Boolean).join('/');
  const candidates = [`${stem}.py`, `${stem}/__init__.py`];
  for (const name of names) candidates.push(`${stem}/${name}.py`);

  const found = candidates.filter((candidate) => paths.has(candidate));
  // A one-word absolute module (`import logging`) is as likely the standard library's.
  if (found.length > 0 || dots > 0 || !rest.includes('/')) return found;
  // An absolute module under a source folder: `src/app/x.py` for `app.x`, when only one path fits.
  for (const candidate of candidates) {
    const matches = [...paths].filter((path) => path.endsWith(`/${candidate}`));
    if (matches.length === 1) found.push(matches[0] as string);
  }
  return found;
}

function findGoImports(
  context: AnalysisContext,
  file: FileChange,
  text: string,
  changed: readonly FileChange[],
): PackageImport[] {
  const found: PackageImport[] = [];
  let inBlock = false;
  text.split('\n').forEach((line, index) => {
    let match: RegExpExecArray | null = null;
    if (inBlock) {
      if (/^\s*\)/.test(line)) inBlock = false;
      else match = GO_BLOCK_LINE.exec(line);
    } else if (GO_BLOCK_START.test(line)) {
      inBlock = true;
    } else {
      match = GO_SINGLE_IMPORT.exec(line);
    }
    const importPath = match?.[2];
    if (importPath === undefined) return;

    const targets = resolveGoPackage(importPath, file.path, changed);
    if (targets.length === 0) return;
    const entry: PackageImport = { importer: file.path, line: index + 1, targets, names: [] };
    const qualifier = readGoQualifier(context, match?.[1], targets);
    if (qualifier !== null) entry.qualifier = qualifier;
    found.push(entry);
  });
  return found;
}

/**
 * Returns the name that qualifies an imported Go package's names: the import's own name, else
 * the package clause of its files. Returns null for `_` and `.` imports, which bind no name.
 */
function readGoQualifier(
  context: AnalysisContext,
  alias: string | undefined,
  targets: readonly string[],
): string | null {
  if (alias === '_' || alias === '.') return null;
  if (alias !== undefined) return alias;
  for (const target of targets) {
    const name = GO_PACKAGE_CLAUSE.exec(context.texts.text(target, 'new') ?? '')?.[1];
    if (name !== undefined) return name;
  }
  return null;
}

/**
 * Returns true when `prefix`, the part of an import path before a local folder, can be this
 * repository's module path: a domain and at least one more segment (`example.com/app`). The
 * standard library (`net/http`) has no domain, and a bare host (`github.com` before
 * `pkg/errors`) names another repository.
 */
function isModulePrefix(prefix: string): boolean {
  const segments = prefix.split('/');
  return segments.length >= 2 && (segments[0] ?? '').includes('.');
}

/** Returns the changed Go files, without tests, of the longest folder the import path ends with. */
function resolveGoPackage(importPath: string, importer: string, changed: readonly FileChange[]) {
  let best = '';
  for (const file of changed) {
    if (!file.path.endsWith('.go')) continue;
    const folder = folderOf(file.path);
    if (folder === '' || folder.length <= best.length || !importPath.endsWith(`/${folder}`)) {
      continue;
    }
    if (isModulePrefix(importPath.slice(0, -folder.length - 1))) best = folder;
  }
  if (best === '' || best === folderOf(importer)) return [];
  // A package's tests are not part of what an importer uses.
  return changed
    .filter((file) => file.path.endsWith('.go') && !file.path.endsWith('_test.go'))
    .filter((file) => folderOf(file.path) === best)
    .map((file) => file.path);
}
