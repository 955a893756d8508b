import { findBatchDependencies } from '../batches/batch-dependencies.js';
import { findMessageProblem, WHITESPACE_CLEANUP } from '../commit/message-problem.js';
import { findUncommittableReason } from '../commit/preconditions.js';
import type { FileContent, Footprint } from '../footprint/types.js';
import type { HeadState } from '../git/types.js';
import type { MessageCleanup } from '../message/cleanup-setting.js';
import { describeBatchNeeds, type BatchNeed } from './batch-needs.js';
import { checkCoverage } from './coverage.js';
import { checkFileFolderBatches } from './file-folder.js';
import { checkMessageCharacters } from './message-characters.js';
import { checkMessageSecrets } from './message-secrets.js';
import { maskProblemSecrets } from './mask-problem-secrets.js';
import { quoteJsonString } from '../output/quote-path.js';
import { shellQuote } from '../output/shell-quote.js';
import { checkOrderCycles, type OrderCycleCheck } from './order-cycles.js';
import { rewriteCommand } from './rewrite-command.js';
import { describeBatchSchemaFix } from './schema-fix.js';
import {
  readCheckedParts,
  restatesSchemaError,
  wholeStrategy,
  type CheckedParts,
} from './readable.js';
import type { StagedRecord } from './restaging.js';
import { hasStrategyShape, type StrategyShape } from './shape.js';
import type { StrategyProblem, StrategyValidation } from './types.js';

// strategy --output never replaces an edited strategy, so the file has to move first.
const REWRITE = `move it away and write it again with ${rewriteCommand()}`;

/** The fix a stale strategy needs besides its HEAD when its staged tree moved too. */
const RESTAGE = 'stage the change it was made for';

const BRANCH_PREFIX = 'refs/heads/';

/** The schema error of a document the schema let through but validation cannot read. */
const MALFORMED = 'batches, head or stagedTree is malformed';

/** The fix for a batch `type` outside the schema's list, which `footprint commit` does not read. */
const TYPE_FIX =
  'Use one of these types, the one its message starts with, because `footprint commit` ' +
  'commits the message as written and does not read this field.';

export interface ValidateStrategyOptions {
  /** Validates against schemas/strategy.schema.json; returns one readable line per error. */
  validateSchema: (document: unknown) => string[];
  /**
   * The footprint's file content. With it, validation also checks that no batch uses what a
   * later batch adds (an import of a new file, a call of a new function), or removes what a
   * later batch still uses.
   */
  content?: ReadonlyMap<string, FileContent>;
  /** Absolute path of the worktree root, so the hint for an absolute path names it from there. */
  worktree?: string;
  /**
   * True when the strategy's `head` names no commit in this repository (see
   * isStrategyHeadMissing), so the fix for a stale strategy cannot be to check that commit out.
   */
  headMissing?: boolean;
  /**
   * The repository's commit.cleanup and core.commentChar, so each message is checked as
   * `footprint commit` will clean it. Without them, messages get whitespace cleanup only.
   */
  cleanup?: MessageCleanup;
  /**
   * The staged change the strategy was made for (see loadStagedRecord). With it, a stale
   * strategy's path and hunk problems follow from the stale one only when restaging explains
   * them, so a path left out by hand is reported with its own fix.
   */
  recorded?: StagedRecord | undefined;
}

function shortId(oid: string | null): string {
  return oid === null ? 'none' : oid.slice(0, 12);
}

function describeHead(oid: string | null): string {
  return oid === null ? 'no HEAD (an unborn branch)' : `HEAD ${shortId(oid)}`;
}

/** Returns the branch HEAD is on, without `refs/heads/`, or null when HEAD is detached. */
function branchOf(head: HeadState): string | null {
  if (head.detached || head.ref === null) return null;
  return head.ref.startsWith(BRANCH_PREFIX) ? head.ref.slice(BRANCH_PREFIX.length) : head.ref;
}

/**
 * Returns true when the staged change is one `footprint commit` can commit now, so a strategy
 * written again for it has batches to commit.
 */
