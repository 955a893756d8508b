import type { MessageCleanup } from '../message/cleanup-setting.js';
import { AUTO_CANDIDATES, chooseAutoCommentChar } from '../message/comment-char.js';
import type { StrategyProblem } from '../strategy/types.js';
import { cleanupCommitMessage, cleanupMessage } from './message.js';

/** The cleanup of `git commit -m`, for a check that has no repository settings. */
export const WHITESPACE_CLEANUP: MessageCleanup = { mode: 'whitespace', commentChar: '#' };

/**
 * Finds why `git commit -F FILE` would not commit a batch's message under `cleanup`. git stops
 * when `core.commentChar=auto` finds no free character, and rejects a message that the
 * cleanup leaves empty. Returns null when git would commit it. `footprint validate` lists
 * the problem, and `footprint commit` stops with it.
 */
export function findMessageProblem(
  batch: { id: string; message: string },
  cleanup: MessageCleanup,
): StrategyProblem | null {
  if (cleanup.commentChar === 'auto' && chooseAutoCommentChar(batch.message) === null) {
    const message =
      `The message of batch ${batch.id} starts lines with each character that ` +
      `core.commentChar=auto chooses from (${AUTO_CANDIDATES}), so git commit would find ` +
      'no comment character and stop. Set one with `git config core.commentChar "#"`, ' +
      'or change how one of those lines starts in the strategy file.';
    return { code: 'no-comment-char', batch: batch.id, message };
  }
  if (cleanupCommitMessage(batch.message, cleanup) !== '') return null;

  if (cleanup.mode === 'strip' && cleanupMessage(batch.message) !== '') {
    // The character is never `auto` here, because auto picks one that starts no line.
    const message =
      `The message of batch ${batch.id} has only comment lines, which commit.cleanup=strip ` +
      `removes, as git commit does: lines that start with "${cleanup.commentChar}". ` +
      'Write the message in the strategy file, or keep those lines with ' +
      '`git config commit.cleanup whitespace`.';
    return { code: 'empty-message', batch: batch.id, message };
  }
  const message =
    `Batch ${batch.id} has an empty message, which git would not commit. ` +
    'Write a commit message for it, such as "feat: add the parser".';
  return { code: 'empty-message', batch: batch.id, message };
}
