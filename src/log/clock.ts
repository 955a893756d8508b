/**
 * Returns milliseconds since an arbitrary start, to measure how long a step took. It reads
 * `process.hrtime()` because the global `performance` loads node's perf_hooks module (a dozen
 * internal modules, about 0.5 ms) on first use, and every hook run times its stages.
 */
export function nowMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1000 + nanoseconds / 1e6;
}
