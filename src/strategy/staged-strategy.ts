import { realpath } from 'node:fs/promises';
import path from 'node:path';

import type { FileChange, Footprint } from '../footprint/types.js';
import type { GitReader, StagedChange } from '../git/types.js';
import { quotePath } from '../output/quote-path.js';
import { unstageCommand } from '../risk/unstage-command.js';
import { hasStrategyShape } from './shape.js';
import type { StrategyProblem } from './types.js';

/** A strategy file that is staged itself, as after `git add -A` in the folder it was written to. */
export interface StagedStrategyFile {
  /** The file's staged change. */
  file: FileChange;
  /**
   * The staged tree without the file's change, when that is the strategy's staged tree at the
   * strategy's HEAD, so unstaging the file makes the strategy current again. Null otherwise.
   */
  treeWithout: string | null;
}

/** Returns the staged change of the strategy file `file`, or undefined when it has none. */
export async function findStagedStrategyChange(
  file: string,
  worktree: string,
  footprint: Footprint,
): Promise<FileChange | undefined> {
  const [real, top] = await Promise.all(
    [file, worktree].map((folder) => realpath(folder).catch(() => path.resolve(folder))),
  );
  const relative = path.relative(top ?? worktree, real ?? file);
  if (relative === '' || path.isAbsolute(relative) || relative.split(path.sep)[0] === '..') {
    return undefined;
  }
  const repositoryPath = relative.split(path.sep).join('/');
  return footprint.files.find((change) => change.path === repositoryPath);
}

/**
 * Finds whether the strategy file `file` is staged, and whether the staged tree without its
 * change is the one `strategy` was made for. A deleted strategy file is not reported, because
 * then the file that was read is not the one in the index.
 */
export async function findStagedStrategy(
  strategy: unknown,
  file: string,
  context: { reader: GitReader; change: StagedChange; footprint: Footprint; worktree: string },
): Promise<StagedStrategyFile | undefined> {
  const { reader, change, footprint, worktree } = context;
  const staged = await findStagedStrategyChange(file, worktree, footprint);
  if (staged === undefined || staged.status === 'deleted') return undefined;
  if (!hasStrategyShape(strategy) || strategy.head !== change.head.oid) {
    return { file: staged, treeWithout: null };
  }
  if (reader.computeTree === undefined) return { file: staged, treeWithout: null };

  const others = change.entries.filter((entry) => entry.path !== staged.path);
  const tree = await reader.computeTree(change.headTree, others);
  return { file: staged, treeWithout: tree === strategy.stagedTree ? tree : null };
}

/**
 * Returns the footprint to check a strategy against: the staged change without the strategy
 * file when that file is its only difference from the strategy's, so the other problems are
 * the ones left after unstaging it.
 */
export function footprintToCheck(
  footprint: Footprint,
  staged: StagedStrategyFile | undefined,
): Footprint {
  if (staged === undefined || staged.treeWithout === null) return footprint;
  const files = footprint.files.filter((change) => change !== staged.file);
  return { ...footprint, stagedTree: staged.treeWithout, files };
}

/**
 * Puts the `staged-strategy` problem first and leaves out the `missing-path` problem of the
 * strategy file, which no strategy can take, because writing it changes the staged tree.
 */
export function reportStagedStrategy(
  problems: readonly StrategyProblem[],
  staged: StagedStrategyFile | undefined,
): StrategyProblem[] {
  if (staged === undefined) return [...problems];
  const { file } = staged;
  const others = problems.filter(
    (problem) => problem.code !== 'missing-path' || problem.path !== file.path,
  );
  return [
    { code: 'staged-strategy', path: file.path, message: describeStagedStrategy(staged) },
    ...others,
  ];
}

function describeStagedStrategy({ file, treeWithout }: StagedStrategyFile): string {
  const name = quotePath(file.path);
  const unstage = `\`${unstageCommand(file)}\``;
  const keepOut =
    'To keep `git add -A` from staging a strategy, write it where git ignores it, such as ' +
    'fossils/strategy.json in the fossil store.';
  if (treeWithout !== null) {
    return (
      `The strategy file ${name} is staged itself, and it is the only staged change that the ` +
      `strategy was not made for. Unstage it with ${unstage}. ${keepOut}`
    );
  }
  return (
    `The strategy file ${name} is staged itself, so it would be committed with the change, and ` +
    `\`strategy --output\` does not write to a file in the index. Unstage it first with ` +
    `${unstage}. ${keepOut}`
  );
}
