import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeCycleSet, type OrderEdge } from '../../src/strategy/order-cycle-messages.js';

/** Returns ids `b1` to `b{count}`. */
function ids(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `b${index + 1}`);
}

/** Makes a dependsOn entry of `batch` on `on` that the staged change does not prove. */
function entry(batch: string, on: string): OrderEdge {
  return { batch, on, declared: true, needs: [] };
}

describe('describeCycleSet', () => {
  test('removals past ten are counted', () => {
    const batches = ids(13);
    const removals = batches.slice(0, 12).map((batch) => entry(batch, 'b13'));

    const message = describeCycleSet({
      batches,
      simple: false,
      edges: removals,
      merges: [],
      removals,
      removesLaterEntries: false,
    });

    assert.equal(
      message,
      'The dependencies of batches b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 and 3 more form ' +
        'cycles, so no order of these batches satisfies them. Each of them depends on every ' +
        'other one, directly or through others. To break the cycles, remove b13 from the ' +
        'dependsOn of b1, remove b13 from the dependsOn of b2, remove b13 from the dependsOn ' +
        'of b3, remove b13 from the dependsOn of b4, remove b13 from the dependsOn of b5, ' +
        'remove b13 from the dependsOn of b6, remove b13 from the dependsOn of b7, remove b13 ' +
        'from the dependsOn of b8, remove b13 from the dependsOn of b9, remove b13 from the ' +
        'dependsOn of b10 and then validate again for the rest, as this plan removes 2 more ' +
        'entries. Or merge these 13 batches into one batch.',
    );
  });

  test('entries of one batch share a step', () => {
    const removals = [entry('b1', 'b2'), entry('b1', 'b3'), entry('b2', 'b3')];

    const message = describeCycleSet({
      batches: ids(3),
      simple: false,
      edges: removals,
      merges: [],
      removals,
      removesLaterEntries: true,
    });

    assert.match(
      message,
      / To break the cycles, remove b2 and b3 from the dependsOn of b1 and remove b3 from the dependsOn of b2\. /,
    );
  });

  test('large merge group is counted', () => {
    const batches = ids(13);

    const message = describeCycleSet({
      batches,
      simple: false,
      edges: [entry('b13', 'b1')],
      merges: [batches.slice(0, 12)],
      removals: [entry('b13', 'b1')],
      removesLaterEntries: false,
    });

    assert.match(
      message,
      / To break the cycles, merge b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 and 2 more batches in a cycle of needs with them into one batch and remove b1 from the dependsOn of b13\. /,
    );
  });
});
