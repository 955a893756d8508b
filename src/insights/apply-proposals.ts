import type { Batch, BatchAnalysis, BatchChange } from '../batches/types.js';
import type { MessageCleanup } from '../message/cleanup-setting.js';
import { wholeFileChange } from '../batches/whole-file-change.js';
import type { FileContent, Footprint, Hunk } from '../footprint/types.js';
import { createDebug } from '../log/debug.js';
import type { RiskReport } from '../risk/types.js';
import { validateStrategyDocument } from '../schemas-runtime/validate-strategy.js';
import { buildStrategy } from '../strategy/build.js';
import type { StrategyProblem } from '../strategy/types.js';
import { validateStrategy } from '../strategy/validate.js';
import { parseConventionalHeader } from './conventional-header.js';
import type { BatchProposal, MergeProposal, SplitProposal } from './types.js';

const debug = createDebug('insights');

export interface ProposalContext {
  footprint: Footprint;
  /** The staged and HEAD texts, so a proposal gets the import-order checks that validate runs. */
  content: ReadonlyMap<string, FileContent>;
  analysis: BatchAnalysis;
  risk: RiskReport;
  /** Name of the provider, for the rationale of the batches it shaped. */
  provider: string;
  /** The repository's message cleanup settings, which `footprint validate` judges by. */
  cleanup: MessageCleanup;
}

/** A batch being reshaped: `origin` is its offline id while no proposal has touched it. */
interface Slot {
  batch: Batch;
  origin: string | null;
}

function hunkOrder(a: Hunk, b: Hunk): number {
  return a.newStart - b.newStart || a.oldStart - b.oldStart;
}

/** Joins the changes of several batches, one entry per path, in the order paths first appear. */
function joinChanges(batches: readonly Batch[], footprint: Footprint): BatchChange[] {
  const joined = new Map<string, Hunk[] | null>();
  for (const change of batches.flatMap((batch) => batch.changes)) {
    const earlier = joined.get(change.path);
    if (change.hunks === undefined || earlier === null) joined.set(change.path, null);
    else joined.set(change.path, [...(earlier ?? []), ...change.hunks]);
  }

  const files = new Map(footprint.files.map((file) => [file.path, file]));
  return [...joined].map(([path, hunks]) => {
    const file = files.get(path);
    if (file !== undefined && (hunks === null || hunks.length === file.hunks.length)) {
      return wholeFileChange(file);
    }
    if (hunks === null) return { path };
    return { path, hunks: [...hunks].sort(hunkOrder) };
  });
}

/** Completes a batch with the type and scope of its message; null when that is no header. */
function withHeader(batch: Omit<Batch, 'type' | 'scope'>): Batch | null {
  const header = parseConventionalHeader(batch.message);
  return header === null ? null : { ...batch, type: header.type, scope: header.scope };
}

/** Points every dependency on one of `from` at `to` instead, without repeats or self-loops. */
function redirect(slot: Slot, from: ReadonlySet<string>, to: readonly string[]): Slot {
  const { batch } = slot;
  if (!batch.dependsOn.some((id) => from.has(id))) return slot;

  const dependsOn = batch.dependsOn.flatMap((id) => (from.has(id) ? to : [id]));
  const unique = [...new Set(dependsOn)].filter((id) => id !== batch.id);
  return { ...slot, batch: { ...batch, dependsOn: unique } };
}

function isMember(slot: Slot, members: ReadonlySet<string>): boolean {
  return slot.origin !== null && members.has(slot.origin);
}

function joinBatches(merge: MergeProposal, members: Batch[], id: string, context: ProposalContext) {
  const ids = new Set(merge.batches);
  const dependsOn = new Set(members.flatMap((batch) => batch.dependsOn));
  return withHeader({
    id,
    message: merge.message,
    rationale: `Joins ${members.length} suggested batches, as the ${context.provider} insight provider proposed.`,
    changes: joinChanges(members, context.footprint),
    dependsOn: [...dependsOn].filter((dependency) => !ids.has(dependency)),
  });
}

/**
 * Returns the batch lists a merge may give: the joined batch where its last member was, then
 * where its first member was. Validation picks the first whose order holds.
 */
function mergeCandidates(
  slots: Slot[],
  merge: MergeProposal,
  id: string,
  context: ProposalContext,
): Slot[][] {
  const members = new Set(merge.batches);
  const memberSlots = slots.filter((slot) => isMember(slot, members));
  if (memberSlots.length !== members.size) return [];

  const joined = joinBatches(
    merge,
    memberSlots.map((slot) => slot.batch),
    id,
    context,
  );
  if (joined === null) return [];

  const rest = slots
    .filter((slot) => !isMember(slot, members))
    .map((slot) => redirect(slot, members, [id]));
  const before = (member: Slot) =>
    slots.slice(0, slots.indexOf(member)).filter((slot) => !isMember(slot, members)).length;
  const places = new Set([before(memberSlots[memberSlots.length - 1]!), before(memberSlots[0]!)]);
  return [...places].map((at) => [
    ...rest.slice(0, at),
    { batch: joined, origin: null },
    ...rest.slice(at),
  ]);
}

