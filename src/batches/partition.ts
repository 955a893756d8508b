import { Agglomeration } from './agglomerate.js';
import { Clustering, type Join } from './clustering.js';
import { joinLeftovers } from './leftovers.js';
import { keepApart, scorePairs } from './pair-scores.js';
import { compareUnitWords } from './relations/text-similarity.js';
import { folderOf } from './paths.js';
import { isNewPath, type AnalysisContext, type Link } from './relations/context.js';
import { testTargetOf } from './relations/test-source.js';
import { joinLoneReleaseNotes, releaseNotePairs } from './release-notes.js';
import { joinRequirementCycles } from './requirement-cycles.js';
import type { Requirement } from './requirements.js';
import { scoreStability } from './stable-scores.js';
import type { Mode, RelationKind } from './types.js';
import { unitSize } from './units.js';
import { evidence, weights } from './weights.js';

/** Links below this weight, or of kinds that count against joining, never name a tie. */
const MIN_NAMED_WEIGHT = 0.3;

/**
 * Links that join their units before anything else, at or above BINDING_WEIGHT: one rename
 * made in many places, the same edit made in many hunks, a manifest with its lockfile, a
 * submodule with its `.gitmodules` entry, a file with the files that replace it as a folder
 * (or the reverse), and a new package's manifest with its files are never split.
 */
const BINDING_KINDS: ReadonlySet<RelationKind> = new Set([
  'rename',
  'similar-edit',
  'manifest-lockfile',
  'submodule',
  'file-folder',
  'new-package',
]);
const BINDING_WEIGHT = 0.95;

/**
 * Changed lines at or below which a loose hunk is a leftover that joins a nearby batch. White
 * space and spelling fixes are leftovers in every mode. Balanced mode used to join one-line
 * hunks too. A one-line hunk that no pair score joins to a batch often comes from another
 * commit, so on the untangling benchmark that lowered the adjusted Rand index.
 */
const MAX_LEFTOVER_LINES: Record<Mode, number> = {
  conservative: 2,
  balanced: 0,
  aggressive: 0,
};

/** Names what the paths of a cluster's units share, for a cluster that no link names. */
function locationJoin(context: AnalysisContext, members: readonly number[]): Join {
  const paths = members.map((unit) => context.units[unit]?.path ?? '');
  const repeats = (key: (path: string) => string) => new Set(paths.map(key)).size < paths.length;
  if (repeats((path) => path)) return { kind: 'same-file', weight: 0 };
  if (repeats(folderOf)) return { kind: 'same-folder', weight: 0 };
  if (repeats((path) => path.split('/')[0] ?? '')) return { kind: 'same-area', weight: 0 };
  return { kind: 'unseparated', weight: 0 };
}

/**
 * Lists the ties that hold each cluster together, for its rationale: the joins recorded while
 * partitioning (a rename, a leftover), the links between its units that count for joining,
 * and else what their paths share. Links of a leftover are not named: they only chose its
 * batch, and its leftover join explains why it is there.
 */
function describeClusters(
  context: AnalysisContext,
  links: readonly Link[],
  clustering: Clustering,
  clusters: readonly number[][],
  leftovers: ReadonlySet<number>,
): Join[][] {
  const position = new Map(clusters.map((members, index) => [members[0] ?? 0, index]));
  const joins = clusters.map((members) =>
    clustering.joinsOf(members[0] ?? 0).filter((join) => join.kind !== 'unseparated'),
  );
  for (const found of links) {
    const root = clustering.find(found.a);
    if (root !== clustering.find(found.b)) continue;
    if (found.weight < MIN_NAMED_WEIGHT || evidence[found.kind] <= 0) continue;
    if (leftovers.has(found.a) || leftovers.has(found.b)) continue;
    joins[position.get(root) ?? 0]?.push({ kind: found.kind, weight: found.weight });
  }
  return joins.map((list, index) => {
    const members = clusters[index] ?? [];
    if (list.length > 0 || members.length < 2) return list;
    return [locationJoin(context, members)];
  });
}

/**
 * Returns the pairs of a new file and each unit of a file that imports it, keyed as scorePairs
 * reads them. Aggressive mode keeps them apart, so a new module and its first caller become
 * two batches that the import orders, unless other edits tie them. A test that imports the
 * new file is not a caller, so it may still join the module it tests.
 */
function newFileUses(context: AnalysisContext, requirements: readonly Requirement[]): Set<number> {
  const count = context.units.length;
  const pairs = new Set<number>();
  for (const requirement of requirements) {
    const target = context.units[requirement.to];
    const user = context.units[requirement.from];
    if (!requirement.certain || requirement.removes || !target || !user) continue;
    if (!isNewPath(target.file) || user.path === target.path) continue;
    if (testTargetOf(user.file) !== null) continue;
    for (const unit of context.unitsOfPath.get(user.path) ?? []) {
      const [a, b] =
        unit.index < target.index ? [unit.index, target.index] : [target.index, unit.index];
      pairs.add(a * count + b);
    }
  }
  return pairs;
}

/**
 * Joins the batches that make the same small edit, such as one version bump in the manifests
 * of several packages. The prior for files of different packages keeps such units apart
 * while the batches form, yet batches still linked this way came from one commit in 88% of
 * 177 cases on the untangling benchmark. Raising the link's evidence or binding it before
 * the batches form scored lower there. Pairs kept apart, such as two release notes, stay
 * apart.
 * NOTE: the same small edit made in two unrelated features, such as one constant raised in
 * both, joins them too. Requiring the edit to be most of one batch cost 0.5 points of median
 * accuracy on the benchmark.
 */
