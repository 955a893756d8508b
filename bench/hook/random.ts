/**
 * A seeded pseudo-random generator (mulberry32), so that a benchmark repository and its staged
 * change are the same on every run with the same seed.
 */
export interface Random {
  /** Returns a float in [0, 1). */
  next(): number;
  /** Returns an integer in [min, max], both ends included. */
  integer(min: number, max: number): number;
  /** Returns one element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const integer = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Cannot pick from an empty array.');
    return items[integer(0, items.length - 1)] as T;
  };

  return { next, integer, pick };
}

/**
 * Returns `count` distinct items of `items` chosen by `seed`, in their original order. The same
 * items, count and seed always give the same choice. Throws when `count` exceeds the items.
 */
export function selectSeeded<T>(items: readonly T[], count: number, seed: number): T[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`Invalid count ${count}: expected a non-negative integer.`);
  }
  if (count > items.length) {
    throw new Error(`Cannot select ${count} of ${items.length} items.`);
  }

  // A partial Fisher-Yates shuffle of the indexes: only the first `count` positions are drawn.
  const random = createRandom(seed);
  const indexes = items.map((_, index) => index);
  for (let position = 0; position < count; position++) {
    const swap = random.integer(position, indexes.length - 1);
    [indexes[position], indexes[swap]] = [indexes[swap] as number, indexes[position] as number];
  }

  return indexes
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((index) => items[index] as T);
}