/** Fills in the batch's own hunks for a part that names a file whole. */
function partChange(change: BatchChange, original: Batch): BatchChange {
  if (change.hunks !== undefined) return change;
  const batchChange = original.changes.find((candidate) => candidate.path === change.path);
  if (batchChange?.hunks === undefined) return change;
  return { path: change.path, hunks: batchChange.hunks };
}

/** Returns the batch list a split gives, its parts in place of the batch, or none. */
function splitCandidates(
  slots: Slot[],
  split: SplitProposal,
  ids: string[],
  context: ProposalContext,
): Slot[][] {
  const position = slots.findIndex((slot) => slot.origin === split.batch);
  const original = slots[position]?.batch;
  if (original === undefined) return [];

  const parts = split.parts.map((part, index) =>
    withHeader({
      id: ids[index]!,
      message: part.message,
      rationale: `Part ${index + 1} of ${ids.length} of the suggested batch "${original.message}", as the ${context.provider} insight provider proposed.`,
      changes: part.changes.map((change) => partChange(change, original)),
      dependsOn: [...original.dependsOn],
    }),
  );
  if (parts.some((part) => part === null)) return [];

  const from = new Set([split.batch]);
  const rest = slots.map((slot) => redirect(slot, from, ids));
  const partSlots = (parts as Batch[]).map((batch) => ({ batch, origin: null }));
  return [[...rest.slice(0, position), ...partSlots, ...rest.slice(position + 1)]];
}

/** Returns the problems `footprint validate` would find in the strategy of these batches. */
function findProblems(slots: readonly Slot[], context: ProposalContext): StrategyProblem[] {
  const batches = slots.map((slot) => slot.batch);
  const analysis = { ...context.analysis, batches };
  const strategy = buildStrategy(context.footprint, analysis, context.risk, new Date());
  const validation = validateStrategy(strategy, context.footprint, {
    validateSchema: validateStrategyDocument,
    content: context.content,
    cleanup: context.cleanup,
  });
  return validation.problems;
}

/** Names the problems by code only, because their messages may quote text the model wrote. */
function describeCodes(problems: readonly StrategyProblem[]): string {
  const codes = [...new Set(problems.map((problem) => problem.code))];
  if (codes.length > 0) return codes.join(', ');
  return 'a batch it names was changed by an earlier proposal, or a message is no Conventional Commits header';
}

/** Returns the first candidate without problems, or null and the problems of the last one. */
function pickValidCandidate(
  candidates: readonly Slot[][],
  context: ProposalContext,
): { accepted: Slot[] | null; problems: StrategyProblem[] } {
  let problems: StrategyProblem[] = [];
  for (const candidate of candidates) {
    problems = findProblems(candidate, context);
    if (problems.length === 0) return { accepted: candidate, problems };
  }
  return { accepted: null, problems };
}

/** Gives batches the ids `b1`, `b2`, ... in order, and their dependencies the new ids. */
function renumber(batches: readonly Batch[]): Batch[] {
  const ids = new Map(batches.map((batch, index) => [batch.id, `b${index + 1}`]));
  return batches.map((batch) => ({
    ...batch,
    id: ids.get(batch.id)!,
    dependsOn: batch.dependsOn.map((id) => ids.get(id) ?? id),
  }));
}

/**
 * Applies merges and splits to the batches, one proposal at a time in order. A proposal is kept
 * only when its headers are Conventional Commits headers and the strategy it gives passes
 * validateStrategy with the file content, as `footprint validate` runs it. So every staged hunk
 * is in exactly one batch, dependencies come before dependents, no batch imports or uses what a
 * later batch adds, and the schema holds. A proposal that names a batch an earlier proposal
 * changed is dropped. Returns the batches, renumbered `b1`, `b2`, ..., and how many proposals
 * were applied.
 */
export function applyProposals(
  batches: readonly Batch[],
  proposals: readonly BatchProposal[],
  context: ProposalContext,
): { batches: Batch[]; applied: number } {
  let slots: Slot[] = batches.map((batch) => ({ batch, origin: batch.id }));
  let applied = 0;
  proposals.forEach((proposal, index) => {
    const prefix = `p${index + 1}x`;
    const candidates =
      proposal.kind === 'merge'
        ? mergeCandidates(slots, proposal, prefix, context)
        : splitCandidates(
            slots,
            proposal,
            proposal.parts.map((_part, part) => `${prefix}${part + 1}`),
            context,
          );
    const { accepted, problems } = pickValidCandidate(candidates, context);
    if (accepted === null) {
      debug(
        `dropped a ${proposal.kind} proposal: it gives no valid strategy (${describeCodes(problems)})`,
      );
      return;
    }
    slots = accepted;
    applied += 1;
  });
  return { batches: renumber(slots.map((slot) => slot.batch)), applied };
}