function canRewrite(footprint: Footprint): boolean {
  return findUncommittableReason({ ...footprint, entries: footprint.files }) === null;
}

/** A checkout of the strategy's HEAD that would make a stale strategy fit again. */
interface Checkout {
  /** The strategy's HEAD, shortened. */
  id: string;
  /** True when the change the strategy was made for has to be staged again too. */
  restage: boolean;
  /** The branch HEAD is on now, which the checkout leaves, or null when HEAD is detached. */
  branch: string | null;
}

/**
 * Returns the fix sentences of a stale HEAD: write the strategy again, or check out the
 * strategy's HEAD again. The rewrite comes first when the staged change can be committed now,
 * because a checkout detaches HEAD. A strategy made on an unborn branch gets only the rewrite.
 */
function offerFix(head: string | null, restage: boolean, footprint: Footprint): string {
  if (head === null) return `Move it away and write it again with ${rewriteCommand()}.`;
  const checkout = { id: shortId(head), restage, branch: branchOf(footprint.head) };
  return canRewrite(footprint) ? offerRewriteFirst(checkout) : offerCheckoutFirst(checkout);
}

function offerRewriteFirst({ id, restage, branch }: Checkout): string {
  const rewrite = `Move it away and write it again for the staged change with ${rewriteCommand()}.`;
  const staging = restage ? ' and staging the change it was made for' : '';
  const checkingOut = `Checking out ${id} again${staging} also works`;
  if (branch === null) return `${rewrite} ${checkingOut}.`;
  const detached = describeDetachedCommits(branch);
  return `${rewrite} ${checkingOut}, but it detaches HEAD from ${branch}. ${detached}`;
}

function offerCheckoutFirst({ id, restage, branch }: Checkout): string {
  const checkOut = `Check out ${id} again${restage ? ` and ${RESTAGE}` : ''}, or ${REWRITE}.`;
  if (branch === null) return checkOut;
  const detached = describeDetachedCommits(branch);
  return `${checkOut} Checking it out detaches HEAD from ${branch}. ${detached}`;
}

/** Describes where `footprint commit` puts the commits once a checkout left `branch`. */
function describeDetachedCommits(branch: string): string {
  return (
    '`footprint commit` would then make the commits on no branch, and ' +
    `\`git switch ${shellQuote(branch)}\` returns to the branch.`
  );
}

/**
 * Describes which ids bound to the strategy differ now: the staged tree, HEAD or both. Each
 * case names the old and the new id and how to fix it. Returns null when neither differs.
 */
function describeStale(
  strategy: StrategyShape,
  footprint: Footprint,
  headMissing: boolean,
): string | null {
  const treeMoved = strategy.stagedTree !== footprint.stagedTree;
  const headMoved = strategy.head !== footprint.head.oid;
  const oldTree = `staged tree ${shortId(strategy.stagedTree)}`;
  const newTree = `staged tree ${shortId(footprint.stagedTree)}`;
  const oldHead = describeHead(strategy.head);
  const newHead = describeHead(footprint.head.oid);

  if (headMoved && headMissing) {
    return (
      `The strategy was made at ${oldHead}, a commit this repository does not have: it was ` +
      `made in another repository, or that commit was removed. The repository is at ` +
      `${newHead}. Move the strategy away and write a new one for the staged change with ` +
      `${rewriteCommand()}.`
    );
  }
  if (headMoved && footprint.headTree !== null && footprint.headTree === strategy.stagedTree) {
    return (
      `The strategy's ${oldTree} is HEAD's tree now: it was committed after the strategy was ` +
      `made, and the repository is at ${newHead}. Nothing is left to commit with it. ` +
      'To go back to the staged change, run `footprint undo` when `footprint commit` made ' +
      `those commits, or \`git reset --soft ${shortId(strategy.head)}\`.`
    );
  }
  if (treeMoved && headMoved) {
    return (
      `Both the staged tree and HEAD differ from the strategy's: it was made for ${oldTree} ` +
      `at ${oldHead}, and the repository now has ${newTree} at ${newHead}. ` +
      offerFix(strategy.head, true, footprint)
    );
  }
  if (treeMoved) {
    return (
      `The staged tree differs from the strategy's: it was made for ${oldTree}, and the ` +
      `index now has ${newTree} (${newHead} is the same). ` +
      `Stage the change it was made for, or ${REWRITE}.`
    );
  }
  if (headMoved) {
    return (
      `HEAD differs from the strategy's: it was made at ${oldHead}, and the repository is now ` +
      `at ${newHead} (${newTree} is the same). ${offerFix(strategy.head, false, footprint)}`
    );
  }
  return null;
}

