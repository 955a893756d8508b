import type { InProgressOperation } from '../git/types.js';
import type { TypeChoice } from './commit-type.js';
import type { Relation, RelationKind } from './types.js';

const RELATION_LABELS: Record<RelationKind, string> = {
  'manifest-lockfile': 'manifest and its lockfile',
  'test-source': 'test and the source it tests',
  import: 'a file and the changed files it imports',
  docs: 'documentation changed together',
  config: 'configuration changed together',
  ci: 'CI files changed together',
  'same-folder': 'files in the same folder',
  'nearby-folder': 'files in nearby folders',
};

/** Names the relations that join a group's files, strongest first. */
function describeRelations(
  relations: readonly Relation[],
  fileCount: number,
  choice: TypeChoice,
): string {
  if (fileCount === 1 && choice.uses) return 'one file that uses new files of an earlier batch';
  if (fileCount === 1) return 'one file with no close relation to the rest of the change';

  const strongest = new Map<RelationKind, number>();
  for (const relation of relations) {
    strongest.set(relation.kind, Math.max(strongest.get(relation.kind) ?? 0, relation.weight));
  }
  const kinds = [...strongest].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return kinds.map(([kind]) => RELATION_LABELS[kind]).join(', ');
}

/** Writes a batch's one-line rationale: the relations that join its files, then why its type. */
export function writeRationale(
  relations: readonly Relation[],
  fileCount: number,
  choice: TypeChoice,
): string {
  return `${describeRelations(relations, fileCount, choice)}; ${choice.type} because ${choice.reason}`;
}

/** Writes the rationale of the single batch made while git is in the middle of an operation. */
export function writeOperationRationale(
  operation: InProgressOperation,
  choice: TypeChoice,
): string {
  return `a ${operation} is in progress, so the staged change is one commit; ${choice.type} because ${choice.reason}`;
}
