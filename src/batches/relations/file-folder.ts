import { findFileFolderPairs } from '../file-folder.js';
import { linkFiles, type AnalysisContext, type Link } from './context.js';

/**
 * Links a file to each staged file under the same path as a folder. When a file becomes a
 * folder or the reverse, HEAD has one side and the index the other. No commit can contain one
 * side's change without the other's.
 */
export function findFileFolderLinks(context: AnalysisContext): Link[] {
  return findFileFolderPairs(context.files).flatMap((pair) =>
    linkFiles(context, 'file-folder', pair.file, pair.under, 1),
  );
}