function checkStale(
  strategy: StrategyShape,
  footprint: Footprint,
  headMissing: boolean,
): StrategyProblem[] {
  const message = describeStale(strategy, footprint, headMissing);
  return message === null ? [] : [{ code: 'stale', message }];
}

function checkBatchIds(strategy: StrategyShape, cleanup: MessageCleanup): StrategyProblem[] {
  const seen = new Set<string>();
  const problems: StrategyProblem[] = [];
  for (const batch of strategy.batches) {
    if (seen.has(batch.id)) {
      const message = `More than one batch has the id ${batch.id}. Give each batch its own id.`;
      problems.push({ code: 'duplicate-batch-id', batch: batch.id, message });
    }
    seen.add(batch.id);
    const messageProblem = findMessageProblem(batch, cleanup);
    if (messageProblem !== null) problems.push(messageProblem);
    if (batch.changes.length === 0) {
      const message = `Batch ${batch.id} has no changes. Remove it or move changes into it.`;
      problems.push({ code: 'empty-batch', batch: batch.id, message });
    }
  }
  return problems;
}

/** Batch ids an unknown-dependency problem lists as what a renamed id may now be. */
const LISTED_EARLIER_IDS = 5;

/**
 * Returns the fix of a dependency on an id no batch has. The batch it meant may have a new id,
 * so the fix lists the ids of the batches before it, the nearest last.
 */
function unknownDependencyFix(dependency: string, earlier: readonly string[]): string {
  const remove = `remove ${dependency} from dependsOn.`;
  if (earlier.length === 0) return 'Remove it from dependsOn.';
  const listed = earlier.slice(-LISTED_EARLIER_IDS);
  const more = earlier.length > listed.length ? `${earlier.length - listed.length} more, ` : '';
  return (
    `If the batch it needs has a new id, write that id (earlier batches: ${more}` +
    `${listed.join(', ')}), or ${remove}`
  );
}

function dependencyProblem(
  batch: string,
  dependency: string,
  position: number,
  at: number,
  earlier: readonly string[],
) {
  if (dependency === batch) {
    return {
      code: 'order',
      batch,
      message: `Batch ${batch} depends on itself. Remove ${batch} from its dependsOn.`,
    };
  }
  if (at === -1) {
    const fix = unknownDependencyFix(dependency, earlier);
    const message = `Batch ${batch} depends on ${dependency}, which no batch is. ${fix}`;
    return { code: 'unknown-dependency', batch, message };
  }
  if (at > position) {
    const message =
      `Batch ${batch} depends on ${dependency}, which comes later. ` +
      `Move ${batch} after ${dependency}, or remove ${dependency} from its dependsOn.`;
    return { code: 'order', batch, message };
  }
  return null;
}

/**
 * Checks that every batch depends only on batches before it, by their places in the document.
 * A dependency on no known id is not reported while a left-out batch has no readable id,
 * because it may be that batch's. A cycle problem covers the dependencies inside its set.
 */
function checkOrder(parts: CheckedParts, cycles: OrderCycleCheck): StrategyProblem[] {
  const { ids } = parts;
  const problems: StrategyProblem[] = [];
  parts.strategy.batches.forEach((batch, at) => {
    const position = parts.positions[at] ?? at;
    for (const dependency of batch.dependsOn) {
      if (cycles.covers(batch.id, dependency)) continue;
      const found = ids.indexOf(dependency);
      if (found === -1 && ids.includes(null)) continue;
      const earlier = ids.slice(0, at).filter((id): id is string => id !== null);
      const problem = dependencyProblem(batch.id, dependency, position, found, earlier);
      if (problem) problems.push(problem);
    }
  });
  return problems;
}

