import type { FileCategory, FileChange } from '../footprint/types.js';

/**
 * Categories of program code, which tests test and which import each other. `other` (data
 * files, files of no known language) is not code.
 */
const CODE_CATEGORIES: ReadonlySet<FileCategory> = new Set(['source', 'migration', 'generated']);

export function isCode(file: FileChange): boolean {
  return isCodeCategory(file.category);
}

export function isCodeCategory(category: FileCategory): boolean {
  return CODE_CATEGORIES.has(category);
}
