import { findCycles } from '../batches/cycles.js';
import { joinWords, plural } from '../output/messages.js';
import type { BatchNeed } from './batch-needs.js';
import type { CheckedParts } from './readable.js';
import type { StrategyProblem } from './types.js';

/** Reason sentences listed per dependency of a cycle before the rest are only counted. */
const LISTED_NEEDS = 3;

/** A dependency of batch `batch` on batch `on`, which must come before it. */
interface OrderEdge {
  batch: string;
  on: string;
  /** True when `batch` lists `on` in its dependsOn. */
  declared: boolean;
  /** Needs of `batch` on `on` that the staged change proves. */
  needs: BatchNeed[];
}

/** The cycle problems of a strategy, and which dependencies they cover. */
export interface OrderCycleCheck {
  problems: StrategyProblem[];
  /** Returns true when a cycle problem covers the dependency of `batch` on `on`. */
  covers: (batch: string, on: string) => boolean;
}

function edgeKey(batch: string, on: string): string {
  return `${batch}\0${on}`;
}

/**
 * Collects the dependencies between the readable batches: each dependsOn entry that names
 * another of them, and each need that `needs` proves, one edge per pair of batches.
 */
function collectEdges(parts: CheckedParts, needs: readonly BatchNeed[]): Map<string, OrderEdge> {
  const known = new Set(parts.strategy.batches.map((batch) => batch.id));
  const edges = new Map<string, OrderEdge>();
  const edgeOf = (batch: string, on: string): OrderEdge => {
    const key = edgeKey(batch, on);
    const edge = edges.get(key) ?? { batch, on, declared: false, needs: [] };
    edges.set(key, edge);
    return edge;
  };
  for (const batch of parts.strategy.batches) {
    for (const on of batch.dependsOn) {
      if (on !== batch.id && known.has(on)) edgeOf(batch.id, on).declared = true;
    }
  }
  for (const need of needs) edgeOf(need.dependency.batch, need.dependency.on).needs.push(need);
  return edges;
}

/** Returns the nodes of a shortest path from `start` to `end` that stays inside `members`. */
function findShortestPath(
  start: number,
  end: number,
  targets: ReadonlyArray<readonly number[]>,
  members: ReadonlySet<number>,
): number[] {
  const previous = new Map<number, number>([[start, start]]);
  const queue = [start];
  for (let next = 0; next < queue.length && !previous.has(end); next += 1) {
    const node = queue[next] as number;
    for (const target of targets[node] ?? []) {
      if (!members.has(target) || previous.has(target)) continue;
      previous.set(target, node);
      queue.push(target);
    }
  }

  const path = [end];
  while (path[path.length - 1] !== start) path.push(previous.get(path.at(-1) as number) as number);
  return path.reverse();
}

/**
 * Splits a strongly connected component, its nodes in ascending order, into simple cycles that
 * together take each of its edges, so a cycle names every dependency inside it. Each cycle
 * starts at its lowest node, the batch that comes first in the strategy.
 */
function coverComponent(
  component: readonly number[],
  targets: ReadonlyArray<readonly number[]>,
): number[][] {
  const members = new Set(component);
  const covered = new Set<string>();
  const cycles: number[][] = [];
  for (const from of component) {
    for (const to of targets[from] ?? []) {
      if (!members.has(to) || covered.has(`${from},${to}`)) continue;

      const cycle = [from, ...findShortestPath(to, from, targets, members).slice(0, -1)];
      cycle.forEach((node, at) => covered.add(`${node},${cycle[(at + 1) % cycle.length]}`));
      const first = cycle.indexOf(cycle.reduce((low, node) => Math.min(low, node)));
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
  }
  return cycles;
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

/** Makes the problem of one cycle, whose batches `ids` each depend on the next. */
function describeCycle(ids: readonly string[], edges: readonly OrderEdge[]): StrategyProblem {
  const names = joinWords([...ids], 'and');
  const fixes = [...edges.map(describeEdgeFix), `merge ${names} into one batch`];
  const message = [
    `The dependencies of batches ${names} form a cycle (${[...ids, ids[0]].join(' → ')}, each ` +
      'depending on the next), so no order of these batches satisfies them.',
    ...edges.flatMap(listReasons),
    `To break the cycle, do one of these: ${fixes.slice(0, -1).join(', ')}, or ${fixes.at(-1)}.`,
  ].join(' ');
  return { code: 'order-cycle', batch: ids[0] as string, batches: [...ids], message };
}

/** Returns the numbers of the batches each batch depends on, in ascending order. */
function listTargets(ids: readonly string[], edges: Map<string, OrderEdge>): number[][] {
  const numbers = new Map(ids.map((id, number) => [id, number]));
  const targets: number[][] = ids.map(() => []);
  for (const { batch, on } of edges.values()) {
    targets[numbers.get(batch) as number]?.push(numbers.get(on) as number);
  }
  for (const list of targets) list.sort((a, b) => a - b);
  return targets;
}

/**
 * Finds the dependency cycles among the batches that the checks read, through dependsOn and
 * through the needs the staged change proves. No order of the batches satisfies a cycle, so
 * each gets one problem that names it in order, and the dependencies of batches in one
 * strongly connected component get no order problem of their own.
 */
export function checkOrderCycles(
  parts: CheckedParts,
  needs: readonly BatchNeed[],
): OrderCycleCheck {
  const ids = [...new Set(parts.strategy.batches.map((batch) => batch.id))];
  const edges = collectEdges(parts, needs);
  const targets = listTargets(ids, edges);
  const components = findCycles(ids.length, targets)
    .map((component) => [...component].sort((a, b) => a - b))
    .sort((a, b) => (a[0] as number) - (b[0] as number));

  const componentOf = new Map<string, number>();
  const problems: StrategyProblem[] = [];
  components.forEach((component, index) => {
    for (const node of component) componentOf.set(ids[node] as string, index);
    for (const cycle of coverComponent(component, targets)) {
      const cycleIds = cycle.map((node) => ids[node] as string);
      const cycleEdges = cycleIds.map((batch, at) => {
        const on = cycleIds[(at + 1) % cycleIds.length] as string;
        return edges.get(edgeKey(batch, on)) as OrderEdge;
      });
      problems.push(describeCycle(cycleIds, cycleEdges));
    }
  });

  const covers = (batch: string, on: string): boolean => {
    const component = componentOf.get(batch);
    return component !== undefined && component === componentOf.get(on);
  };
  return { problems, covers };
}
