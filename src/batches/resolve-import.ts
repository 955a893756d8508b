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

/**
 * Resolves a relative import specifier of `importer` to one of the `changed` paths, or returns
 * null. Package imports and path aliases are not resolved, so they never relate files.
 */
export function resolveImport(
  importer: string,
  specifier: string,
  changed: ReadonlySet<string>,
): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;

  const bare = specifier.replace(/[?#].*$/s, '');
  const target = posix.normalize(posix.join(folderOf(importer) || '.', bare)).replace(/\/$/, '');
  if (target.startsWith('../') || target === '..') return null;

  for (const candidate of candidatePaths(target)) {
    if (changed.has(candidate)) return candidate;
  }
  return null;
}
