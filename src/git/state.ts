import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { readMergeCommand } from './merge-heads.js';
import type { InProgressOperation, RepositoryLayout } from './types.js';

/**
 * Returns the operation git has left in progress in this worktree, checked in the order
 * `git status` reports them: merge, `git am`, rebase, cherry-pick, revert, then bisect (which
 * can run alongside the others). A multi-commit cherry-pick or revert whose conflict was
 * committed has no CHERRY_PICK_HEAD or REVERT_HEAD left, so the first command of `sequencer/todo`
 * decides. With the hook's `env`, a merge that git merge or git pull is committing counts
 * too, although git writes no MERGE_HEAD before the pre-merge-commit hook (see readMergeCommand).
 */
export async function readInProgressOperation(
  layout: RepositoryLayout,
  env?: NodeJS.ProcessEnv,
): Promise<InProgressOperation | null> {
  const has = (name: string): boolean => existsSync(path.join(layout.gitDir, name));

  if (has('MERGE_HEAD')) return 'merge';
  if (has('rebase-apply')) return has('rebase-apply/applying') ? 'am' : 'rebase';
  if (has('rebase-merge')) return 'rebase';
  if (has('CHERRY_PICK_HEAD')) return 'cherry-pick';
  if (has('REVERT_HEAD')) return 'revert';

  const sequenced = readSequencerOperation(path.join(layout.gitDir, 'sequencer', 'todo'));
  if (sequenced !== null) return sequenced;
  if (env !== undefined && readMergeCommand(env) !== null) return 'merge';
  if (has('BISECT_LOG')) return 'bisect';
  return null;
}

/** Reads the first command of a sequencer todo list: `pick` or `revert`. */
function readSequencerOperation(todoFile: string): InProgressOperation | null {
  let todo: string;
  try {
    todo = readFileSync(todoFile, 'utf8');
  } catch {
    return null;
  }

  for (const line of todo.split('\n')) {
    const command = line.trim().split(/\s+/)[0];
    if (command === undefined || command === '' || command.startsWith('#')) continue;
    if (command === 'pick' || command === 'p') return 'cherry-pick';
    if (command === 'revert') return 'revert';
    return null;
  }
  return null;
}
