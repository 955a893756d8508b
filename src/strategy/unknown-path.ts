import type { FileChange } from '../footprint/types.js';
import { quoteJsonString, quotePath } from '../output/quote-path.js';
import type { StrategyProblem } from './types.js';

/** Staged files a folder hint lists before it only counts the rest. */
const LISTED_FILES = 3;

/** Rewrites a hand-typed path as git names it: `/` separators, no `./` or leading `/`. */
function normalizeTyped(path: string): string {
  return path
    .replaceAll('\\', '/')
    .replace(/^(?:\.\/|\/)+/, '')
    .replace(/\/{2,}/g, '/');
}

function describeFolder(path: string, inside: readonly FileChange[]): string {
  const listed = inside.slice(0, LISTED_FILES).map((file) => quotePath(file.path));
  const rest = inside.length - LISTED_FILES;
  const names = rest > 0 ? `${listed.join(', ')} and ${rest} more` : listed.join(', ');
  return (
    `${quotePath(path)} is a folder, and a batch takes files one by one. ` +
    `Name its staged files instead: ${names}.`
  );
}

/**
 * Returns the fix for a path that no staged file has, naming the staged path it most likely
 * means: the new path of a rename, the same path in another Unicode normalization form, which
 * looks the same, the path without `./` or with `/` separators, or a folder's files. Returns
 * null when none fits.
 */
function findLikelyFix(path: string, files: readonly FileChange[]): string | null {
  const renamed = files.find((file) => file.oldPath === path);
  if (renamed) {
    const renames = `${quotePath(path)} is staged as a rename to ${quotePath(renamed.path)}`;
    return `${renames}; name the new path.`;
  }

  const composed = path.normalize('NFC');
  const sameText = files.find((file) => file.path.normalize('NFC') === composed);
  if (sameText) {
    return (
      'It differs from the staged path only in how its accented letters are encoded ' +
      '(Unicode NFC or NFD), so it looks the same. ' +
      `Replace it with the staged path, { "path": ${quoteJsonString(sameText.path)} }.`
    );
  }

  const typed = normalizeTyped(path);
  const rewritten = files.find((file) => file.path === typed);
  if (rewritten) {
    return `Name it as git does, from the repository root with / separators: ${quotePath(typed)}.`;
  }

  const folder = typed.replace(/\/+$/, '');
  const inside = files.filter((file) => file.path.startsWith(`${folder}/`));
  return inside.length > 0 ? describeFolder(folder, inside) : null;
}

/** Reports a path a batch names that is not staged, with the likely fix when there is one. */
export function unknownPath(
  path: string,
  batch: string,
  files: readonly FileChange[],
): StrategyProblem {
  const hint =
    findLikelyFix(path, files) ??
    `Remove it from the batch, or stage it and write the strategy again.`;
  return {
    code: 'unknown-path',
    batch,
    path,
    message: `Batch ${batch} names ${quotePath(path)}, which is not in the staged change. ${hint}`,
  };
}
