import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { orderNodes, type OrderNode } from '../../src/batches/order.js';
import { comparePaths } from '../../src/batches/paths.js';
import type { CommitType } from '../../src/batches/types.js';

const TYPES: CommitType[] = ['build', 'chore', 'fix', 'feat', 'test', 'docs'];
const RANK: Partial<Record<CommitType, number>> = {
  build: 0,
  chore: 1,
  fix: 2,
  feat: 3,
  test: 4,
  docs: 5,
};

/**
 * Orders nodes by the definition: at each step, scans every node left and takes the
 * lowest-ranked free one, or the lowest-ranked one when none is free.
 */
function orderByScanning(nodes: readonly OrderNode[]): number[] {
  const compare = (a: number, b: number) =>
    (RANK[nodes[a]!.type] as number) - (RANK[nodes[b]!.type] as number) ||
    comparePaths(nodes[a]!.firstPath, nodes[b]!.firstPath) ||
    a - b;
  const placed = new Set<number>();
  const order: number[] = [];
  while (order.length < nodes.length) {
    const left = nodes.map((_, index) => index).filter((index) => !placed.has(index));
    const free = left.filter((index) => [...nodes[index]!.requires].every((r) => placed.has(r)));
    const chosen = (free.length > 0 ? free : left).sort(compare)[0] as number;
    placed.add(chosen);
    order.push(chosen);
  }
  return order;
}

/** Returns a deterministic pseudo-random source, so a failing case can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomNodes(next: () => number, count: number, cycles: boolean): OrderNode[] {
  return Array.from({ length: count }, (_, index) => {
    const requires = new Set<number>();
    for (let other = 0; other < count; other += 1) {
      const allowed = cycles || other < index;
      if (allowed && other !== index && next() < 0.15) requires.add(other);
    }
    return {
      type: TYPES[Math.floor(next() * TYPES.length)] as CommitType,
      firstPath: `src/${['a', 'b', 'c'][Math.floor(next() * 3)]}.ts`,
      requires,
    };
  });
}

describe('batch order', () => {
  test('requirement before type rank', () => {
    const nodes: OrderNode[] = [
      { type: 'build', firstPath: 'package.json', requires: new Set([1]) },
      { type: 'docs', firstPath: 'README.md', requires: new Set() },
      { type: 'feat', firstPath: 'src/a.ts', requires: new Set() },
    ];
    assert.deepEqual(orderNodes(nodes), [2, 1, 0]);
  });

  test('equal nodes keep input order', () => {
    const node = (): OrderNode => ({ type: 'fix', firstPath: 'src/a.ts', requires: new Set() });
    assert.deepEqual(orderNodes([node(), node(), node()]), [0, 1, 2]);
  });

  test('cycle goes lowest rank first', () => {
    const nodes: OrderNode[] = [
      { type: 'test', firstPath: 'test/a.ts', requires: new Set([1]) },
      { type: 'feat', firstPath: 'src/a.ts', requires: new Set([0]) },
      { type: 'docs', firstPath: 'docs/a.md', requires: new Set([0]) },
    ];
    assert.deepEqual(orderNodes(nodes), [1, 0, 2]);
  });

  test('same order as scanning every node', () => {
    const next = random(7);
    for (let round = 0; round < 200; round += 1) {
      const nodes = randomNodes(next, 1 + Math.floor(next() * 30), round % 2 === 1);
      assert.deepEqual(orderNodes(nodes), orderByScanning(nodes), `round ${round}`);
    }
  });
});
