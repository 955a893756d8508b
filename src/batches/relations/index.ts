import type { Relation } from '../types.js';
import { findCiRelations, findConfigRelations, findDocsRelations } from './category-groups.js';
import type { RelationContext, RelationFinder } from './context.js';
import { findImportRelations } from './imports.js';
import { findManifestLockfileRelations } from './manifest-lockfile.js';
import { findProximityRelations } from './proximity.js';
import { findTestSourceRelations } from './test-source.js';

/** Every relation finder batch analysis runs; a new kind of relation adds its finder here. */
export const relationFinders: readonly RelationFinder[] = [
  findTestSourceRelations,
  findManifestLockfileRelations,
  findImportRelations,
  findDocsRelations,
  findConfigRelations,
  findCiRelations,
  findProximityRelations,
];

export function findRelations(context: RelationContext): Relation[] {
  return relationFinders.flatMap((finder) => finder(context));
}
