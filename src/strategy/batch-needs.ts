import type { BatchDependency } from '../batches/batch-dependencies.js';
import type { FileChange } from '../footprint/types.js';
import { quotePath } from '../output/quote-path.js';

/** A dependency of one batch on another that the staged change proves, with its wording. */
export interface BatchNeed {
  dependency: BatchDependency;
  /** Sentence that states what `batch` needs of `on`, without a fix. */
  reason: string;
  /** Change of `on` that removes the need when moved into `batch`: a path, or that change of it. */
  part: string;
}

/** Describes what the batch of `dependency` needs of its `on` batch, in one sentence. */
function describeReason(dependency: BatchDependency, renamed: boolean): string {
  const { batch, on } = dependency;
  const path = quotePath(dependency.path);
  const onPath = quotePath(dependency.onPath);
  const subject = quotePath(dependency.subject);
  if (dependency.removes && renamed) {
    return (
      `Batch ${batch} renames ${subject} to ${path}, but batch ${on} still imports ${subject} ` +
      `until it changes ${onPath}.`
    );
  }
  if (dependency.removes) {
    const where = subject === path ? '' : ` (in ${path})`;
    return (
      `Batch ${batch} removes ${subject}${where}, which batch ${on} still uses until it ` +
      `changes ${onPath}.`
    );
  }
  if (subject === onPath) {
    return `Batch ${batch} imports ${subject} (in ${path}), which batch ${on} adds.`;
  }
  return `Batch ${batch} uses ${subject} (in ${path}), which batch ${on} adds in ${onPath}.`;
}

/**
 * Describes each dependency that findBatchDependencies found, with the part a fix would move. A
 * removal whose subject is the old path of a renamed `path` is described as that rename.
 */
export function describeBatchNeeds(
  dependencies: readonly BatchDependency[],
  files: readonly FileChange[],
): BatchNeed[] {
  const oldPaths = new Map(files.map((file) => [file.path, file.oldPath]));
  return dependencies.map((dependency) => {
    const onPath = quotePath(dependency.onPath);
    const part = quotePath(dependency.subject) === onPath ? onPath : `that change of ${onPath}`;
    const renamed = oldPaths.get(dependency.path) === dependency.subject;
    return { dependency, reason: describeReason(dependency, renamed), part };
  });
}
