import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fossils/write-atomic.js';
import { isUserError, UserError } from '../errors.js';
import { readGitConfig, type GitConfig } from '../git/config.js';
import { discoverRepository } from '../git/discover.js';
import { createDebug } from '../log/debug.js';
import { messageFileUnreadableMessage } from '../output/messages.js';
import { escapeControlCharacters } from '../output/quote-path.js';
import { describeBatches, introduceSuggestion } from './batch-comments.js';
import { readCleanupMode, type CleanupMode } from './cleanup-setting.js';
import { cleanupStripsComments, resolveCommentChar } from './comment-char.js';
import { encodeAddedText } from './message-encoding.js';
import { editMessage, hasMessage } from './message-text.js';
import { findSuggestion } from './suggestion.js';

const debug = createDebug('message');

/** Message sources, as git passes them to prepare-commit-msg, whose message footprint keeps. */
const USER_SOURCES = new Set(['message', 'merge', 'squash', 'commit']);

export interface PrepareMessageOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Absolute path of the message file git passed. */
  messageFile: string;
  /** git's second argument: '' when the commit has no message yet, else where it came from. */
  source: string;
  /**
   * Returns the start of the footprint command the comments advise (see footprintInvocation),
   * called only when they list batches, because finding it reads the file system.
   */
  invocation?: () => string;
}

/** The change made to the message file. */
export interface PrepareOutcome {
  /**
   * `suggested`: the batch's message added as a comment line; `listed`: the batches added as
   * comment lines; `skipped`: unchanged.
   */
  action: 'suggested' | 'listed' | 'skipped';
  reason: string;
}

/** The message file's text and what footprint may add to it. */
interface MessagePlan {
  /** The file's bytes as a Latin-1 string, one character per byte, so writing keeps them. */
  text: string;
  commentChar: string;
  /** `i18n.commitEncoding`, the encoding of the text footprint adds, or null for UTF-8. */
  encoding: string | null;
  /** True when the commit has no message yet, so a one-batch change gets its suggestion. */
  empty: boolean;
  addComments: boolean;
}

/**
 * Prepares the commit message (`footprint prepare-commit-msg`) by adding comment lines, which
 * git removes, so the message file that the editor leaves as it is commits nothing. When the
 * commit has no message yet and the change is one batch, it adds that batch's message as a
 * comment line that the user uncomments to use. When the change should be split, it adds the
 * suggested batches, so the user writes a message for the whole change or aborts and runs
 * `footprint commit`. It does nothing for a message from `-m`, `-F`, a merge, a squash or an
 * amend, when git opens no editor (git then sets GIT_EDITOR to `:`), or when `commit.cleanup`
 * would keep comment lines. The file's own bytes stay as they are, in any encoding.
 * NOTE: `git commit --cleanup=verbatim` is invisible to the hook, so comment lines would stay
 * in such a message. Only the `commit.cleanup` setting is honoured.
 */
export async function prepareCommitMessage(
  options: PrepareMessageOptions,
): Promise<PrepareOutcome> {
  if (USER_SOURCES.has(options.source)) return skipped(`the source is ${options.source}`);
  if (options.env['GIT_EDITOR'] === ':') return skipped('git opens no editor');
  const plan = await planMessage(options);
  if (!plan.addComments) return skipped('comment lines would stay in the message');

  const suggestion = await findSuggestion(options.cwd, options.env);
  const first = suggestion?.batches[0];
  if (suggestion === null || first === undefined) return skipped('nothing is staged');
  debug(`suggestion from the ${suggestion.from}: ${suggestion.batches.length} batches`);

  // A batch's message describes that batch only, so it is suggested only when the whole
  // change is one batch. A change that should be split gets the list instead.
  const split = suggestion.splitSuggested && suggestion.batches.length > 1;
  const suggest = !split && plan.empty && suggestion.batches.length === 1;
  if (!split && !suggest) return skipped('the message has text and no split is suggested');

  const encode = (text: string) => encodeAddedText(text, plan.encoding);
  const comments = split
    ? describeBatches(suggestion.batches, options.invocation?.())
    : [introduceSuggestion(plan.commentChar)];
  const edit = {
    comments: comments.map(encode),
    suggestion: suggest ? encode(escapeControlCharacters(first.message)) : null,
    commentChar: plan.commentChar,
    position: split ? ('end' as const) : ('top' as const),
  };
  // Killed while writing in place, the hook would leave git a message cut short.
  const bytes = Buffer.from(editMessage(plan.text, edit), 'latin1');
  await writeFileAtomic(options.messageFile, bytes);
  const from = suggestion.from === 'fossil' ? 'the pre-commit analysis' : 'a new analysis';
  return { action: split ? 'listed' : 'suggested', reason: `from ${from}` };
}

/** Reads the message file and the git settings that decide what may be added to it. */
async function planMessage(options: PrepareMessageOptions): Promise<MessagePlan> {
  const text = (await readMessageFile(options.messageFile)).toString('latin1');
  const layout = await discoverRepository({ cwd: options.cwd, env: options.env });
  const scopes = ['system', 'global', 'local', 'worktree', 'command'] as const;
  const gitConfig = await readGitConfig(layout, { scopes, env: options.env });

  const commentChar = resolveCommentChar(gitConfig.get('core.commentChar'), text);
  const mode = readEditorCleanupMode(gitConfig);
  return {
    text,
    commentChar,
    encoding: gitConfig.get('i18n.commitEncoding') ?? null,
    empty: options.source === '' && !hasMessage(text, commentChar, mode ?? 'default'),
    // Comment lines are added only where git removes them again.
    addComments: mode !== null && cleanupStripsComments(mode),
  };
}

/**
 * Reads the message file. An unreadable one comes from a hand-typed path, because git always
 * passes a readable file, so it is a UserError that names the file rather than a crash.
 */
async function readMessageFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UserError(messageFileUnreadableMessage(file, code), { cause: error });
  }
}

/**
 * Reads `commit.cleanup`. git 2.39 runs this hook under an invalid value, such as `Strip`,
 * only when `--cleanup` overrides it. The hook cannot see that option, so this returns null.
 */
function readEditorCleanupMode(config: GitConfig): CleanupMode | null {
  try {
    return readCleanupMode(config);
  } catch (error) {
    if (!isUserError(error)) throw error;
    debug(`no comment lines, because --cleanup overrides an invalid value. ${error.message}`);
    return null;
  }
}

function skipped(reason: string): PrepareOutcome {
  debug(`message left as it is: ${reason}`);
  return { action: 'skipped', reason };
}
