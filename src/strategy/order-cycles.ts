import { findCycles } from '../batches/cycles.js';
import type { BatchNeed } from './batch-needs.js';
import { planCycleBreak } from './cycle-breaks.js';
import {
  describeCycle,
  describeCycleSet,
  LISTED_BATCHES,
  type OrderEdge,
} from './order-cycle-messages.js';
import type { CheckedParts } from './readable.js';
import type { StrategyProblem } from './types.js';

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

/** The dependencies between batches, with the batch ids that their numbers stand for. */
interface OrderGraph {
  /** Batch ids in strategy order, so a batch's number is its place in the strategy. */
  ids: readonly string[];
  edges: ReadonlyMap<string, OrderEdge>;
  /** Numbers of the batches each batch depends on, in ascending order. */
  targets: ReadonlyArray<readonly number[]>;
}

/** Returns the edge of the dependency of batch number `batch` on batch number `on`. */
function edgeBetween(graph: OrderGraph, batch: number, on: number): OrderEdge {
  const edge = graph.edges.get(edgeKey(graph.ids[batch] as string, graph.ids[on] as string));
  if (edge === undefined) throw new Error(`No dependency of batch ${batch} on batch ${on}.`);
  return edge;
}

/**
 * Returns the numbers of a component in cycle order from its first, or null unless each of its
 * batches depends on exactly one other batch of it, so that it is a single cycle.
 */
function traceSimpleCycle(component: readonly number[], graph: OrderGraph): number[] | null {
  const members = new Set(component);
  const next = new Map<number, number>();
  for (const node of component) {
    const inner = (graph.targets[node] ?? []).filter((on) => on !== node && members.has(on));
    if (inner.length !== 1) return null;
    next.set(node, inner[0] as number);
  }

  const first = component[0] as number;
  const cycle = [first];
  for (let node = next.get(first); node !== undefined && node !== first; node = next.get(node)) {
    cycle.push(node);
  }
  return cycle;
}

/** Returns the dependencies inside a component, by batch and then by `on`, in strategy order. */
function listInnerEdges(component: readonly number[], graph: OrderGraph): OrderEdge[] {
  const members = new Set(component);
  return component.flatMap((node) =>
    (graph.targets[node] ?? [])
      .filter((on) => on !== node && members.has(on))
      .map((on) => edgeBetween(graph, node, on)),
  );
}

/**
 * Makes the one problem of a strongly connected component, its batch numbers in ascending
 * order. A component that is one cycle of at most LISTED_BATCHES batches is shown as a path in
 * cycle order, with each dependency whose removal alone breaks it. Any other component gets a
 * plan that breaks all of its cycles together (see planCycleBreak).
 */
function describeComponent(component: readonly number[], graph: OrderGraph): StrategyProblem {
  const batches = component.map((node) => graph.ids[node] as string);
  const problem = { code: 'order-cycle', batch: batches[0] as string, batches };
  const cycle = traceSimpleCycle(component, graph);
  if (cycle !== null && cycle.length <= LISTED_BATCHES) {
    const edges = cycle.map((node, at) =>
      edgeBetween(graph, node, cycle[(at + 1) % cycle.length] as number),
    );
    return { ...problem, message: describeCycle(batches, edges) };
  }

  const isNeeded = (batch: number, on: number) => edgeBetween(graph, batch, on).needs.length > 0;
  const plan = planCycleBreak(component, graph.targets, isNeeded);
  const keepsOrder =
    plan.merges.length === 0 && plan.order.every((node, at) => node === component[at]);
  const message = describeCycleSet({
    batches,
    simple: cycle !== null,
    edges: listInnerEdges(component, graph),
    merges: plan.merges.map((group) => group.map((node) => graph.ids[node] as string)),
    removals: plan.removals.map(([batch, on]) => edgeBetween(graph, batch, on)),
    removesLaterEntries: keepsOrder,
  });
  return { ...problem, message };
}

/**
 * Finds the dependency cycles among the batches that the checks read, through dependsOn and
 * through the needs the staged change proves. No order of the batches satisfies a cycle, so
 * each strongly connected component of batches gets one problem that names its batches, and
 * the dependencies inside it get no order problem of their own.
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
    problems.push(describeComponent(component, { ids, edges, targets }));
  });

  const covers = (batch: string, on: string): boolean => {
    const component = componentOf.get(batch);
    return component !== undefined && component === componentOf.get(on);
  };
  return { problems, covers };
}
