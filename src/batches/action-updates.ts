import type { FileContent } from '../footprint/types.js';
import type { BatchPart } from './batch-parts.js';
import type { DependencyChange } from './manifest-changes.js';

/**
 * A workflow step that runs an action at a ref, with an optional comment after it:
 * `- uses: actions/checkout@v4`, or a pinned commit as `uses: owner/action@<sha> # v4.1.1`.
 */
const USES_LINE = /^\s*(?:-\s+)?uses:\s*(['"]?)([\w.-]+\/[\w./-]+)@([\w.-]+)\1\s*(?:#\s*(\S+).*)?$/;

/** Categories of files whose `uses:` lines an update of actions changes. */
const UPDATED_CATEGORIES: ReadonlySet<string> = new Set(['ci', 'docs']);

/** An action and the ref a step runs it at, with the version a comment gives a pinned ref. */
interface ActionRef {
  name: string;
  version: string;
}

/** Renovate's older pin comment names the tag as `tag=v4.1.1`. */
const TAG_PREFIX = /^tag=/;

function readActionRef(line: string): ActionRef | null {
  const match = USES_LINE.exec(line);
  if (!match) return null;
  const [, , name = '', ref = '', comment] = match;
  return { name, version: comment?.replace(TAG_PREFIX, '') ?? ref };
}

/**
 * Returns the actions whose refs the parts of a batch change, as dependency changes, or null
 * when an edit changes anything but the refs of `uses:` steps, or no part is a CI file. This is
 * what Dependabot and Renovate commit for the GitHub Actions a workflow uses. Renovate also
 * updates the same lines in docs that show a workflow, so docs parts may take part.
 */
export function readActionUpdates(
  parts: readonly BatchPart[],
  content: ReadonlyMap<string, FileContent>,
): DependencyChange[] | null {
  if (!parts.some((part) => part.file.category === 'ci')) return null;
  const versions = new Map<string, string>();
  for (const part of parts) {
    if (!UPDATED_CATEGORIES.has(part.file.category) || part.file.status !== 'modified') return null;
    const hunks = content.get(part.file.path)?.hunks;
    if (hunks === undefined) return null;

    for (const index of part.hunks) {
      const hunk = hunks[index];
      if (hunk === undefined || hunk.added.length !== hunk.removed.length) return null;
      for (let line = 0; line < hunk.added.length; line += 1) {
        const added = readActionRef(hunk.added[line] ?? '');
        const removed = readActionRef(hunk.removed[line] ?? '');
        if (added === null || removed === null || added.name !== removed.name) return null;
        if (!versions.has(added.name)) versions.set(added.name, added.version);
      }
    }
  }
  if (versions.size === 0) return null;
  return [...versions].map(([name, version]) => ({ name, kind: 'changed', version }));
}