/**
 * Checks that no batch needs a later one, by the imports and names the staged change adds and
 * removes (see describeBatchNeeds), except inside a set of batches in cycles, which has its own
 * problem.
 */
function checkDependencies(
  strategy: StrategyShape,
  needs: readonly BatchNeed[],
  cycles: OrderCycleCheck,
): StrategyProblem[] {
  const positions = new Map(strategy.batches.map((batch, position) => [batch.id, position]));
  const problems: StrategyProblem[] = [];
  for (const { dependency, reason, part } of needs) {
    const { batch, on } = dependency;
    const at = positions.get(batch) ?? 0;
    if ((positions.get(on) ?? 0) <= at || cycles.covers(batch, on)) continue;
    const fix = `Move ${batch} after ${on}, or move ${part} into ${batch} or an earlier batch.`;
    problems.push({ code: 'order', batch, path: dependency.path, message: `${reason} ${fix}` });
  }
  return problems;
}

/**
 * Makes a schema error a problem, naming the batch when the error points into one: a person
 * who edited the file looks for `b2`, not for `/batches/1`.
 */
function describeSchemaError(strategy: unknown, error: string): StrategyProblem {
  const batches = (strategy as { batches?: unknown } | null)?.batches;
  const index = /\/batches\/(\d+)/.exec(error)?.[1];
  const batch = index === undefined || !Array.isArray(batches) ? undefined : batches[Number(index)];
  const id = (batch as { id?: unknown } | undefined)?.id;
  const named = typeof id === 'string' && id !== '' ? id : null;
  const where = named === null ? error : error.replace(/\/batches\/\d+/, `$& (batch ${named})`);
  // An error inside one of the batch's changes names that change's path as well.
  const changes = (batch as { changes?: unknown } | undefined)?.changes;
  const change = /\/batches\/\d+\/changes\/(\d+)/.exec(error)?.[1];
  const entry =
    change === undefined || !Array.isArray(changes) ? undefined : changes[Number(change)];
  const path = (entry as { path?: unknown } | undefined)?.path;
  return {
    code: 'schema',
    ...(named === null ? {} : { batch: named }),
    ...(typeof path === 'string' && path !== '' ? { path } : {}),
    message: `The strategy does not match its schema: ${where}${describeSchemaFix(batch, error)}`,
  };
}

/**
 * Returns the end of a schema error's message: the fix (see describeBatchSchemaFix), after the
 * value of a batch `type` outside the schema's list, which the error does not show.
 */
function describeSchemaFix(batch: unknown, error: string): string {
  const batchFix = describeBatchSchemaFix(batch, error);
  if (batchFix !== null) return `. ${batchFix}`;
  const isType = /^\/batches\/\d+\/type: must be one of /.test(error);
  const type = isType ? (batch as { type?: unknown } | undefined)?.type : undefined;
  if (typeof type !== 'string') return `. Fix that field, or ${REWRITE}.`;
  return `, and it is ${quoteJsonString(type)}. ${TYPE_FIX}`;
}

/**
 * Makes each schema error a problem (see describeSchemaError). Only the first error inside a
 * left-out batch adds that the other checks skip the batch, so each such batch is named once.
 */
function describeSchemaErrors(
  strategy: unknown,
  errors: readonly string[],
  leftOut: readonly number[],
): StrategyProblem[] {
  const noted = new Set<number>();
  return errors.map((error) => {
    const problem = describeSchemaError(strategy, error);
    const index = Number(/^\/batches\/(\d+)/.exec(error)?.[1] ?? -1);
    if (!leftOut.includes(index) || noted.has(index)) return problem;

    noted.add(index);
    const batchName = problem.batch === undefined ? 'this batch' : `batch ${problem.batch}`;
    return {
      ...problem,
      message: `${problem.message} Until then, the other checks leave ${batchName} out.`,
    };
  });
}

