/**
 * Steps of a commit run where the FOOTPRINT_TEST_KILL_AT test hook stops the process. `objects`
 * is once half of the new objects are written, and `lock` is while the ref's lock file contains
 * the new value. `logged` is after the reflog lines are appended and before the rename, and
 * `renamed` is right after the lock is renamed over the ref.
 */
export type KillPoint = 'objects' | 'lock' | 'logged' | 'renamed';

/** Environment variable of the test hook; fault-injection tests set it, nothing else should. */
export const KILL_AT_VARIABLE = 'FOOTPRINT_TEST_KILL_AT';

/**
 * Kills the process with SIGKILL when FOOTPRINT_TEST_KILL_AT names `point`, so tests can check
 * that a run killed there leaves the repository as before or as after. SIGKILL cannot be
 * caught, so no cleanup runs, as after `kill -9`.
 */
export function killAt(point: KillPoint, env: NodeJS.ProcessEnv): void {
  if (env[KILL_AT_VARIABLE] !== point) return;

  process.kill(process.pid, 'SIGKILL');
  // The signal is delivered before kill(2) returns; this wait only guarantees that no further
  // step runs if delivery were ever late.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
}
