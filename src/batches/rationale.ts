import type { InProgressOperation } from '../git/types.js';
import type { Join } from './clustering.js';
import type { TypeChoice } from './commit-type.js';
import type { RelationKind } from './types.js';
import { operationPhrase } from '../git/operation-phrase.js';
import { folderOf } from './paths.js';

/** A batch's place among the others, which the rationale of a batch of one edit names. */
export interface BatchPlace {
  /** It uses what an earlier batch adds or changes. */
  needsOthers?: boolean;
  /** A later batch uses what it adds or changes. */
  neededByOthers?: boolean;
  /** It is the only batch of the change. */
  onlyBatch?: boolean;
}

const RELATION_LABELS: Record<RelationKind, string> = {
  rename: 'one identifier renamed across hunks',
  'manifest-lockfile': 'manifest and its lockfile',
  'dependency-use': 'a dependency and the code that imports it',
  submodule: 'a submodule and its .gitmodules entry',
  'file-folder': 'a file and the files that replace it as a folder, or the reverse',
  'new-package': 'a new package with its manifest, and the manifests that name it',
  import: 'an import and the file it imports',
  'definition-use': 'a changed definition and its uses',
  'similar-edit': 'the same edit in several places',
  'moved-lines': 'lines moved from one place to another',
  'test-source': 'test and the source it tests',
  'same-definition': 'hunks inside one definition',
  'same-file': 'hunks of one file',
  'shared-identifiers': 'edits that share rare identifiers',
  'similar-text': 'edits with similar words',
  'co-change': 'files that often changed together in history',
  docs: 'documentation changed together',
  config: 'configuration changed together',
  ci: 'CI files changed together',
  'same-folder': 'files in the same folder',
  'nearby-folder': 'files in nearby folders',
  'same-area': 'edits in one part of the project',
  unseparated: 'edits that nothing sets apart',
  leftover: 'a small leftover edit joined to its nearest batch',
};

/**
 * Kinds of relation, most specific first. A rationale names the first kinds of a batch's joins,
 * because "test and the source it tests" explains more than "similar words".
 */
const KIND_PRIORITY: readonly RelationKind[] = [
  'rename',
  'manifest-lockfile',
  'dependency-use',
  'submodule',
  'file-folder',
  'new-package',
  'test-source',
  'import',
  'definition-use',
  'similar-edit',
  'moved-lines',
  'same-definition',
  'co-change',
  'same-file',
  'similar-text',
  'shared-identifiers',
  'docs',
  'config',
  'ci',
  'same-folder',
  'nearby-folder',
  'same-area',
  'unseparated',
  'leftover',
];

/** Orders joins by the priority of their kind, then by falling weight. */
export function compareJoins(a: Join, b: Join): number {
  return KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind) || b.weight - a.weight;
}

/** Relations a rationale names at most. */
const MAX_LABELS = 3;

/** The files of a batch, as its rationale reads them to name only relations that hold there. */
export interface RationaleFile {
  path: string;
  category: string;
}

/** Kinds of relation that join hunks of one file, which explain none of a batch's other files. */
const WITHIN_FILE_KINDS: ReadonlySet<RelationKind> = new Set(['same-file', 'same-definition']);

/**
 * Returns the kind a rationale names for a join. A version that a dependency update or a
 * release swaps in several places looks like a renamed identifier, but it is the same edit.
 */
function namedKind(kind: RelationKind, choice: TypeChoice): RelationKind {
  const bumps =
    choice.actions !== undefined || choice.updatesDependencies || choice.release !== undefined;
  return kind === 'rename' && bumps ? 'similar-edit' : kind;
}

/**
 * Labels a kind, without the manifests that name a new package when the batch has none of
 * them.
 */
function labelOf(kind: RelationKind, files: readonly RationaleFile[]): string {
  const manifests = files.filter((file) => file.category === 'dependency-manifest');
  if (kind === 'new-package' && files.length > 0 && manifests.length <= 1) {
    return 'a new package with its manifest';
  }
  return RELATION_LABELS[kind];
}

/**
 * Returns the kind that names what the paths of several files share (a folder, a top folder,
 * or being documentation), for a batch whose named relations join only hunks within files.
 */
function locationKind(files: readonly RationaleFile[]): RelationKind {
  const paths = files.map((file) => file.path);
  const shared = (key: (path: string) => string) => new Set(paths.map(key)).size === 1;
  if (files.every((file) => file.category === 'docs')) return 'docs';
  if (shared(folderOf)) return 'same-folder';
  if (shared((path) => path.split('/')[0] ?? '')) return 'same-area';
  return 'unseparated';
}

/**
 * Names the relations that join a batch's units, most specific first, and a leftover last.
 * `needsOthers` is true when the batch uses what an earlier batch changes.
 */
function describeJoins(
  joins: readonly Join[],
  unitCount: number,
  choice: TypeChoice,
  place: BatchPlace,
  files: readonly RationaleFile[],
): string {
  if (unitCount === 1 && choice.uses) return 'one edit that uses new files of an earlier batch';
  if (unitCount === 1 && place.needsOthers)
    return 'one edit that uses what an earlier batch changes';
  if (unitCount === 1 && place.neededByOthers) return 'one edit that a later batch uses';
  if (unitCount === 1 && place.onlyBatch) return 'the whole change is one edit';
  if (unitCount === 1) return 'one edit with no close relation to the rest of the change';

  const sorted = [...joins].sort(compareJoins);
  const kinds = [...new Set(sorted.map((join) => namedKind(join.kind, choice)))];
  // Hunks of one file explain nothing about the other files of a batch, so their place does.
  const paths = new Set(files.map((file) => file.path));
  const withinFiles = kinds.every((kind) => WITHIN_FILE_KINDS.has(kind) || kind === 'leftover');
  if (paths.size > 1 && withinFiles) kinds.splice(1, 0, locationKind(files));
  // A leftover is always named, because nothing else explains why that edit is in the batch.
  const named = kinds.includes('leftover')
    ? [...kinds.filter((kind) => kind !== 'leftover').slice(0, MAX_LABELS - 1), 'leftover' as const]
    : kinds.slice(0, MAX_LABELS);
  return named.map((kind) => labelOf(kind, files)).join(', ');
}

/**
 * Writes a batch's one-line rationale: the relations that join its units, then why its type.
 * `files` are the batch's files, so that no label claims a relation they do not have.
 */
export function writeRationale(
  joins: readonly Join[],
  unitCount: number,
  choice: TypeChoice,
  place: BatchPlace = {},
  files: readonly RationaleFile[] = [],
): string {
  const joined = describeJoins(joins, unitCount, choice, place, files);
  return `${joined}; ${choice.type} because ${choice.reason}`;
}

/** Writes the rationale of the single batch made while git is in the middle of an operation. */
export function writeOperationRationale(
  operation: InProgressOperation,
  choice: TypeChoice,
): string {
  return `${operationPhrase(operation)} is in progress, so the staged change is one commit; ${choice.type} because ${choice.reason}`;
}

/** Writes the rationale of the one batch of a change with more files than `limit`. */
export function writeFileLimitRationale(files: number, limit: number, choice: TypeChoice): string {
  return `the change has ${files} files, over the ${limit} that batch analysis splits, so it is one commit; ${choice.type} because ${choice.reason}`;
}
