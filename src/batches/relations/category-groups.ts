import type { FileChange } from '../../footprint/types.js';
import type { Relation } from '../types.js';
import { isSetup } from '../categories.js';
import { weights } from '../weights.js';
import { folderOf } from '../paths.js';
import { groupBy, relateToFirst, type RelationContext } from './context.js';

/** Relates docs of one folder strongly and docs of different folders more weakly. */
export function findDocsRelations({ files }: RelationContext): Relation[] {
  const docs = files.filter((file) => file.category === 'docs');
  const byFolder = groupBy(docs, (file) => folderOf(file.path));

  const relations: Relation[] = [];
  const firstOfEachFolder: string[] = [];
  for (const group of byFolder.values()) {
    const paths = group.map((file) => file.path);
    relations.push(...relateToFirst('docs', paths, weights.docsSameFolder));
    firstOfEachFolder.push(paths[0] as string);
  }
  relations.push(...relateToFirst('docs', firstOfEachFolder, weights.docs));
  return relations;
}

function pathsWhere(files: readonly FileChange[], test: (file: FileChange) => boolean): string[] {
  return files.filter(test).map((file) => file.path);
}

/** Relates configuration and build files to each other. */
export function findConfigRelations({ files }: RelationContext): Relation[] {
  return relateToFirst('config', pathsWhere(files, isSetup), weights.config);
}

/** Relates CI files (workflows, pipelines) to each other. */
export function findCiRelations({ files }: RelationContext): Relation[] {
  const ci = pathsWhere(files, (file) => file.category === 'ci');
  return relateToFirst('ci', ci, weights.ci);
}
