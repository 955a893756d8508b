import type { FileChange, FootprintWithContent } from '../footprint/types.js';
import type { InProgressOperation } from '../git/types.js';
import { createDebug } from '../log/debug.js';
import { rememberRequirements } from './batch-dependencies.js';
import { removedPublicExports } from './breaking-exports.js';
import { partsOf, toBatchChange, type BatchPart } from './batch-parts.js';
import { buildAnalysisContext } from './build-context.js';
import type { CoChangeModel } from './co-change.js';
import type { Join } from './clustering.js';
import { adoptRepositoryType, chooseCommitType, type TypeChoice } from './commit-type.js';
import { distinguishMessages, messageScope, writeMessage } from './message.js';
import { orderClusters } from './order-clusters.js';
import { choosePackageScopes, type PackageScopes } from './package-scopes.js';
import { partitionUnits } from './partition.js';
import { comparePaths } from './paths.js';
import { writeFileLimitRationale, writeOperationRationale, writeRationale } from './rationale.js';
import { findLinks } from './relations/index.js';
import { joinReleaseNotes } from './release.js';
import { findRequirements } from './requirements.js';
import { chooseBatchScope } from './scope.js';
import { describeEdits, substantiveUnits } from './edit-details.js';
import { describeChange, type EditDetails } from './subject.js';
import type { Batch, BatchAnalysis, CommitType, Mode } from './types.js';
import { MAX_PAIRED_UNITS, type ChangeUnit } from './units.js';
import type { UpdateBots } from './update-bots/load.js';

const debug = createDebug('batches');

/** Operations during which git commits the whole staged change as one; bisect is not one. */
const SINGLE_COMMIT_OPERATIONS: ReadonlySet<InProgressOperation> = new Set([
  'merge',
  'rebase',
  'cherry-pick',
  'revert',
  'am',
]);

/** Options of a batch analysis. */
export interface AnalyzeOptions {
  mode: Mode;
  /** Patterns learned from the repository's history; everything works without them. */
  model?: CoChangeModel;
  /** The Dependabot and Renovate configurations in HEAD's tree (see update-bots/load.ts). */
  updateBots?: UpdateBots;
  /**
   * package.json names of the staged packages whose folder name another staged package shares,
   * by package folder (see package-names.ts). Without them, such packages take their paths.
   */
  packageNames?: ReadonlyMap<string, string>;
}

/** Options of a batch analysis, with the scopes of staged packages that share a name. */
interface DraftOptions extends AnalyzeOptions {
  packageScopes: PackageScopes;
}

/** A batch before ordering gives it an id. */
type DraftBatch = Omit<Batch, 'id' | 'dependsOn'>;

type Content = FootprintWithContent['content'];

/** The parts with substantive edits that a batch's message names, and facts about them. */
interface Named {
  parts: BatchPart[];
  details?: EditDetails;
}

function draftBatch(
  parts: BatchPart[],
  content: Content,
  options: DraftOptions,
  choice: TypeChoice,
  rationale: string,
  named: Named = { parts },
): DraftBatch {
  const { model, packageScopes } = options;
  const scope = chooseBatchScope(named.parts, choice, model, content, packageScopes);
  const removed = removedPublicExports(parts, content);
  const subject = describeChange(named.parts, content, choice, named.details, removed);
  return {
    message: writeMessage(choice.type, scope, subject, removed.length > 0),
    type: choice.type,
    // The scope field shows what the message shows, so a token in a folder name stays out.
    scope: messageScope(scope),
    rationale,
    changes: parts.map(toBatchChange),
  };
}