/** Finds what each batch needs of another in the staged change, worded for the problems. */
function findNeeds(
  strategy: StrategyShape,
  footprint: Footprint,
  content: ReadonlyMap<string, FileContent>,
): BatchNeed[] {
  const dependencies = findBatchDependencies(strategy.batches, { footprint, content });
  return describeBatchNeeds(dependencies, footprint.files);
}

/** Runs the checks after the schema on the parts of the strategy they can read. */
function checkParts(
  parts: CheckedParts,
  footprint: Footprint,
  options: ValidateStrategyOptions,
): StrategyProblem[] {
  const { strategy } = parts;
  const cleanup = options.cleanup ?? WHITESPACE_CLEANUP;
  const needs = options.content ? findNeeds(strategy, footprint, options.content) : [];
  const cycles = checkOrderCycles(parts, needs);
  return [
    ...(parts.bound ? checkStale(strategy, footprint, options.headMissing ?? false) : []),
    ...checkBatchIds(strategy, cleanup),
    ...checkMessageCharacters(strategy, cleanup),
    ...checkMessageSecrets(strategy),
    ...cycles.problems,
    ...checkOrder(parts, cycles),
    ...checkDependencies(strategy, needs, cycles),
    ...checkFileFolderBatches(strategy, footprint.files),
    ...checkCoverage(
      strategy,
      {
        files: footprint.files,
        intentToAdd: footprint.intentToAdd,
        worktree: options.worktree,
      },
      {
        unchecked: parts.unchecked,
        staleTree: parts.bound && strategy.stagedTree !== footprint.stagedTree,
        recorded: options.recorded,
      },
    ),
  ];
}

/**
 * Validates a strategy document against its schema and the current staged change. A valid
 * strategy was made for the staged tree and HEAD of `footprint` (else it is stale), has unique
 * batch ids, a message in each batch that git commits under `options.cleanup` (see
 * findMessageProblem) and that, cleaned as git cleans it, has no control character but line
 * feeds and tabs, and depends only on earlier batches. It also takes every staged hunk exactly
 * once and names no path or hunk that is not staged, and keeps a file and the files under the same
 * path as a folder in one batch. With `options.content`, no batch may use what
 * a later batch adds (see findBatchDependencies). Batches whose dependencies form cycles, which
 * no order satisfies, give one problem per strongly connected set (see checkOrderCycles). Each
 * problem names the batch and path involved and how to fix it, with provider tokens masked.
 * After schema errors, the other checks still run on the batches they can read (see
 * readCheckedParts), and a stale strategy comes first.
 */
export function validateStrategy(
  strategy: unknown,
  footprint: Footprint,
  options: ValidateStrategyOptions,
): StrategyValidation {
  const schemaErrors = options.validateSchema(strategy);
  if (schemaErrors.length === 0 && hasStrategyShape(strategy)) {
    const problems = checkParts(wholeStrategy(strategy), footprint, options);
    return { valid: problems.length === 0, problems: maskProblemSecrets(problems) };
  }

  // A document the schema let through but the shape check rejects gets no further checks.
  const errors = schemaErrors.length > 0 ? schemaErrors : [MALFORMED];
  const parts = schemaErrors.length > 0 ? readCheckedParts(strategy, errors) : null;
  const schemaProblems = describeSchemaErrors(strategy, errors, parts?.leftOut ?? []);
  if (parts === null) return { valid: false, problems: maskProblemSecrets(schemaProblems) };

  const checked = checkParts(parts, footprint, options).filter(
    (problem) => !restatesSchemaError(problem, parts, errors),
  );
  const stale = checked.filter((problem) => problem.code === 'stale');
  const others = checked.filter((problem) => problem.code !== 'stale');
  const problems = [...stale, ...schemaProblems, ...others];
  return { valid: false, problems: maskProblemSecrets(problems) };
}
