import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findCycles } from '../../src/batches/cycles.js';
import { planCycleBreak, type CycleBreak } from '../../src/strategy/cycle-breaks.js';

/** A graph of batch numbers: the targets of each, and its needed dependencies as `from,to`. */
interface Graph {
  targets: number[][];
  needed: Set<string>;
}

/** Builds a graph of `count` batches from `[batch, on]` pairs, `needed` ones among them. */
function graphOf(count: number, edges: Array<[number, number]>, needed: string[] = []): Graph {
  const targets: number[][] = Array.from({ length: count }, () => []);
  for (const [batch, on] of edges) targets[batch]?.push(on);
  for (const list of targets) list.sort((a, b) => a - b);
  return { targets, needed: new Set(needed) };
}

/** Plans the break of all `count` batches of `graph`, which must be strongly connected. */
function planAll(graph: Graph): CycleBreak {
  const set = graph.targets.map((_, index) => index);
  return planCycleBreak(set, graph.targets, (batch, on) => graph.needed.has(`${batch},${on}`));
}

/** Returns the kept dependencies inside `set` between batches that the plan does not merge. */
function keptEdges(
  graph: Graph,
  set: readonly number[],
  plan: CycleBreak,
): Array<[number, number]> {
  const members = new Set(set);
  const removed = new Set(plan.removals.map(([batch, on]) => `${batch},${on}`));
  const group = new Map(set.map((batch) => [batch, batch]));
  for (const merged of plan.merges) for (const batch of merged) group.set(batch, merged[0]!);

  const remaining: Array<[number, number]> = [];
  for (const batch of set) {
    for (const on of graph.targets[batch] ?? []) {
      if (!members.has(on) || removed.has(`${batch},${on}`)) continue;
      if (group.get(batch) !== group.get(on)) remaining.push([group.get(batch)!, group.get(on)!]);
    }
  }
  return remaining;
}

/** Returns the cycles left in `set` after the plan's removals, each merge group as one batch. */
function cyclesAfter(graph: Graph, plan: CycleBreak, set = plan.order): number[][] {
  const targets: number[][] = graph.targets.map(() => []);
  for (const [batch, on] of keptEdges(graph, set, plan)) targets[batch]?.push(on);
  return findCycles(targets.length, targets);
}

/** Returns the kept dependencies that the plan's order puts before the batch they need. */
function orderBreaks(graph: Graph, set: readonly number[], plan: CycleBreak) {
  const place = new Map(plan.order.map((batch, at) => [batch, at]));
  return keptEdges(graph, set, plan).filter(([batch, on]) => place.get(on)! > place.get(batch)!);
}

/** Returns a generator of numbers in [0, 1) from a fixed seed, so a failure repeats. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('planCycleBreak', () => {
  test('chain cycle loses one entry', () => {
    const plan = planAll(
      graphOf(5, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 0],
      ]),
    );

    assert.deepEqual(plan.removals, [[0, 1]]);
    assert.deepEqual(plan.merges, []);
    assert.deepEqual(plan.order, [0, 4, 3, 2, 1]);
  });

  test('overlapping cycles lose two entries', () => {
    const graph = graphOf(3, [
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
    ]);

    const plan = planAll(graph);

    assert.deepEqual(plan.removals, [
      [0, 1],
      [1, 2],
    ]);
    assert.deepEqual(cyclesAfter(graph, plan), []);
  });

  test('complete graph keeps strategy order', () => {
    const edges: Array<[number, number]> = [];
    for (let batch = 0; batch < 16; batch += 1) {
      for (let on = 0; on < 16; on += 1) if (on !== batch) edges.push([batch, on]);
    }

    const plan = planAll(graphOf(16, edges));

    assert.equal(plan.removals.length, 120);
    assert.ok(plan.removals.every(([batch, on]) => batch < on));
    assert.deepEqual(
      plan.order,
      Array.from({ length: 16 }, (_, index) => index),
    );
  });

  test('hub entry goes instead of many', () => {
    // Batches 0 to 10 depend on 11, 11 on 12, and 12 on batches 0 to 10.
    const edges: Array<[number, number]> = [[11, 12]];
    for (let batch = 0; batch <= 10; batch += 1) edges.push([batch, 11], [12, batch]);

    const plan = planAll(graphOf(13, edges));

    assert.deepEqual(plan.removals, [[11, 12]]);
  });

  test('needed cycle becomes a merge', () => {
    const graph = graphOf(
      3,
      [
        [0, 1],
        [1, 0],
        [0, 2],
        [2, 0],
      ],
      ['0,1', '1,0'],
    );

    const plan = planAll(graph);

    assert.deepEqual(plan.merges, [[0, 1]]);
    assert.deepEqual(plan.removals, [[0, 2]]);
    assert.deepEqual(cyclesAfter(graph, plan), []);
  });

  test('needed entry is never removed', () => {
    const plan = planAll(
      graphOf(
        2,
        [
          [0, 1],
          [1, 0],
        ],
        ['0,1'],
      ),
    );

    assert.deepEqual(plan.removals, [[1, 0]]);
    assert.deepEqual(plan.order, [1, 0]);
  });

  test('random graphs end without cycles', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 300; run += 1) {
      const count = 2 + Math.floor(random() * 11);
      const edges: Array<[number, number]> = [];
      const needed: string[] = [];
      for (let batch = 0; batch < count; batch += 1) {
        for (let on = 0; on < count; on += 1) {
          if (on === batch || random() > 0.3) continue;
          edges.push([batch, on]);
          if (random() < 0.3) needed.push(`${batch},${on}`);
        }
      }
      const graph = graphOf(count, edges, needed);

      for (const component of findCycles(count, graph.targets)) {
        const set = [...component].sort((a, b) => a - b);
        const plan = planCycleBreak(set, graph.targets, (batch, on) =>
          graph.needed.has(`${batch},${on}`),
        );
        const label = `run ${run}, set ${set.join(' ')}`;

        assert.deepEqual(cyclesAfter(graph, plan, set), [], label);
        assert.deepEqual(orderBreaks(graph, set, plan), [], label);
        assert.deepEqual(
          [...plan.order].sort((a, b) => a - b),
          set,
          label,
        );
        assert.ok(!plan.removals.some(([batch, on]) => graph.needed.has(`${batch},${on}`)), label);
      }
    }
  });

  test('long two-way chain finishes', () => {
    const count = 30_000;
    const edges: Array<[number, number]> = [];
    for (let batch = 0; batch + 1 < count; batch += 1)
      edges.push([batch, batch + 1], [batch + 1, batch]);

    const plan = planAll(graphOf(count, edges));

    assert.equal(plan.removals.length, count - 1);
    assert.equal(plan.order.length, count);
  });
});
