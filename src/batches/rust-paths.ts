import { RUST_MOD } from './package-imports.js';
import { baseNameOf, folderOf } from './paths.js';
import type { AnalysisContext } from './relations/context.js';
import type { Requirement } from './requirements.js';
import type { ChangeUnit } from './units.js';

/** Files that are the root of a Rust crate and declare its top-level modules. */
const CRATE_ROOTS = new Set(['lib.rs', 'main.rs']);

/** A path from the crate root, as in `use crate::retry::with_retries;`. */
const CRATE_PATH = /\bcrate::(?:r#)?(\w+)/g;

/** A `mod name;` line that a crate root's staged text adds and its HEAD text lacks. */
interface NewModule {
  /** Folder of the crate root, under which the crate's other files lie. */
  folder: string;
  name: string;
  unit: ChangeUnit;
}

/** Returns the module names that `mod name;` lines of a text declare. */
function declaredModules(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const name = RUST_MOD.exec(line)?.[1];
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** Finds the `mod name;` lines that changed crate roots add for modules new to them. */
function findNewModules(context: AnalysisContext): NewModule[] {
  const found: NewModule[] = [];
  for (const file of context.files) {
    if (file.status === 'deleted' || !CRATE_ROOTS.has(baseNameOf(file.path))) continue;
    const before = declaredModules(context.texts.text(file.path, 'old') ?? '');
    for (const unit of context.unitsOfPath.get(file.path) ?? []) {
      for (const line of unit.added) {
        const name = RUST_MOD.exec(line)?.[1];
        if (name !== undefined && !before.has(name)) {
          found.push({ folder: folderOf(file.path), name, unit });
        }
      }
    }
  }
  return found;
}

/**
 * Returns true when a Rust file belongs to the crate whose root lies in `folder`. A file under
 * `bin/` there is the root of a crate of its own, whose `crate::` paths start elsewhere.
 */
function inCrate(path: string, folder: string): boolean {
  const prefix = folder === '' ? '' : `${folder}/`;
  return path.startsWith(prefix) && !path.startsWith(`${prefix}bin/`);
}

/**
 * Finds uses of `crate::name` on added lines of Rust files, where the crate root newly declares
 * `mod name;`. Until that declaration is committed the module is not part of the crate, so the
 * use does not compile without it.
 * NOTE: only the crate root's declarations are read, so `crate::net::http` needs no new
 * `mod http;` in `net.rs`, and `super::` and `self::` paths are not followed.
 */
export function findRustPathRequirements(context: AnalysisContext): Requirement[] {
  const modules = findNewModules(context);
  if (modules.length === 0) return [];

  const found = new Map<string, Requirement>();
  for (const unit of context.units) {
    if (!unit.path.endsWith('.rs')) continue;
    for (const line of unit.added) {
      if (!line.includes('crate::')) continue;
      for (const match of line.matchAll(CRATE_PATH)) {
        for (const module of modules) {
          if (module.name !== match[1] || module.unit === unit) continue;
          if (!inCrate(unit.path, module.folder)) continue;
          const subject = `crate::${module.name}`;
          const requirement = { from: unit.index, to: module.unit.index, subject };
          found.set(`${unit.index}:${module.unit.index}`, {
            ...requirement,
            removes: false,
            certain: true,
          });
        }
      }
    }
  }
  return [...found.values()];
}
