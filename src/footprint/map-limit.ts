/**
 * Maps items through an async function with at most `limit` calls in flight, keeping the
 * results in item order. The first rejection rejects the whole map.
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;

  async function work(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  }

  const workers = Array.from({ length: Math.min(limit, items.length) }, () => work());
  await Promise.all(workers);
  return results;
}
