import type { FileChange, FootprintWithContent } from '../footprint/types.js';
import type { InProgressOperation } from '../git/types.js';
import { createDebug } from '../log/debug.js';
import { chooseCommitType, type TypeChoice } from './commit-type.js';
import { groupFiles, type FileGroup } from './group.js';
import { writeMessage } from './message.js';
import { orderNodes } from './order.js';
import { comparePaths } from './paths.js';
import { writeOperationRationale, writeRationale } from './rationale.js';
import { findRelations } from './relations/index.js';
import { chooseScope } from './scope.js';
import { describeChange } from './subject.js';
import type { Batch, BatchAnalysis, Mode, Relation } from './types.js';
import { relationThreshold } from './weights.js';

const debug = createDebug('batches');

/** Operations during which git commits the whole staged change as one; bisect is not one. */
const SINGLE_COMMIT_OPERATIONS: ReadonlySet<InProgressOperation> = new Set([
  'merge',
  'rebase',
  'cherry-pick',
  'revert',
  'am',
]);

type Content = FootprintWithContent['content'];

/** A batch before ordering gives it an id. */
type DraftBatch = Omit<Batch, 'id' | 'dependsOn'>;

function draftBatch(
  files: FileChange[],
  content: Content,
  usesNew: string[],
  rationaleOf: (choice: TypeChoice) => string,
): DraftBatch {
  const choice = chooseCommitType(files, content, usesNew);
  const scope = chooseScope(files, choice.type);
  return {
    message: writeMessage(choice.type, scope, describeChange(files, content, choice)),
    type: choice.type,
    scope,
    rationale: rationaleOf(choice),
    changes: files.map((file) => ({ path: file.path })),
  };
}

/** The groups, and the paths in them, that one group requires from the others. */
interface GroupNeeds {
  groups: Set<number>;
  paths: Set<string>;
}

function findGroupNeeds(
  groups: readonly FileGroup[],
  relations: readonly Relation[],
): GroupNeeds[] {
  const groupOfPath = new Map<string, number>();
  groups.forEach((group, index) => group.paths.forEach((path) => groupOfPath.set(path, index)));

  const needs = groups.map(() => ({ groups: new Set<number>(), paths: new Set<string>() }));
  for (const relation of relations) {
    if (!relation.requires) continue;
    const from = groupOfPath.get(relation.from.path);
    const to = groupOfPath.get(relation.to.path);
    if (from === undefined || to === undefined || from === to) continue;
    needs[from]?.groups.add(to);
    needs[from]?.paths.add(relation.to.path);
  }
  return needs;
}

function splitIntoBatches(files: FileChange[], content: Content, mode: Mode): Batch[] {
  const relations = findRelations({ files, content });
  const paths = files.map((file) => file.path);
  const groups = groupFiles(paths, relations, relationThreshold[mode]);
  debug(`${relations.length} relations join ${files.length} files into ${groups.length} batches`);

  const byPath = new Map(files.map((file) => [file.path, file]));
  const needs = findGroupNeeds(groups, relations);
  const drafts = groups.map((group, index) => {
    const members = group.paths.map((path) => byPath.get(path) as FileChange);
    const usesNew = [...(needs[index]?.paths ?? [])].sort(comparePaths);
    return draftBatch(members, content, usesNew, (choice) =>
      writeRationale(group.relations, group.paths.length, choice),
    );
  });
  const required = needs.map((need) => need.groups);

  const order = orderNodes(
    drafts.map((draft, index) => ({
      type: draft.type,
      firstPath: groups[index]?.paths[0] ?? '',
      requires: required[index] ?? new Set<number>(),
    })),
  );
  const idOfGroup = new Map(order.map((group, position) => [group, position]));

  return order.map((group, position) => ({
    id: `b${position + 1}`,
    ...(drafts[group] as DraftBatch),
    dependsOn: [...(required[group] ?? [])]
      .map((other) => idOfGroup.get(other) ?? 0)
      .sort((a, b) => a - b)
      .map((other) => `b${other + 1}`),
  }));
}

/**
 * Groups the staged change into batches of coherent commits, ordered so that no batch needs a
 * later one, each with a Conventional Commits message and a one-line rationale. Each batch takes
 * whole files for now. While git is in the middle of a merge, rebase, cherry-pick or revert, the
 * staged change is one batch and no split is suggested. The result depends only on the input:
 * files are sorted by path first, so their order in the footprint does not matter.
 */
export function analyzeBatches(
  input: FootprintWithContent,
  options: { mode: Mode },
): BatchAnalysis {
  const files = [...input.footprint.files].sort((a, b) => comparePaths(a.path, b.path));
  const { operation } = input.footprint;

  if (operation !== null && SINGLE_COMMIT_OPERATIONS.has(operation)) {
    const draft = draftBatch(files, input.content, [], (choice) =>
      writeOperationRationale(operation, choice),
    );
    const batches = files.length === 0 ? [] : [{ id: 'b1', ...draft, dependsOn: [] }];
    return { mode: options.mode, batches, splitSuggested: false };
  }

  return {
    mode: options.mode,
    batches: splitIntoBatches(files, input.content, options.mode),
    splitSuggested: true,
  };
}
