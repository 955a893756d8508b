import path from 'node:path';
import { findCommitRefusal, findSetupRefusal } from '../commit/preconditions.js';
import { loadConfig } from '../config/load.js';
import { readGitConfig } from '../git/config.js';
import { readMessageCleanup } from '../message/cleanup-setting.js';
import { isUserError, type UserError } from '../errors.js';
import { buildFootprint } from '../footprint/build.js';
import { openRepository } from '../git/open.js';
import { validateStrategyDocument } from '../schemas-runtime/validate-strategy.js';
import { checkMessageFormat } from '../strategy/message-format.js';
import { readStrategyFile, type ParsedStrategy } from '../strategy/read-file.js';
import { isStrategyHeadMissing } from '../strategy/missing-head.js';
import { loadStagedRecord } from '../strategy/restaging.js';
import { hasStrategyShape } from '../strategy/shape.js';
import type { StrategyProblem, StrategyValidation } from '../strategy/types.js';
import {
  findStagedStrategy,
  footprintToCheck,
  reportStagedStrategy,
} from '../strategy/staged-strategy.js';
import { validateStrategy } from '../strategy/validate.js';
import { fillStrategyFile, findWorktreeFromShell } from '../strategy/rewrite-command.js';

export interface StrategyFileValidation {
  validation: StrategyValidation;
  /** Message issues that git commits but a reviewer would fix, such as a long subject. */
  warnings: StrategyProblem[];
  /** The `--json` document of `footprint validate`, valid against schemas/validation.schema.json. */
  document: object;
  /** The usage error (exit 2) of a strategy file that cannot be read, for the caller to raise. */
  unreadable?: UserError;
}

const GIT_SCOPES = ['system', 'global', 'local', 'worktree', 'command'] as const;

interface ValidateFileOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  file: string;
  /** Start of a footprint command in the advice (see footprintInvocation). */
  invocation?: string;
  /** Folder the advice's commands run in, the worktree's top when unset. */
  shellFolder?: string;
}

/**
 * Validates a strategy file against its schema and the current staged change. A file that
 * cannot be read gives a document with one `unreadable-file` problem and the UserError in
 * `unreadable`. Throws a UserError (exit 2) when the folder is not a repository.
 */
export async function validateStrategyFile(
  options: ValidateFileOptions,
): Promise<StrategyFileValidation> {
  const file = path.resolve(options.cwd, options.file);
  let strategy: ParsedStrategy;
  try {
    strategy = await readStrategyFile(file, options.invocation);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return describeUnreadableFile(file, error, options);
  }

  const reader = await openRepository({ cwd: options.cwd, env: options.env });
  try {
    const worktree = reader.layout.worktree ?? options.cwd;
    const config = await loadConfig(worktree, {});
    const change = await reader.readStagedChange();
    const input = await buildFootprint(reader, change, {
      maxDiffBytes: config.config.maxDiffBytes,
    });
    const context = { reader, change, footprint: input.footprint, worktree };
    // Every scope, as `git commit` reads it, for the message cleanup and commit's own checks.
    const gitConfig = await readGitConfig(reader.layout, { scopes: GIT_SCOPES, env: options.env });
    const staged = strategy.ok
      ? await findStagedStrategy(strategy.value, file, context)
      : undefined;
    const footprint = footprintToCheck(input.footprint, staged);
    const checked: StrategyValidation = strategy.ok
      ? validateStrategy(strategy.value, footprint, {
          validateSchema: validateStrategyDocument,
          content: input.content,
          worktree,
          headMissing: await isStrategyHeadMissing(reader, strategy.value, change.head.oid),
          cleanup: readMessageCleanup(gitConfig),
          recorded: await loadStagedRecord(strategy.value, footprint, {
            worktree,
            config: config.config,
          }),
        })
      : { valid: false, problems: strategy.problems };
    // The file as the user named it goes into the advice to write it again.
    const top = await findWorktreeFromShell(worktree, options.shellFolder ?? worktree);
    const reported = reportStagedStrategy(checked.problems, staged);
    const problems = fillStrategyFile(reported, options.file, options.invocation, top);
    // A strategy that fits the staged change may still be one footprint commit cannot make.
    const reason =
      (await findCommitRefusal(reader.layout, gitConfig, change)) ??
      (await findSetupRefusal(reader.layout, gitConfig, options.env));
    if (reason !== null) {
      problems.push({ code: 'uncommittable', message: dropOutcomeSentences(reason) });
    }
    const validation: StrategyValidation = { valid: problems.length === 0, problems };
    const warnings =
      strategy.ok && hasStrategyShape(strategy.value) ? checkMessageFormat(strategy.value) : [];
    return {
      validation,
      warnings,
      document: {
        schemaVersion: 1,
        command: 'validate',
        file,
        stagedTree: input.footprint.stagedTree,
        ...validation,
        warnings,
      },
    };
  } finally {
    await reader.close();
  }
}

/**
 * Builds the result for a strategy file that cannot be read, with the staged tree in the
 * document. When the repository cannot be read either, throws the file's error, which names
 * the problem the user hit first.
 */
async function describeUnreadableFile(
  file: string,
  error: UserError,
  options: ValidateFileOptions,
): Promise<StrategyFileValidation> {
  let stagedTree: string | null;
  try {
    const reader = await openRepository({ cwd: options.cwd, env: options.env });
    try {
      stagedTree = (await reader.readStagedChange()).stagedTree;
    } finally {
      await reader.close();
    }
  } catch {
    throw error;
  }

  const validation: StrategyValidation = {
    valid: false,
    problems: [{ code: 'unreadable-file', message: error.message }],
  };
  const document = {
    schemaVersion: 1,
    command: 'validate',
    file,
    stagedTree,
    ...validation,
    warnings: [],
  };
  return { validation, warnings: [], document, unreadable: error };
}

/**
 * Sentences of a commit refusal that report what the run left as it was. validate writes and
 * moves nothing in any case, so its problem leaves them out.
 */
const OUTCOME_SENTENCES = /(?:^| )(?:Nothing was written|The branch was not moved)\./g;

/** Returns a commit refusal without the sentences that report what the run did not change. */
function dropOutcomeSentences(reason: string): string {
  return reason.replace(OUTCOME_SENTENCES, '');
}