function splitIntoBatches(files: FileChange[], content: Content, options: DraftOptions): Batch[] {
  const context = buildAnalysisContext(files, content, options.model);
  const links = findLinks(context);
  const requirements = findRequirements(context);
  rememberRequirements(content, { units: context.units, requirements });

  const partition = partitionUnits(context, links, requirements, options.mode);
  const grouped = joinReleaseNotes(
    partition.clusters.map((members, index) => ({
      units: members.map((member) => context.units[member] as ChangeUnit),
      extra: partition.joins[index] ?? [],
    })),
    content,
  );
  const clusters = grouped.map((cluster) => cluster.units);
  const joinsOf = new Map<readonly ChangeUnit[], Join[]>(
    grouped.map((cluster) => [cluster.units, cluster.extra]),
  );
  debug(
    `${links.length} links and ${requirements.length} requirements join ${context.units.length} units of ${files.length} files into ${clusters.length} batches`,
  );

  const releases = new WeakSet<DraftBatch>();
  // A type taken from the repository's habit does not move the batch: `chore(deps)` goes first.
  const guessedTypes = new WeakMap<DraftBatch, CommitType>();
  const draft = (
    cluster: readonly ChangeUnit[],
    usesNew: string[],
    needsOthers: boolean,
    neededByOthers: boolean,
  ) => {
    const parts = partsOf(cluster);
    const details = describeEdits(context, cluster);
    const guess = chooseCommitType(parts, content, usesNew, details.rename !== undefined);
    const choice = adoptRepositoryType(guess, parts, content, options);
    const joins = joinsOf.get(cluster) ?? [];
    const onlyBatch = clusters.length === 1;
    const place = { needsOthers, neededByOthers, onlyBatch };
    const rationale = writeRationale(
      joins,
      cluster.length,
      choice,
      place,
      parts.map((part) => part.file),
    );
    const substantive = substantiveUnits(context, cluster);
    const named = {
      parts: partsOf(substantive),
      details: substantive === cluster ? details : describeEdits(context, substantive),
    };
    const drafted = draftBatch(parts, content, options, choice, rationale, named);
    if (choice.release) releases.add(drafted);
    if (choice.guessed) guessedTypes.set(drafted, choice.guessed);
    return drafted;
  };
  const order = orderClusters(
    clusters,
    requirements,
    draft,
    (drafted) => releases.has(drafted),
    (drafted) => guessedTypes.get(drafted) ?? drafted.type,
  );
  const batches = order.map(({ draft, dependsOn }, position) => ({
    id: `b${position + 1}`,
    ...draft,
    dependsOn: dependsOn.map((other) => `b${other + 1}`),
  }));
  return distinguishMessages(batches);
}

/**
 * Groups the staged change into batches of coherent commits, ordered so that no batch needs a
 * later one, each with a Conventional Commits message and a one-line rationale. A batch takes
 * hunks of a file when the file's edits belong to different batches, and whole files
 * otherwise. While git is in the middle of a merge, rebase, cherry-pick or revert, or when
 * more than MAX_PAIRED_UNITS files are staged, the staged change is one batch and no split is
 * suggested. The result depends only on the input: files
 * are sorted by path first, so their order in the footprint does not matter.
 */
export function analyzeBatches(
  input: FootprintWithContent,
  analyzeOptions: AnalyzeOptions,
): BatchAnalysis {
  const files = [...input.footprint.files].sort((a, b) => comparePaths(a.path, b.path));
  const { operation } = input.footprint;
  const paths = files.map((file) => file.path);
  const packageScopes = choosePackageScopes(paths, analyzeOptions.packageNames ?? new Map());
  const options: DraftOptions = { ...analyzeOptions, packageScopes };

  if (operation !== null && SINGLE_COMMIT_OPERATIONS.has(operation)) {
    const batches = wholeChangeBatches(files, input.content, options, (choice) =>
      writeOperationRationale(operation, choice),
    );
    return { mode: options.mode, batches, splitSuggested: false };
  }
  if (files.length > MAX_PAIRED_UNITS) {
    const batches = wholeChangeBatches(files, input.content, options, (choice) =>
      writeFileLimitRationale(files.length, MAX_PAIRED_UNITS, choice),
    );
    return { mode: options.mode, batches, splitSuggested: false, fileLimit: MAX_PAIRED_UNITS };
  }

  return {
    mode: options.mode,
    batches: splitIntoBatches(files, input.content, options),
    splitSuggested: true,
  };
}

/** Makes the one batch of a change that is not split, or none when nothing is staged. */
function wholeChangeBatches(
  files: FileChange[],
  content: Content,
  options: DraftOptions,
  rationaleOf: (choice: TypeChoice) => string,
): Batch[] {
  if (files.length === 0) return [];

  const parts = files.map((file) => ({
    file,
    hunks: file.hunks.map((_, index) => index),
    whole: true,
  }));
  const choice = adoptRepositoryType(chooseCommitType(parts, content), parts, content, options);
  const draft = draftBatch(parts, content, options, choice, rationaleOf(choice));
  return [{ id: 'b1', ...draft, dependsOn: [] }];
}
