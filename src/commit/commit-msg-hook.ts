import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { GitConfig } from '../git/config.js';
import { shellPath } from '../output/shell-quote.js';
import { findHook, runHook, type FoundHook } from '../git/hooks.js';
import { splitIdentity } from '../git/identity.js';
import type { RepositoryLayout } from '../git/types.js';
import type { MessageCleanup } from '../message/cleanup-setting.js';
import { cleanupCommitMessage, messageSubject } from './message.js';
import { CommitRefusedError } from './refusal.js';
import type { CommitMsgHookUse } from './types.js';

/** The file git hands its commit-msg hook, in the worktree's git directory. */
const MESSAGE_FILE = 'COMMIT_EDITMSG';

export interface CommitMsgHookOptions {
  layout: RepositoryLayout;
  config: GitConfig;
  env: NodeJS.ProcessEnv;
  /** Author line of the commits, exported to the hook as `git commit` does. */
  author: string;
  /** The commit.cleanup settings that clean the message the hook leaves. */
  cleanup: MessageCleanup;
  /** Absolute path of the strategy file the messages come from, or null for a planned run. */
  strategyFile: string | null;
  /** Start of a footprint command in the advice (see footprintInvocation). */
  invocation: string;
  /** Receives the hook's output. */
  output: (chunk: string) => void;
  /** Receives a one-line warning, such as a hook that is not executable. */
  warn: (text: string) => void;
}

/** One commit's message: as committed without the hook, and as the hook receives it. */
export interface HookItem {
  batch: string;
  message: string;
  hookMessage: string;
}

export interface CommitMsgHookResult {
  /** The messages as the hook left them, cleaned up again; same order as the input. */
  messages: string[];
  use: CommitMsgHookUse;
}

/**
 * Runs the repository's commit-msg hook once per message, as `git commit` would: the message
 * goes to `COMMIT_EDITMSG`, the hook gets that file and may rewrite it, and the message is
 * read back and cleaned up. A hook that exits non-zero, or leaves an empty message, refuses
 * the whole run before anything is written. A hook file that is not executable is skipped
 * with a warning, as git skips it.
 */
export async function runCommitMsgHook(
  batches: readonly HookItem[],
  options: CommitMsgHookOptions,
): Promise<CommitMsgHookResult> {
  const hook = findHook(options.layout, options.config, 'commit-msg', options.env);
  if (hook === null) return { messages: batches.map((item) => item.message), use: 'absent' };
  if (!hook.executable) {
    options.warn(
      `The commit-msg hook ${hook.file} was skipped because it is not executable. ` +
        `Make it executable with \`chmod +x ${shellPath(hook.file)}\`.`,
    );
    return { messages: batches.map((item) => item.message), use: 'absent' };
  }

  const messages: string[] = [];
  for (const item of batches) messages.push(await runOnce(hook, item, options));
  return { messages, use: 'ran' };
}

/**
 * Runs the hook on one message as `git commit -F` prepares it, and cleans what the hook
 * leaves as git does after the hook, by commit.cleanup.
 */
async function runOnce(
  hook: FoundHook,
  item: HookItem,
  options: CommitMsgHookOptions,
): Promise<string> {
  const file = path.join(options.layout.gitDir, MESSAGE_FILE);
  await writeFile(file, item.hookMessage);

  const exit = await runHook(options.layout, hook, {
    args: [hookArgument(options.layout, file)],
    env: hookEnvironment(options),
    output: options.output,
  });
  if (exit.kind === 'not-started') throw notStartedRefusal(hook.file, exit);
  const subject = `batch ${item.batch} ("${messageSubject(item.message)}")`;
  if (exit.kind === 'exited' && (exit.code === 126 || exit.code === 127)) {
    throw commandMissingRefusal(hook.file, exit.code, subject);
  }
  if (exit.kind !== 'exited' || exit.code !== 0) {
    const status =
      exit.kind === 'killed' ? `was killed by ${exit.signal}` : `exited with ${exit.code}`;
    throw new CommitRefusedError(
      `The commit-msg hook ${hook.file} ${status} on the message of ${subject}, so no commit ` +
        `was made. ${describeMessageFix(item.batch, options.strategyFile, options.invocation)}`,
    );
  }

  const left = await readFile(file, 'utf8');
  const message = cleanupCommitMessage(left, options.cleanup, item.hookMessage);
  if (message === '') throw emptyMessageRefusal(hook.file, subject, left);
  return message;
}

