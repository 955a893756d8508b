import { joinWords, plural } from '../output/messages.js';
import type { BatchNeed } from './batch-needs.js';

/** Reason sentences listed per dependency of a cycle before the rest are only counted. */
const LISTED_NEEDS = 3;

/** Batches or dependsOn entries that a message names before it only counts the rest. */
export const LISTED_BATCHES = 10;

/** A dependency of batch `batch` on batch `on`, which must come before it. */
export interface OrderEdge {
  batch: string;
  on: string;
  /** True when `batch` lists `on` in its dependsOn. */
  declared: boolean;
  /** Needs of `batch` on `on` that the staged change proves. */
  needs: BatchNeed[];
}

/** A strongly connected set of batches and the changes that break all of its cycles. */
export interface CycleSet {
  /** Ids of the batches of the set, in strategy order. */
  batches: string[];
  /** True when the set is one cycle, where each batch depends on one other of the set. */
  simple: boolean;
  /** Dependencies inside the set, by batch and then by `on`, in strategy order. */
  edges: OrderEdge[];
  /** Groups of batch ids whose proven needs alone form a cycle, each to merge into one. */
  merges: string[][];
  /** Dependencies whose dependsOn entry to remove, by batch and then by `on`. */
  removals: OrderEdge[];
  /** True when `removals` are exactly the entries that name a later batch of the set. */
  removesLaterEntries: boolean;
}

/** Returns the fix that removes one dependency of a cycle. */
function describeEdgeFix(edge: OrderEdge): string {
  const unlist = `remove ${edge.on} from the dependsOn of ${edge.batch}`;
  if (edge.needs.length === 0) return unlist;

  const parts = joinWords([...new Set(edge.needs.map((need) => need.part))], 'and');
  return edge.declared ? `${unlist} and move ${parts} into it` : `move ${parts} into ${edge.batch}`;
}

/** Returns the reason sentences of a dependency that the staged change proves. */
function listReasons(edge: OrderEdge): string[] {
  const reasons = edge.needs.slice(0, LISTED_NEEDS).map((need) => need.reason);
  const rest = edge.needs.length - LISTED_NEEDS;
  if (rest > 0) {
    reasons.push(
      `Batch ${edge.batch} also needs ${plural(rest, 'more change')} of batch ${edge.on}.`,
    );
  }
  return reasons;
}

/**
 * Describes one short cycle, `batches` in strategy order, where each of `edges` leads to the
 * next. Each removal it offers breaks the cycle alone.
 */
export function describeCycle(batches: readonly string[], edges: readonly OrderEdge[]): string {
  const names = joinWords([...batches], 'and');
  const path = [...edges.map((edge) => edge.batch), edges[0]?.batch].join(' → ');
  const fixes = [...edges.map(describeEdgeFix), `merge ${names} into one batch`];
  return [
    `The dependencies of batches ${names} form a cycle (${path}, each ` +
      'depending on the next), so no order of these batches satisfies them.',
    ...edges.flatMap(listReasons),
    `To break the cycle, do one of these: ${fixes.slice(0, -1).join(', ')}, or ${fixes.at(-1)}.`,
  ].join(' ');
}

/**
 * Names batches as a sentence does, the first LISTED_BATCHES of them and then `more` after the
 * count of the rest.
 */
function nameBatches(batches: readonly string[], more = 'more'): string {
  if (batches.length <= LISTED_BATCHES) return joinWords([...batches], 'and');
  const rest = batches.length - LISTED_BATCHES;
  return `${batches.slice(0, LISTED_BATCHES).join(', ')} and ${rest} ${more}`;
}

/** Returns the reason sentences of the proven needs inside a set, the first few of them. */
function listSetReasons(edges: readonly OrderEdge[]): string[] {
  const needs = edges.flatMap((edge) => edge.needs);
  const reasons = needs.slice(0, LISTED_NEEDS).map((need) => need.reason);
  const rest = needs.length - LISTED_NEEDS;
  if (rest > 0) {
    reasons.push(`These batches also need ${plural(rest, 'more change')} of one another.`);
  }
  return reasons;
}

/**
 * Lists the removals as steps, one per batch. Past LISTED_BATCHES entries, the rest are
 * counted, or described by rule when they are the entries that name a later batch.
 */
function describeRemovals(set: CycleSet): string[] {
  const { removals } = set;
  if (removals.length > LISTED_BATCHES && set.removesLaterEntries) {
    return [
      'remove each dependsOn entry of these batches that names a later one of them in the ' +
        `strategy (${removals.length} entries)`,
    ];
  }

  const listed = removals.slice(0, LISTED_BATCHES);
  const byBatch = new Map<string, string[]>();
  for (const { batch, on } of listed) byBatch.set(batch, [...(byBatch.get(batch) ?? []), on]);
  const steps = [...byBatch].map(
    ([batch, ons]) => `remove ${joinWords(ons, 'and')} from the dependsOn of ${batch}`,
  );
  const rest = removals.length - listed.length;
  if (rest > 0) {
    steps.push(
      `then validate again for the rest, as this plan removes ` +
        `${plural(rest, 'more entry', 'more entries')}`,
    );
  }
  return steps;
}

/** Returns the sentences that tell how to break all cycles of a set. */
function adviseCycleSet(set: CycleSet): string[] {
  const { batches, simple } = set;
  const all =
    batches.length <= LISTED_BATCHES
      ? joinWords(batches, 'and')
      : `these ${batches.length} batches`;
  if (set.merges.length === 1 && set.merges[0]?.length === batches.length) {
    return [
      `Their needs alone form ${simple ? 'this cycle' : 'these cycles'}, so removing ` +
        `dependsOn entries cannot break ${simple ? 'it' : 'them'}.`,
      `Merge ${all} into one batch.`,
    ];
  }

  const merges = set.merges.map((group) => {
    const names = nameBatches(group, 'more batches in a cycle of needs with them');
    return `merge ${names} into one batch`;
  });
  const steps = [...merges, ...describeRemovals(set)];
  return [
    `To break ${simple ? 'the cycle' : 'the cycles'}, ${joinWords(steps, 'and')}.`,
    `Or merge ${all} into one batch.`,
  ];
}

/**
 * Describes a strongly connected set of batches that is not one short cycle, with the changes
 * of `set` that break all of its cycles together. Lists stay short, so a set of thousands of
 * batches still gives a readable line.
 */
export function describeCycleSet(set: CycleSet): string {
  const sentences = [
    `The dependencies of batches ${nameBatches(set.batches)} form ` +
      `${set.simple ? 'a cycle' : 'cycles'}, so no order of these batches satisfies them.`,
  ];
  if (!set.simple) {
    sentences.push('Each of them depends on every other one, directly or through others.');
  }
  return [...sentences, ...listSetReasons(set.edges), ...adviseCycleSet(set)].join(' ');
}
