import { createDebug } from '../log/debug.js';
import { readMergeHeads } from './merge-heads.js';
import { decodeGitPath } from './path-bytes.js';
import { runGit } from './run-git.js';
import type { RepositoryLayout } from './types.js';

const debug = createDebug('git');

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * Returns the staged paths whose staged entry equals the one in the merged commit's tree:
 * files a merge takes as they are from the branch being merged, whose content that branch
 * already committed. The merged commit is read by readMergeHeads, with the hook's `env`.
 * Returns an empty set outside a merge, for an octopus merge, and when git fails, so that
 * every file is then checked.
 */
export async function readPathsFromMergeHead(
  layout: RepositoryLayout,
  env: NodeJS.ProcessEnv,
  stagedPaths: readonly string[],
): Promise<Set<string>> {
  const heads = await readMergeHeads(layout, env);
  const [head] = heads;
  if (heads.length !== 1 || head === undefined || !OID.test(head)) return new Set();

  let output: Buffer;
  try {
    output = await runGit(layout, ['diff', '--cached', '--name-only', '-z', '--no-renames', head]);
  } catch (error) {
    debug(`paths that differ from the merged commit ${head} not read: ${String(error)}`);
    return new Set();
  }
  const differing = new Set<string>();
  let start = 0;
  for (let end = output.indexOf(0, start); end !== -1; end = output.indexOf(0, start)) {
    differing.add(decodeGitPath(output, start, end));
    start = end + 1;
  }
  return new Set(stagedPaths.filter((stagedPath) => !differing.has(stagedPath)));
}
