import type { Clustering } from './clustering.js';
import { findCycles } from './cycles.js';
import type { Requirement } from './requirements.js';

/**
 * Joins clusters that require each other in a cycle (two new files importing each other,
 * possibly through others), because no order of separate commits satisfies a cycle. Only
 * certain requirements count; a guessed one that closes a cycle is dropped when ordering.
 */
export function joinRequirementCycles(
  clustering: Clustering,
  requirements: readonly Requirement[],
): void {
  const roots = [...new Set(clustering.clusters().map((members) => members[0] as number))];
  const position = new Map(roots.map((root, index) => [root, index]));
  const edges: number[][] = roots.map(() => []);

  for (const requirement of requirements) {
    if (!requirement.certain) continue;
    const from = position.get(clustering.find(requirement.from));
    const to = position.get(clustering.find(requirement.to));
    if (from !== undefined && to !== undefined && from !== to) edges[from]?.push(to);
  }

  for (const cycle of findCycles(roots.length, edges)) {
    const [first, ...rest] = cycle.map((index) => roots[index] as number);
    for (const root of rest) {
      clustering.join(root, first as number, { kind: 'import', weight: 1 });
    }
  }
}
