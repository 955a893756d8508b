import { homedir } from 'node:os';
import path from 'node:path';

import type { GitConfig } from './config.js';

/**
 * Finds the user-wide attributes file that git 2.39 reads below every `.gitattributes`. It is
 * `core.attributesFile` with a leading `~/` expanded, when that is set. Otherwise it is
 * `$XDG_CONFIG_HOME/git/attributes`, or `~/.config/git/attributes` when XDG_CONFIG_HOME is unset
 * or empty. The file need not exist, and HOME comes from `env`, as git reads it. A relative
 * core.attributesFile is read from `base`, the worktree root (the git directory of a bare
 * repository), because git reads it after changing to that folder.
 * NOTE: `~user/` in core.attributesFile is not expanded, so that file is not found.
 */
export function findGlobalAttributesFile(
  config: GitConfig,
  env: NodeJS.ProcessEnv,
  base: string,
): string {
  const home = env['HOME'] ?? homedir();
  const configured = config.get('core.attributesFile');
  if (configured) return path.resolve(base, expandHome(configured, home));

  const configHome = env['XDG_CONFIG_HOME'] || path.join(home, '.config');
  return path.join(configHome, 'git', 'attributes');
}

function expandHome(file: string, home: string): string {
  if (file === '~') return home;
  return file.startsWith('~/') ? path.join(home, file.slice(2)) : file;
}