function joinSimilarEdits(
  clustering: Clustering,
  links: readonly Link[],
  apart: ReadonlySet<number>,
): void {
  const count = clustering.size;
  for (const found of links) {
    if (found.kind !== 'similar-edit' || found.weight < weights.similarEdit) continue;
    const key = Math.min(found.a, found.b) * count + Math.max(found.a, found.b);
    if (!apart.has(key))
      clustering.join(found.a, found.b, { kind: found.kind, weight: found.weight });
  }
}

/** Joins the units of each binding link, which no later step separates. */
function joinBindingLinks(clustering: Clustering, links: readonly Link[]): Clustering {
  for (let index = 0; index < links.length; index += 1) {
    const found = links[index] as Link;
    if (BINDING_KINDS.has(found.kind) && found.weight >= BINDING_WEIGHT) {
      clustering.join(found.a, found.b, { kind: found.kind, weight: found.weight });
    }
  }
  return clustering;
}

/**
 * Units above which the partition agglomerates the pair scores once, without scoreStability:
 * its three extra runs nearly doubled the time of a 931-hunk change (bench/batches/scaling.ts).
 * NOTE: a change this large is therefore partitioned a little differently from a smaller one.
 */
const MAX_STABLE_UNITS = 300;

/** Units grouped into batches, in order of their first unit, with the ties of each. */
export interface Partition {
  clusters: number[][];
  joins: Join[][];
}

/** A clustering of the units and the leftovers it joined to a batch. */
interface Cut {
  clustering: Clustering;
  leftovers: ReadonlySet<number>;
}

/** Pair score of two units that the balanced batches keep apart: no sum of others outweighs it. */
const OUTSIDE_BATCH = -1e6;

/** Sets the score of every pair that `outer` keeps apart to OUTSIDE_BATCH. */
function keepInside(scores: Float64Array, outer: Clustering): Float64Array {
  const count = outer.size;
  const roots = Array.from({ length: count }, (_, unit) => outer.find(unit));
  for (let a = 0; a < count; a += 1) {
    for (let b = a + 1; b < count; b += 1) {
      if (roots[a] === roots[b]) continue;
      scores[a * count + b] = OUTSIDE_BATCH;
      scores[b * count + a] = OUTSIDE_BATCH;
    }
  }
  return scores;
}

/**
 * Cuts the units into clusters in one mode (see partitionUnits). `balanced` is the balanced
 * clustering in the other modes, and null in balanced mode.
 */
function cutUnits(
  context: AnalysisContext,
  links: readonly Link[],
  requirements: readonly Requirement[],
  mode: Mode,
  balanced: Clustering | null,
): Cut {
  const count = context.units.length;
  const inside = mode === 'aggressive' ? balanced : null;
  const bound = () =>
    mode === 'conservative' && balanced
      ? balanced.copy()
      : joinBindingLinks(new Clustering(count, inside), links);
  const clustering = bound();

  const sizes = context.units.map((unit) => Math.sqrt(unitSize(unit)));
  const apart = mode === 'aggressive' ? newFileUses(context, requirements) : new Set<number>();
  for (const pair of releaseNotePairs(context.units)) apart.add(pair);
  const scores = scorePairs(context, links, mode, apart);
  if (inside) keepInside(scores, inside);
  const agglomeration = new Agglomeration(clustering, sizes, compareUnitWords(context));
  let stable =
    count <= MAX_STABLE_UNITS
      ? keepApart(scoreStability(scores, agglomeration, bound), apart)
      : scores;
  if (inside && stable !== scores) stable = keepInside(stable, inside);
  agglomeration.run(clustering, stable);
  joinSimilarEdits(clustering, links, apart);
  joinLoneReleaseNotes(clustering, context.units, scores);
  const leftovers = joinLeftovers(
    clustering,
    links,
    context.units,
    context.features,
    MAX_LEFTOVER_LINES[mode],
  );
  joinRequirementCycles(clustering, requirements);
  return { clustering, leftovers };
}

/**
 * Partitions the units into clusters, each a batch:
 * 1. Binding links (a rename, a manifest and its lockfile) join their units.
 * 2. Clusters join while the evidence that they are one commit outweighs the evidence against,
 *    judged on pair scores that measure how steadily two units share a batch (scoreStability).
 *    New release notes stay apart from each other.
 * 3. Clusters that make the same small edit join, and each cluster of release notes alone
 *    joins the cluster it scores highest with (see joinLoneReleaseNotes).
 * 4. Small leftovers join the most linked cluster of the same concern.
 * 5. Clusters that require each other in a cycle become one.
 *
 * The modes nest: conservative mode runs these steps from the balanced batches and only joins
 * them, and aggressive mode runs them inside the balanced batches and only splits them.
 * NOTE: release notes join their release after this (joinReleaseNotes in release.ts), so a
 * mode that splits a release from other code may give the notes to another batch.
 */
export function partitionUnits(
  context: AnalysisContext,
  links: readonly Link[],
  requirements: readonly Requirement[],
  mode: Mode,
): Partition {
  const balanced = cutUnits(context, links, requirements, 'balanced', null);
  const cut =
    mode === 'balanced'
      ? balanced
      : cutUnits(context, links, requirements, mode, balanced.clustering);
  const { clustering } = cut;
  const leftovers =
    mode === 'conservative' ? new Set([...balanced.leftovers, ...cut.leftovers]) : cut.leftovers;
  const clusters = clustering.clusters();
  return { clusters, joins: describeClusters(context, links, clustering, clusters, leftovers) };
}
