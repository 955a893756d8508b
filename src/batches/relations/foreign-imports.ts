/** Reads the dependency names that lines of one language import. */
type ImportReader = (lines: readonly string[]) => string[];

/** `import a.b as c, d`: the modules after `import`, up to a comment. */
const PYTHON_IMPORT = /^\s*import\s+([^#]+)/;

/** `from a.b import c`: the module, which a leading dot makes relative to the package. */
const PYTHON_FROM = /^\s*from\s+([A-Za-z_]\w*)(?:\.\w+)*\s+import\b/;

/**
 * Common Python distributions whose module has another name: a manifest names `PyYAML` where
 * code imports `yaml`. A distribution missing here is linked only when the names agree.
 */
const PYTHON_DISTRIBUTIONS: ReadonlyMap<string, string> = new Map([
  ['yaml', 'PyYAML'],
  ['bs4', 'beautifulsoup4'],
  ['PIL', 'Pillow'],
  ['sklearn', 'scikit-learn'],
  ['dateutil', 'python-dateutil'],
  ['dotenv', 'python-dotenv'],
  ['cv2', 'opencv-python'],
  ['jwt', 'PyJWT'],
  ['attr', 'attrs'],
  ['Crypto', 'pycryptodome'],
  ['OpenSSL', 'pyOpenSSL'],
  ['serial', 'pyserial'],
  ['git', 'GitPython'],
  ['docx', 'python-docx'],
  ['magic', 'python-magic'],
  ['fitz', 'PyMuPDF'],
]);

/**
 * Reads the top-level packages that Python lines import: `requests` for `import requests.adapters`
 * and for `from requests import get`, and also the distribution of a module named otherwise
 * (`PyYAML` for `yaml`). Relative imports (`from . import x`) name no dependency.
 */
function readPythonImports(lines: readonly string[]): string[] {
  const names: string[] = [];
  const add = (name: string): void => {
    names.push(name);
    const distribution = PYTHON_DISTRIBUTIONS.get(name);
    if (distribution !== undefined) names.push(distribution);
  };
  for (const line of lines) {
    const from = PYTHON_FROM.exec(line);
    if (from?.[1] !== undefined) {
      add(from[1]);
      continue;
    }

    const modules = PYTHON_IMPORT.exec(line)?.[1];
    if (modules === undefined) continue;
    for (const item of modules.split(',')) {
      const name = /^\s*([A-Za-z_]\w*)/.exec(item)?.[1];
      if (name !== undefined) add(name);
    }
  }
  return names;
}

/**
 * The first segment of a Rust path: `serde_json` in `use serde_json::json;` and in
 * `serde_json::to_string(&x)`. A segment after `::` or inside a name is not a crate.
 */
const RUST_PATH_START = /(?<![\w:])([a-z_][a-z0-9_]*)::/g;

/** `extern crate rand;` names a crate without a path. */
const RUST_EXTERN_CRATE = /^\s*extern\s+crate\s+([a-z_][a-z0-9_]*)/;

/** First segments of Rust paths that name the current crate or the standard library. */
const RUST_NOT_CRATES = new Set(['crate', 'self', 'super', 'std', 'core', 'alloc']);

/** Reads the crates that Rust lines name as the start of a path or in `extern crate`. */
function readRustImports(lines: readonly string[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    const code = line.replace(/\/\/.*$/, '');
    const extern = RUST_EXTERN_CRATE.exec(code)?.[1];
    if (extern !== undefined) names.push(extern);
    if (!code.includes('::')) continue;
    for (const match of code.matchAll(RUST_PATH_START)) {
      const name = match[1] as string;
      if (!RUST_NOT_CRATES.has(name)) names.push(name);
    }
  }
  return names;
}

/**
 * A Go import spec, alone after `import` or on its own line inside an `import (` block:
 * `"github.com/pkg/errors"`, `errs "github.com/pkg/errors"`, `_ "embed"`.
 */
const GO_IMPORT = /^\s*(?:import\s+)?(?:[A-Za-z_]\w*\s+|[._]\s+)?"([^"\s]+)"\s*(?:\/\/.*)?$/;

/**
 * Reads the modules that Go lines may import. An import path names its module or a package
 * inside it, so each path gives every prefix that ends at a `/`: `github.com/pkg/errors/sub`
 * gives `github.com/pkg/errors` among others, which is the module go.mod requires.
 */
function readGoImports(lines: readonly string[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    const path = GO_IMPORT.exec(line)?.[1];
    if (path === undefined) continue;
    const segments = path.split('/');
    for (let end = 1; end <= segments.length; end += 1) {
      names.push(segments.slice(0, end).join('/'));
    }
  }
  return names;
}

const READERS: ReadonlyMap<string, ImportReader> = new Map([
  ['py', readPythonImports],
  ['pyi', readPythonImports],
  ['rs', readRustImports],
  ['go', readGoImports],
]);

/**
 * Returns the dependency names that changed lines of a Python, Rust or Go file import, or null
 * for a file of another language.
 */
export function readForeignImports(lines: readonly string[], path: string): string[] | null {
  const extension = /\.([^./]+)$/.exec(path)?.[1] ?? '';
  const read = READERS.get(extension);
  return read === undefined ? null : read(lines);
}
