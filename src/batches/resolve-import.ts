import { posix } from 'node:path';
import { folderOf } from './paths.js';

/** Extensions a bundler or TypeScript tries for an extensionless relative specifier. */
const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];

/** TypeScript under NodeNext imports `./x.js` for the source file `./x.ts`. */
const EMITTED_TO_SOURCE: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

function candidatePaths(target: string): string[] {
  const candidates = [target];
  const extension = posix.extname(target);
  for (const replacement of EMITTED_TO_SOURCE[extension] ?? []) {
    candidates.push(target.slice(0, -extension.length) + replacement);
  }
  for (const added of SCRIPT_EXTENSIONS) candidates.push(target + added);
  for (const added of SCRIPT_EXTENSIONS) candidates.push(`${target}/index${added}`);
  return candidates;
}

/** Returns a file or folder name up to its first dot: `button` for `button.test.tsx`. */
function stemOf(name: string): string {
  const dot = name.indexOf('.');
  return dot === -1 ? name : name.slice(0, dot);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The paths that imports may resolve to, with the stems of the last part a specifier needs to
 * reach one of them: a file's own stem, or for an index file its folder's. Every candidate
 * that candidatePaths adds keeps the stem of the specifier's last part, so a specifier with
 * another stem is dismissed without building its candidates. A changed test file can hold
 * hundreds of quoted `./` texts, nearly all of them reaching no changed path.
 */
export class ImportTargets {
  private readonly stems = new Set<string>();

  constructor(readonly paths: ReadonlySet<string>) {
    for (const path of paths) {
      const name = baseName(path);
      this.stems.add(stemOf(name));
      if (stemOf(name) === 'index') this.stems.add(stemOf(baseName(folderOf(path))));
    }
  }

  /** Returns false when the specifier, without its query, cannot reach any of the paths. */
  mayReach(bare: string): boolean {
    const last = baseName(bare);
    if (last === '' || last === '.' || last === '..') return true;
    return this.stems.has(stemOf(last));
  }
}

/**
 * Resolves a relative import specifier of `importer` to one of the target paths, or returns
 * null. Package imports and path aliases are not resolved, so they never relate files.
 */
export function resolveImport(
  importer: string,
  specifier: string,
  targets: ImportTargets,
): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;

  const bare = specifier.replace(/[?#].*$/s, '');
  if (!targets.mayReach(bare)) return null;
  const target = posix.normalize(posix.join(folderOf(importer) || '.', bare)).replace(/\/$/, '');
  if (target.startsWith('../') || target === '..') return null;

  for (const candidate of candidatePaths(target)) {
    if (targets.paths.has(candidate)) return candidate;
  }
  return null;
}
