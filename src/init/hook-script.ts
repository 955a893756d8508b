import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The line that marks a hook file as footprint's own, so init recognises it again. */
export const HOOK_MARKER = '# footprint-hook:';

/** File name an existing hook gets when footprint's hook takes its place and runs it first. */
export const CHAINED_HOOK_NAME = 'pre-commit.footprint-chained';

export interface BakedPaths {
  /** Absolute path of footprint's `bin/footprint.js`. */
  footprintBin: string;
  /** Absolute path of the node binary that ran `footprint init`. */
  node: string;
}

/**
 * Renders `hooks/pre-commit` with the paths of the footprint and node that installed it,
 * which the hook uses when neither the repository nor PATH provides them.
 */
export async function renderHookScript(packageRoot: string, baked: BakedPaths): Promise<string> {
  const template = await readFile(path.join(packageRoot, 'hooks', 'pre-commit'), 'utf8');
  return template
    .replace(
      /^installed_footprint=''$/m,
      () => `installed_footprint=${quoteShell(baked.footprintBin)}`,
    )
    .replace(/^installed_node=''$/m, () => `installed_node=${quoteShell(baked.node)}`);
}

/** Quotes a value for POSIX sh: single quotes, with each `'` written as `'\''`. */
export function quoteShell(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
