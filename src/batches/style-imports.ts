import { posix } from 'node:path';
import type { FileChange } from '../footprint/types.js';
import { folderOf } from './paths.js';

/** Stylesheets whose `@import`, and for Sass `@use` and `@forward`, name other stylesheets. */
const STYLE_PATH = /\.(?:s[ac]ss|css|less)$/;

/** An at-rule that loads stylesheets, capturing what follows its name and any Less options. */
const STYLE_RULE = /^\s*@(?:import|use|forward)\b(?:\s*\([\w\s,]*\))?\s*(.*)$/;

/** A quoted specifier, bare or inside `url(...)`. */
const QUOTED = /(?:url\(\s*)?(['"])([^'"\n]{1,300})\1/g;

/** Extensions tried for a specifier without one. */
const STYLE_EXTENSIONS = ['.scss', '.sass', '.css', '.less'];

/** Returns true for a Sass, Less or CSS file whose text names other stylesheets it loads. */
export function isStyleFile(file: FileChange): boolean {
  return file.opaque === undefined && !file.binary && STYLE_PATH.test(file.path);
}

/**
 * Returns the paths a relative stylesheet specifier may load: the file itself, with an
 * extension, as a Sass partial (`_name.scss`), or as a folder's `_index` or `index` file.
 */
function candidatePaths(importer: string, specifier: string): string[] {
  const target = posix.normalize(posix.join(folderOf(importer), specifier));
  if (target.startsWith('../')) return [];
  const folder = folderOf(target);
  const name = target.slice(folder.length === 0 ? 0 : folder.length + 1);
  const partial = folder === '' ? `_${name}` : `${folder}/_${name}`;
  if (posix.extname(name) !== '') return [target, partial];

  const candidates: string[] = [];
  for (const extension of STYLE_EXTENSIONS) {
    candidates.push(target + extension, partial + extension);
    candidates.push(`${target}/_index${extension}`, `${target}/index${extension}`);
  }
  return candidates;
}

/** Returns true for a specifier that names no file of the repository by a relative path. */
function isExternal(specifier: string): boolean {
  return /^(?:[a-z][\w+.-]*:|\/\/|~|\/)/i.test(specifier);
}

/**
 * Finds the changed stylesheets that each `@import`, `@use` and `@forward` line of a
 * stylesheet loads, with the 1-based line. A specifier resolves from the importer's folder.
 * NOTE: Sass load paths and webpack's `~package` are not read, so such imports relate nothing.
 */
export function findStyleImports(
  importer: string,
  text: string,
  paths: ReadonlySet<string>,
): Array<{ line: number; targets: string[] }> {
  const found: Array<{ line: number; targets: string[] }> = [];
  text.split('\n').forEach((line, index) => {
    const rest = STYLE_RULE.exec(line)?.[1];
    if (rest === undefined) return;

    const targets = new Set<string>();
    for (const match of rest.matchAll(QUOTED)) {
      const specifier = match[2] as string;
      if (isExternal(specifier)) continue;
      const target = candidatePaths(importer, specifier).find((path) => paths.has(path));
      if (target !== undefined && target !== importer) targets.add(target);
    }
    if (targets.size > 0) found.push({ line: index + 1, targets: [...targets] });
  });
  return found;
}
