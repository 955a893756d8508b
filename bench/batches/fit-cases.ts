import { buildAnalysisContext } from '../../src/batches/build-context.js';
import { comparePaths } from '../../src/batches/paths.js';
import type { AnalysisContext, Link } from '../../src/batches/relations/context.js';
import { findLinks } from '../../src/batches/relations/index.js';
import { findRequirements, type Requirement } from '../../src/batches/requirements.js';
import { TreeRepository } from '../../src/footprint/from-trees.js';
import { parseCommit } from '../../src/git/objects/tree.js';
import { findComposites, overlapsTaken, shuffleComposites } from '../untangle/composites.js';
import type { Composite } from '../untangle/composites.js';
import { attributeChanges } from '../untangle/ground-truth.js';
import { readFirstParentHistory } from '../untangle/history.js';
import { traceLineHistory } from '../untangle/line-history.js';

/** One composite change, analyzed up to the links, with the true commit of each changed line. */
export interface FitCase {
  repo: string;
  context: AnalysisContext;
  links: Link[];
  requirements: Requirement[];
  /** The unit of each changed line, in the order of `truth`. */
  lineUnits: number[];
  /** The commit of each changed line. */
  truth: string[];
}

const MAX_HUNKS = 200;
const MAX_DIFF_BYTES = 1024 * 1024;

async function readTrees(repository: TreeRepository, composite: Composite): Promise<string[]> {
  const trees: string[] = [];
  for (const oid of [composite.base, ...composite.commits.map((commit) => commit.oid)]) {
    trees.push(parseCommit((await repository.objects.read(oid)).content).tree);
  }
  return trees;
}

/** Analyzes one composite up to the links and labels its lines, or returns null to skip it. */
async function buildCase(
  repository: TreeRepository,
  repo: string,
  composite: Composite,
): Promise<FitCase | null> {
  const trees = await readTrees(repository, composite);
  const input = await repository.buildFootprint({
    baseTree: trees[0] as string,
    targetTree: trees[trees.length - 1] as string,
    maxDiffBytes: MAX_DIFF_BYTES,
    head: { oid: composite.base, ref: null, detached: true },
  });
  if (input.footprint.totals.hunks > MAX_HUNKS) return null;

  const history = await traceLineHistory({
    objects: repository.objects,
    renames: repository.renames,
    trees,
    maxDiffBytes: MAX_DIFF_BYTES,
  });
  const truth = attributeChanges(input.footprint, history, composite.commits.length);
  if (truth.lines.length === 0) return null;

  const files = [...input.footprint.files].sort((a, b) => comparePaths(a.path, b.path));
  const context = buildAnalysisContext(files, input.content, undefined);
  const unitOfHunk = new Map<string, number>();
  for (const unit of context.units) {
    for (const hunk of unit.hunks) unitOfHunk.set(`${unit.path}\0${hunk}`, unit.index);
  }
  const lineUnits = truth.lines.map((line) => {
    const path = input.footprint.files[line.file]?.path ?? '';
    return unitOfHunk.get(`${path}\0${line.hunk}`) ?? -1;
  });
  return {
    repo,
    context,
    links: findLinks(context),
    requirements: findRequirements(context),
    lineUnits,
    truth: truth.lines.map((line) => String(line.commit)),
  };
}

/**
 * Builds up to `count` composites of each size from a repository's history, chosen as the
 * untangling benchmark chooses them, and analyzes each up to the links.
 */
export async function buildFitCases(
  repo: string,
  sizes: readonly number[],
  count: number,
  seed: number,
): Promise<FitCase[]> {
  const history = readFirstParentHistory(repo, 'HEAD');
  const repository = await TreeRepository.open({ cwd: repo, env: process.env });
  const cases: FitCase[] = [];
  try {
    for (const size of sizes) {
      const taken = new Set<string>();
      let built = 0;
      for (const composite of shuffleComposites(
        findComposites(history, size),
        seed * 1000 + size,
      )) {
        if (built >= count) break;
        if (overlapsTaken(composite, taken)) continue;
        const found = await buildCase(repository, repo, composite).catch(() => null);
        if (!found) continue;
        for (const commit of composite.commits) taken.add(commit.oid);
        cases.push(found);
        built += 1;
      }
    }
  } finally {
    repository.close();
  }
  return cases;
}
