import { matchMaxWeight } from './hungarian.js';

/**
 * Counts of items per pair of predicted and true cluster: `cells[p][t]` items are in predicted
 * cluster p and true cluster t. Clusters are numbered in order of their first item.
 */
export interface Contingency {
  cells: number[][];
  /** Items per predicted cluster. */
  predictedSizes: number[];
  /** Items per true cluster. */
  trueSizes: number[];
  items: number;
}

/** Agreement of a predicted partition of items with the true one. */
export interface PartitionScore {
  items: number;
  trueClusters: number;
  predictedClusters: number;
  /** Share of items in a predicted cluster that is paired with their true cluster; see matchedAccuracy. */
  matchedAccuracy: number;
  /** Adjusted Rand index (Hubert and Arabie, 1985); see adjustedRandIndex. */
  adjustedRand: number;
  /** True when both partitions are the same up to the names of their clusters. */
  exact: boolean;
  /** |predicted clusters - true clusters|. */
  clusterCountError: number;
}

/**
 * Scores a predicted partition against the true one. Both arrays give one cluster label per
 * item, at the same positions; labels are only compared for equality within one array.
 */
export function scorePartition(
  truth: readonly string[],
  predicted: readonly string[],
): PartitionScore {
  const contingency = buildContingency(truth, predicted);
  return {
    items: contingency.items,
    trueClusters: contingency.trueSizes.length,
    predictedClusters: contingency.predictedSizes.length,
    matchedAccuracy: matchedAccuracy(contingency),
    adjustedRand: adjustedRandIndex(contingency),
    exact: isSamePartition(contingency),
    clusterCountError: Math.abs(contingency.predictedSizes.length - contingency.trueSizes.length),
  };
}

export function buildContingency(
  truth: readonly string[],
  predicted: readonly string[],
): Contingency {
  if (truth.length !== predicted.length) {
    throw new Error(
      `Partitions of different lengths: ${truth.length} and ${predicted.length} items.`,
    );
  }

  const trueIndex = new Map<string, number>();
  const predictedIndex = new Map<string, number>();
  const cells: number[][] = [];
  const predictedSizes: number[] = [];
  const trueSizes: number[] = [];
  for (let item = 0; item < truth.length; item++) {
    const t = indexOf(trueIndex, truth[item] as string);
    const p = indexOf(predictedIndex, predicted[item] as string);
    if (t === trueSizes.length) trueSizes.push(0);
    if (p === predictedSizes.length) {
      predictedSizes.push(0);
      cells.push([]);
    }

    const row = cells[p] as number[];
    row[t] = (row[t] ?? 0) + 1;
    trueSizes[t] = (trueSizes[t] as number) + 1;
    predictedSizes[p] = (predictedSizes[p] as number) + 1;
  }

  const dense = cells.map((row) => Array.from({ length: trueSizes.length }, (_, t) => row[t] ?? 0));
  return { cells: dense, predictedSizes, trueSizes, items: truth.length };
}

function indexOf(indexes: Map<string, number>, label: string): number {
  let index = indexes.get(label);
  if (index === undefined) {
    index = indexes.size;
    indexes.set(label, index);
  }
  return index;
}

/**
 * Pairs predicted clusters with true clusters one to one so that the most items agree (the
 * Hungarian method), and returns the share of items in a paired cell. A predicted cluster left
 * without a partner, because there are more predicted than true clusters, counts as wrong for
 * all its items, and so does a true cluster left without one. No items scores 1.
 */
export function matchedAccuracy(contingency: Contingency): number {
  if (contingency.items === 0) return 1;

  const pairing = matchMaxWeight(contingency.cells);
  let agreeing = 0;
  pairing.forEach((t, p) => {
    if (t >= 0) agreeing += contingency.cells[p]?.[t] ?? 0;
  });
  return agreeing / contingency.items;
}

/**
 * Returns the adjusted Rand index: the share of item pairs both partitions put together or
 * apart, corrected for chance so that 1 is the same partition and random labels score about
 * 0 (it can be negative). Edge cases, where the formula divides by zero, score 1 because the
 * partitions are then equal: fewer than two items, or both partitions one cluster, or both all
 * singletons.
 */
export function adjustedRandIndex(contingency: Contingency): number {
  const { items } = contingency;
  if (items < 2) return 1;

  const together = sum(contingency.cells.flat().map(pairs));
  const predictedPairs = sum(contingency.predictedSizes.map(pairs));
  const truePairs = sum(contingency.trueSizes.map(pairs));
  const expected = (predictedPairs * truePairs) / pairs(items);
  const maximum = (predictedPairs + truePairs) / 2;
  if (maximum === expected) return 1;
  return (together - expected) / (maximum - expected);
}

/** Returns true when every predicted cluster is exactly one true cluster. */
export function isSamePartition(contingency: Contingency): boolean {
  const { predictedSizes, trueSizes } = contingency;
  if (predictedSizes.length !== trueSizes.length) return false;
  return contingency.cells.every((row) => row.filter((count) => count > 0).length === 1);
}

function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
