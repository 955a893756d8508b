import { agglomerate } from './agglomerate.js';
import { Clustering, type Join } from './clustering.js';
import { joinLeftovers } from './leftovers.js';
import { LinkGraph } from './link-graph.js';
import { scorePairs } from './pair-scores.js';
import { weighUnitWords } from './relations/text-similarity.js';
import { folderOf } from './paths.js';
import { compareJoins } from './rationale.js';
import { isNewPath, type AnalysisContext, type Link } from './relations/context.js';
import { joinRequirementCycles } from './requirement-cycles.js';
import type { Requirement } from './requirements.js';
import type { Mode, RelationKind } from './types.js';
import { unitSize } from './units.js';
import { evidence } from './weights.js';

/** Links below this weight, or of kinds that count against joining, never name a tie. */
const MIN_NAMED_WEIGHT = 0.3;

/**
 * Links that join their units before anything else, at or above BINDING_WEIGHT: one rename
 * made in many places, and a manifest with its lockfile, are never split.
 */
const BINDING_KINDS: ReadonlySet<RelationKind> = new Set(['rename', 'manifest-lockfile']);
const BINDING_WEIGHT = 0.95;

/** Changed lines at or below which a loose hunk is a leftover that joins a nearby batch. */
const MAX_LEFTOVER_LINES: Record<Mode, number> = {
  conservative: 2,
  balanced: 1,
  aggressive: 0,
};

/**
 * Names the tie between two clusters: the strongest link between their units, else what their
 * paths share.
 */
function describeTie(
  context: AnalysisContext,
  graph: LinkGraph,
  a: readonly number[],
  b: readonly number[],
): Join {
  const inB = new Set(b);
  let best: Join | null = null;
  for (const unit of a) {
    for (const [other, links] of graph.linksOf(unit)) {
      if (!inB.has(other)) continue;
      for (const found of links) {
        const join = { kind: found.kind, weight: found.weight };
        const nameable = join.weight >= MIN_NAMED_WEIGHT && evidence[join.kind] > 0;
        if (nameable && (!best || compareJoins(join, best) < 0)) best = join;
      }
    }
  }
  if (best) return best;

  const pathsOf = (units: readonly number[]) =>
    units.map((unit) => context.units[unit]?.path ?? '');
  const pathsA = pathsOf(a);
  const pathsB = pathsOf(b);
  const shares = (key: (path: string) => string) => {
    const keys = new Set(pathsA.map(key));
    return pathsB.some((path) => keys.has(key(path)));
  };
  if (shares((path) => path)) return { kind: 'same-file', weight: 0 };
  if (shares(folderOf)) return { kind: 'same-folder', weight: 0 };
  if (shares((path) => path.split('/')[0] ?? '')) return { kind: 'same-area', weight: 0 };
  return { kind: 'unseparated', weight: 0 };
}

/**
 * Returns the pairs of a new file and each unit of a file that imports it, keyed as scorePairs
 * reads them. Aggressive mode keeps them apart, so a new module and its first caller become
 * two batches that the import orders, unless other edits tie them.
 */
function newFileUses(context: AnalysisContext, requirements: readonly Requirement[]): Set<number> {
  const count = context.units.length;
  const pairs = new Set<number>();
  for (const requirement of requirements) {
    const target = context.units[requirement.to];
    const user = context.units[requirement.from];
    if (!requirement.certain || requirement.removes || !target || !user) continue;
    if (!isNewPath(target.file) || user.path === target.path) continue;
    for (const unit of context.unitsOfPath.get(user.path) ?? []) {
      const [a, b] =
        unit.index < target.index ? [unit.index, target.index] : [target.index, unit.index];
      pairs.add(a * count + b);
    }
  }
  return pairs;
}

/**
 * Partitions the units into clusters, each a batch:
 * 1. Binding links (a rename, a manifest and its lockfile) join their units.
 * 2. Clusters join while the evidence that they are one commit outweighs the evidence against.
 * 3. Small leftovers join the most linked cluster of the same concern.
 * 4. Clusters that require each other in a cycle become one.
 */
export function partitionUnits(
  context: AnalysisContext,
  links: readonly Link[],
  requirements: readonly Requirement[],
  mode: Mode,
): Clustering {
  const clustering = new Clustering(context.units.length);
  const graph = new LinkGraph(links);

  for (const found of links) {
    if (BINDING_KINDS.has(found.kind) && found.weight >= BINDING_WEIGHT) {
      clustering.join(found.a, found.b, { kind: found.kind, weight: found.weight });
    }
  }

  const sizes = context.units.map((unit) => Math.sqrt(unitSize(unit)));
  const describe = (a: readonly number[], b: readonly number[]) =>
    describeTie(context, graph, a, b);
  const apart = mode === 'aggressive' ? newFileUses(context, requirements) : new Set<number>();
  const scores = scorePairs(context, links, mode, apart);
  agglomerate(clustering, scores, sizes, describe, weighUnitWords(context));
  joinLeftovers(clustering, graph, context.units, context.features, MAX_LEFTOVER_LINES[mode]);
  joinRequirementCycles(clustering, requirements);
  return clustering;
}
