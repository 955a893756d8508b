import { existsSync } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../errors.js';
import { createDebug } from '../log/debug.js';

const debug = createDebug('init');

/** Name of the lock file that `footprint init` creates in a hooks folder while it writes there. */
export const HOOKS_LOCK_NAME = 'footprint-init.lock';

/** Time to wait for another init to release the lock, in milliseconds. An init takes far less. */
const LOCK_WAIT_MS = 10_000;
const LOCK_POLL_MS = 25;

/**
 * Runs `action` while holding `<dir>/footprint-init.lock`, created with O_EXCL as git creates
 * its `.lock` files, and removes the lock afterwards. Concurrent inits in one hooks folder
 * thus run one after the other, so none of them reads a hook that another is replacing. Waits
 * up to 10 seconds for the lock, then throws a UserError naming it. `create` makes a missing
 * folder first, else a missing folder runs `action` without a lock, as nothing is in it.
 */
export async function withHooksLock<T>(
  dir: string,
  /** `waitMs` shortens the wait, for tests. */
  options: { create: boolean; waitMs?: number },
  action: () => Promise<T>,
): Promise<T> {
  if (!existsSync(dir)) {
    if (!options.create) return action();
    await mkdir(dir, { recursive: true });
  }
  const lock = path.join(dir, HOOKS_LOCK_NAME);
  await acquireLock(lock, options.waitMs ?? LOCK_WAIT_MS);
  try {
    return await action();
  } finally {
    await rm(lock, { force: true });
  }
}

async function acquireLock(lock: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (Date.now() >= deadline) throw lockedError(lock, waitMs);
    debug(`${lock} exists, waiting for the other init`);
    await sleep(LOCK_POLL_MS + Math.floor(Math.random() * LOCK_POLL_MS));
  }
}

function lockedError(lock: string, waitMs: number): UserError {
  return new UserError(
    `${lock} exists, so another footprint init is changing the hooks in ${path.dirname(lock)}, ` +
      `and it did not finish within ${waitMs / 1000} seconds. If no init is running, ` +
      `an earlier one was stopped: delete ${lock} and run \`footprint init\` again.`,
  );
}
