import type { FileChange } from '../../footprint/types.js';
import type { Relation } from '../types.js';
import { readImportSpecifiers } from '../import-specifiers.js';
import { resolveImport } from '../resolve-import.js';
import { weights } from '../weights.js';
import { isNewPath, relate, type RelationContext } from './context.js';

const SCRIPT_PATH = /\.(?:[cm]?[jt]s|[jt]sx)$/;

function isScript(file: FileChange): boolean {
  return file.status !== 'deleted' && file.opaque === undefined && SCRIPT_PATH.test(file.path);
}

/**
 * Relates each changed JavaScript or TypeScript file to the changed files its relative imports
 * resolve to. An import of a file the change adds (or renames or copies into place) `requires`
 * it, which orders the importer's batch after the imported file's batch.
 */
// NOTE: only staged text is read, so a batch that deletes a file is not ordered after the
// batches that stop importing it.
export function findImportRelations({ files, content }: RelationContext): Relation[] {
  const scripts = files.filter(isScript);
  if (scripts.length === 0 || files.length < 2) return [];

  const present = files.filter((file) => file.status !== 'deleted');
  const byPath = new Map(present.map((file) => [file.path, file]));
  const paths = new Set(byPath.keys());

  const relations: Relation[] = [];
  for (const importer of scripts) {
    const text = content.get(importer.path)?.newText;
    if (text === null || text === undefined) continue;

    const targets = new Set<string>();
    for (const specifier of readImportSpecifiers(text, importer.path)) {
      const target = resolveImport(importer.path, specifier, paths);
      if (target !== null && target !== importer.path) targets.add(target);
    }
    for (const target of targets) {
      const requires = isNewPath(byPath.get(target) as FileChange);
      relations.push(relate('import', importer.path, target, weights.import, requires));
    }
  }
  return relations;
}
