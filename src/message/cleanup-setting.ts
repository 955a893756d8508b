import { readGitConfig, type GitConfig } from '../git/config.js';
import type { RepositoryLayout } from '../git/types.js';

/** Values of `commit.cleanup`, the default of `git commit --cleanup`. */
export const CLEANUP_MODES = ['strip', 'whitespace', 'verbatim', 'scissors', 'default'] as const;

export type CleanupMode = (typeof CLEANUP_MODES)[number];

/** Settings that decide how `git commit -F FILE` cleans a message. */
export interface MessageCleanup {
  mode: CleanupMode;
  /** `core.commentChar`: the prefix of a comment line, or `auto`. */
  commentChar: string;
}

/**
 * Reads `commit.cleanup`, `default` when unset. git 2.39 compares the value case-sensitively
 * and stops with "Invalid cleanup mode Strip" for any other spelling, so this throws a
 * UserError (exit 2) naming the file and line of such a value.
 */
export function readCleanupMode(config: GitConfig): CleanupMode {
  return config.getChoice('commit.cleanup', CLEANUP_MODES) ?? 'default';
}

/**
 * Reads `commit.cleanup` and `core.commentChar` from `config`. Throws a UserError (exit 2)
 * naming the file and line of an invalid `commit.cleanup`, which git also rejects.
 */
export function readMessageCleanup(config: GitConfig): MessageCleanup {
  const mode = readCleanupMode(config);
  const setting = config.get('core.commentChar');
  const commentChar = setting === undefined || setting === null || setting === '' ? '#' : setting;
  return { mode, commentChar: commentChar.toLowerCase() === 'auto' ? 'auto' : commentChar };
}

/** Reads the cleanup settings from every configuration scope, as `git commit` reads them. */
export async function loadMessageCleanup(
  layout: RepositoryLayout,
  env: NodeJS.ProcessEnv,
): Promise<MessageCleanup> {
  const scopes = ['system', 'global', 'local', 'worktree', 'command'] as const;
  return readMessageCleanup(await readGitConfig(layout, { scopes, env }));
}