/**
 * Rejects a run whose hook could not start. The message of a batch plays no part, so the fix
 * is in the hook or in skipping it.
 */
function notStartedRefusal(
  hookFile: string,
  exit: { reason: string; interpreter: boolean },
): CommitRefusedError {
  const fix = exit.interpreter
    ? `Fix the first line of ${hookFile}`
    : `Check that ${hookFile} can run`;
  const because = exit.interpreter ? `, because ${exit.reason}` : ` (${exit.reason})`;
  return new CommitRefusedError(
    `The commit-msg hook ${hookFile} could not be started${because}. No commit was made. ` +
      `${fix}, or skip the hook with --no-verify.`,
  );
}

/**
 * Rejects a run whose hook exited with the status shells give a command they cannot run: 127
 * for one not found (an interpreter that `#!/usr/bin/env` looks up, too) and 126 for one that
 * is not executable. The message plays no part in that.
 */
function commandMissingRefusal(
  hookFile: string,
  code: number,
  subject: string,
): CommitRefusedError {
  const meaning =
    code === 127
      ? 'a command the hook runs was not found'
      : 'a command the hook runs is not executable';
  return new CommitRefusedError(
    `The commit-msg hook ${hookFile} exited with ${code} on the message of ${subject}, so no ` +
      `commit was made. A shell exits with ${code} when ${meaning}, so check the programs the ` +
      'hook runs and its first line (see its output above), or skip the hook with --no-verify.',
  );
}

/**
 * Rejects a run whose hook left an empty message. The batch's own message is not empty, since
 * the plan checks it, so the hook emptied it, maybe on purpose to reject the commit.
 */
function emptyMessageRefusal(hookFile: string, subject: string, left: string): CommitRefusedError {
  const change =
    left.trim() === ''
      ? `emptied the message of ${subject}`
      : "left only lines that git's message cleanup removes, such as comment lines, in the " +
        `message of ${subject}`;
  return new CommitRefusedError(
    `The commit-msg hook ${hookFile} ${change}, so no commit was made. git commit rejects an ` +
      'empty message too, so a hook may empty it on purpose. Check what ' +
      `${hookFile} does to its message file, or skip the hook with --no-verify.`,
  );
}

/**
 * Returns how to commit a batch whose message the hook rejects: edit it in the strategy file
 * the run read, or in one written first when the run planned its own batches.
 */
function describeMessageFix(
  batch: string,
  strategyFile: string | null,
  invocation: string,
): string {
  const skip = 'or skip the hook with --no-verify.';
  if (strategyFile === null) {
    return (
      `Write the strategy with \`${invocation} strategy --output FILE\`, edit the message of ` +
      `batch ${batch} there and run \`${invocation} commit --strategy FILE\`, ${skip}`
    );
  }
  const file = shellPath(strategyFile);
  return (
    `Edit the message of batch ${batch} in ${file} and run ` +
    `\`${invocation} commit --strategy ${file}\` again, ${skip}`
  );
}

/** Returns the message file as git names it: relative to the worktree root when inside it. */
function hookArgument(layout: RepositoryLayout, file: string): string {
  if (layout.worktree === null) return file;
  const relative = path.relative(layout.worktree, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** The environment `git commit` gives the hook: the index, the author, and no editor. */
function hookEnvironment(options: CommitMsgHookOptions): NodeJS.ProcessEnv {
  const { person, date } = splitIdentity(options.author);
  const match = /^(.*) <([^<>]*)>$/.exec(person);
  return {
    ...options.env,
    GIT_INDEX_FILE: options.layout.indexFile,
    GIT_EDITOR: ':',
    GIT_PREFIX: '',
    GIT_AUTHOR_NAME: match?.[1] ?? '',
    GIT_AUTHOR_EMAIL: match?.[2] ?? '',
    GIT_AUTHOR_DATE: date,
  };
}
