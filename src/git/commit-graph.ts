import { runGit } from './run-git.js';
import type { RepositoryLayout } from './types.js';

/** A commit of a graph read with `git rev-list --parents`: its id and its parents' ids. */
export interface GraphCommit {
  oid: string;
  parents: string[];
}

/**
 * Lists the commits reachable from `head` and not from `exclude` (every commit reachable from
 * `head` when `exclude` is null), parents before their children.
 */
export async function readCommitGraph(
  layout: RepositoryLayout,
  head: string,
  exclude: string | null,
): Promise<GraphCommit[]> {
  const args = ['rev-list', '--topo-order', '--reverse', '--parents', head];
  if (exclude !== null) args.push(`^${exclude}`);
  const output = (await runGit(layout, args)).toString('latin1');
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [oid = '', ...parents] = line.split(' ');
      return { oid, parents };
    });
}

/**
 * Returns the commits reachable from `right` and not from `left` that make the same change as
 * a commit reachable from `left` and not from `right` (the same `git patch-id`), as a rebase
 * leaves them. Merges are left out.
 */
export async function listPatchEquivalents(
  layout: RepositoryLayout,
  left: string,
  right: string,
): Promise<Set<string>> {
  const args = ['rev-list', '--cherry-mark', '--right-only', '--no-merges', `${left}...${right}`];
  const output = (await runGit(layout, args)).toString('latin1');
  const equivalent = output
    .split('\n')
    .filter((line) => line.startsWith('='))
    .map((line) => line.slice(1).trim());
  return new Set(equivalent);
}

/** Reads the subject line of each commit, by id. */
export async function readSubjects(
  layout: RepositoryLayout,
  oids: readonly string[],
): Promise<Map<string, string>> {
  if (oids.length === 0) return new Map();
  const args = ['show', '-s', '--no-walk=unsorted', '--format=%H %s', ...oids];
  const output = (await runGit(layout, args)).toString('utf8');
  const subjects = new Map<string, string>();
  for (const line of output.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) subjects.set(line.slice(0, space), line.slice(space + 1));
  }
  return subjects;
}
