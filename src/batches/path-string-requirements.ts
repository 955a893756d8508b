import type { FileCategory } from '../footprint/types.js';
import { folderOf } from './paths.js';
import { isNewPath, type AnalysisContext } from './relations/context.js';
import type { Requirement } from './requirements.js';

/** Categories of files that name source files by path: bundler, compiler and tool settings. */
const NAMING_CATEGORIES: ReadonlySet<FileCategory> = new Set(['build', 'config']);

/** A quoted string without interpolation that ends in a file extension. */
const QUOTED_PATH = /(["'`])((?:\.{1,2}\/)?[\w@.-]+(?:\/[\w@.-]+)+\.\w{1,6})\1/g;

/** Resolves `.` and `..` segments of a repository path, or returns null when it leaves the root. */
function normalizePath(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join('/');
}

/**
 * Finds added lines of build and config files that name a file the change adds, by a path
 * from the file's folder or from the repository root, such as a bundler's
 * `input: 'src/client/entry.ts'`. The setting cannot build before that file exists, so its
 * unit needs the file's batch first.
 */
export function findPathStringRequirements(context: AnalysisContext): Requirement[] {
  const added = new Map<string, number>();
  for (const file of context.files) {
    if (!isNewPath(file)) continue;
    const unit = context.unitsOfPath.get(file.path)?.[0];
    if (unit) added.set(file.path, unit.index);
  }
  if (added.size === 0) return [];

  const found: Requirement[] = [];
  for (const file of context.files) {
    if (file.status === 'deleted' || !NAMING_CATEGORIES.has(file.category)) continue;
    const folder = folderOf(file.path);
    for (const unit of context.unitsOfPath.get(file.path) ?? []) {
      const named = new Set<number>();
      for (const line of unit.added) {
        for (const match of line.matchAll(QUOTED_PATH)) {
          const written = match[2] ?? '';
          const candidates = [folder === '' ? written : `${folder}/${written}`, written];
          for (const candidate of candidates) {
            const path = normalizePath(candidate);
            const target = path === null ? undefined : added.get(path);
            if (target === undefined || target === unit.index || named.has(target)) continue;
            named.add(target);
            found.push({
              from: unit.index,
              to: target,
              subject: path ?? '',
              removes: false,
              certain: true,
            });
          }
        }
      }
    }
  }
  return found;
}
