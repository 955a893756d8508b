import { createDebug } from '../log/debug.js';

const debug = createDebug('cli');

/**
 * Reads `failClosed` from the repository's configuration after a crash. Returns false, the
 * default, when the configuration cannot be read either, so a broken footprint does not
 * also block every commit.
 */
export async function readFailClosed(cwd: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    const { discoverRepository } = await import('../git/discover.js');
    const { loadConfig } = await import('../config/load.js');
    const layout = await discoverRepository({ cwd, env });
    if (layout.worktree === null) return false;
    const source = await loadConfig(layout.worktree, {});
    return source.config.failClosed;
  } catch (error) {
    debug(
      `failClosed unknown, using false: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}
