/**
 * Pairs rows with columns so that the sum of the paired weights is as large as possible (the
 * assignment problem), with the Hungarian method in O(n^3) for n = max(rows, columns). The
 * matrix may be rectangular: it is padded with zero weights to a square. Returns, for each
 * row, its column, or -1 when the row is paired with padding.
 */
export function matchMaxWeight(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length;
  const columns = Math.max(0, ...weights.map((row) => row.length));
  const size = Math.max(rows, columns);
  if (size === 0) return [];

  // Minimising the negated weights maximises the weights; padding costs 0.
  const cost = (row: number, column: number): number => -(weights[row]?.[column] ?? 0);
  const columnOfRow = assignMinCost(size, cost);
  return columnOfRow.slice(0, rows).map((column) => (column < columns ? column : -1));
}

/**
 * Solves the square assignment problem by shortest augmenting paths with row and column
 * potentials (the Jonker-Volgenant form of the Hungarian method). Indexes are 1-based inside,
 * with 0 a virtual column that starts each augmentation.
 */
function assignMinCost(size: number, cost: (row: number, column: number) => number): number[] {
  const rowPotential = new Float64Array(size + 1);
  const columnPotential = new Float64Array(size + 1);
  const rowOfColumn = new Int32Array(size + 1);
  const previousColumn = new Int32Array(size + 1);

  for (let row = 1; row <= size; row++) {
    rowOfColumn[0] = row;
    const minSlack = new Float64Array(size + 1).fill(Infinity);
    const visited = new Uint8Array(size + 1);
    let column = 0;

    // Grow a tree of tight edges from `row` until it reaches a free column.
    do {
      visited[column] = 1;
      const currentRow = rowOfColumn[column] as number;
      let delta = Infinity;
      let nextColumn = 0;
      for (let candidate = 1; candidate <= size; candidate++) {
        if (visited[candidate]) continue;
        const slack =
          cost(currentRow - 1, candidate - 1) -
          (rowPotential[currentRow] as number) -
          (columnPotential[candidate] as number);
        if (slack < (minSlack[candidate] as number)) {
          minSlack[candidate] = slack;
          previousColumn[candidate] = column;
        }
        if ((minSlack[candidate] as number) < delta) {
          delta = minSlack[candidate] as number;
          nextColumn = candidate;
        }
      }
      for (let candidate = 0; candidate <= size; candidate++) {
        if (visited[candidate]) {
          const matched = rowOfColumn[candidate] as number;
          rowPotential[matched] = (rowPotential[matched] as number) + delta;
          columnPotential[candidate] = (columnPotential[candidate] as number) - delta;
        } else {
          minSlack[candidate] = (minSlack[candidate] as number) - delta;
        }
      }
      column = nextColumn;
    } while (rowOfColumn[column] !== 0);

    // Flip the matched and unmatched edges along the path back to the virtual column.
    do {
      const previous = previousColumn[column] as number;
      rowOfColumn[column] = rowOfColumn[previous] as number;
      column = previous;
    } while (column !== 0);
  }

  const columnOfRow = new Array<number>(size).fill(-1);
  for (let column = 1; column <= size; column++) {
    const row = rowOfColumn[column] as number;
    if (row > 0) columnOfRow[row - 1] = column - 1;
  }
  return columnOfRow;
}
