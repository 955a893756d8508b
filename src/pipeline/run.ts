import type { Mode } from '../batches/types.js';
import { analyzeBatches } from '../batches/analyze.js';
import { loadPackageNames } from '../batches/package-names.js';
import { loadUpdateBots } from '../batches/update-bots/load.js';
import { loadConfig, type LoadConfigOptions } from '../config/load.js';
import type { Config } from '../config/types.js';
import { findRiskScopes, type RiskScope } from '../config/nearest.js';
import { buildFootprint } from '../footprint/build.js';
import type { FootprintWithContent } from '../footprint/types.js';
import { buildAnalysisFossil } from '../fossils/build-analysis.js';
import { FossilWriteError } from '../fossils/fossil-write-error.js';
import { openFossilStore } from '../fossils/store.js';
import { openRepository } from '../git/open.js';
import type { GitReader } from '../git/types.js';
import { runInsightStage } from '../insights/stage.js';
import { toCoChangeModel } from '../learn/co-change-adapter.js';
import { loadModel } from '../learn/load-model.js';
import type { Model } from '../learn/model-types.js';
import { toRiskModel } from '../learn/risk-adapter.js';
import { createDebug } from '../log/debug.js';
import { selectIndexPathQueries } from '../risk/index-paths.js';
import { validateStrategyDocument } from '../schemas-runtime/validate-strategy.js';
import { buildStrategy } from '../strategy/build.js';
import type { Strategy } from '../strategy/types.js';
import { validateStrategy } from '../strategy/validate.js';
import { buildAnalysisDocument } from './document.js';
import { readPathsFromMergeHead } from '../git/merge-paths.js';
import { assessScopedRisk } from './scoped-risk.js';
import { checkStagedFileCount } from './heap-budget.js';
import { StageTimer } from './stage-timer.js';
import type { PipelineResult } from './types.js';
import { noWorktreeError } from '../git/no-worktree.js';
import { isCommitStagingIndex, isPartialCommitIndex } from '../git/partial-commit-index.js';
import { canWriteCommits } from '../commit/writable-format.js';
import { WHITESPACE_CLEANUP } from '../commit/message-problem.js';
import { isUserError } from '../errors.js';
import { loadMessageCleanup, type MessageCleanup } from '../message/cleanup-setting.js';

const debug = createDebug('pipeline');

export interface PipelineOptions {
  command: PipelineResult['command'];
  /** The command the user ran, such as `commit`, named in errors; `command` when absent. */
  userCommand?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  mode?: Mode;
  noLlm: boolean;
  /**
   * Write the analysis fossil and cache LLM replies; `commit`, which writes nothing before its
   * objects, and tests turn it off.
   */
  writeFossil: boolean;
  /** Store new LLM replies in the insight cache. Defaults to `writeFossil`. */
  cacheReplies?: boolean;
}

export interface PipelineRun {
  result: PipelineResult;
  /** The staged and HEAD texts the run read, for checks of a strategy made elsewhere. */
  content: FootprintWithContent['content'];
  strategy: Strategy;
  /** The repository's message cleanup settings, which the strategy checks judged messages by. */
  cleanup: MessageCleanup;
  /** Absolute path of the worktree root. */
  worktree: string;
  /** The `--json` document of the run, valid against schemas/analysis.schema.json. */
  documents: { analysis: object };
}

/**
 * Runs footprint's pipeline on the staged change: footprint, batch analysis, risk, insights,
 * strategy validation and the fossil. Reads the repository and never writes to it, except
 * the fossil store.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineRun> {
  const timer = new StageTimer();
  const reader = await openRepository({ cwd: options.cwd, env: options.env });
  try {
    return await runStages(reader, options, timer);
  } finally {
    await reader.close();
  }
}

async function runStages(
  reader: GitReader,
  options: PipelineOptions,
  timer: StageTimer,
): Promise<PipelineRun> {
  const worktree = requireWorktree(reader, options.userCommand ?? options.command);
  const config = await loadConfig(worktree, configOverrides(options));
  const mode = config.config.mode;
  debug(`reader ${reader.choice.reader}, mode ${mode}, config ${config.file ?? 'defaults'}`);

  // The learned model, when `footprint learn` made one, loads while the footprint is read.
  const modelWarnings: string[] = [];
  const modelLoad = loadOptionalModel(worktree, config.config, modelWarnings);
  const input = await timer.time('footprint', async () => {
    const change = await reader.readStagedChange();
    const tooLarge = checkStagedFileCount(
      change.entries.length,
      options.userCommand ?? options.command,
    );
    if (tooLarge !== null) throw tooLarge;
    return buildFootprint(reader, change, { maxDiffBytes: config.config.maxDiffBytes });
  });
  const model = await modelLoad;
  const cleanup = await loadPipelineCleanup(reader, options.env);
  const coChange = model === null ? {} : { model: toCoChangeModel(model) };
  const analysis = await timer.time('batches', async () => {
    const updateBots = await loadUpdateBots(reader, input.footprint);
    const packageNames = await loadPackageNames(reader, input);
    return analyzeBatches(input, { mode, ...coChange, updateBots, packageNames });
  });
  let riskScopes: Map<string, RiskScope> = new Map();
  const assessment = await timer.time('risk', async () => {
    const paths = input.footprint.files.map((file) => file.path);
    const scopes = await findRiskScopes(worktree, paths, config);
    riskScopes = scopes;
    const queries = selectIndexPathQueries(input.footprint);
    const indexPaths = queries.length > 0 ? await reader.readIndexPaths?.(queries) : undefined;
    const merging = input.footprint.operation === 'merge';
    const mergedPaths = merging
      ? await readPathsFromMergeHead(reader.layout, options.env, paths)
      : undefined;
    const riskOptions = {
      mode,
      config: config.config,
      skip: skippedRules(options.env),
      ...(mergedPaths === undefined ? {} : { mergedPaths }),
      ...(indexPaths === undefined ? {} : { indexPaths }),
      ...(model === null ? {} : { model: toRiskModel(model) }),
    };
    return assessScopedRisk(input, analysis, riskOptions, scopes);
  });
  // The insights may reshape batches and raise findings; the offline results go no further.
  const applied = await timer.time('insights', () =>
    runInsightStage({
      worktree,
      config: config.config,
      env: options.env,
      noLlm: options.noLlm,
      storeReplies: options.cacheReplies ?? options.writeFossil,
      input,
      analysis,
      risk: assessment.report,
      requestSecrets: assessment.requestSecrets,
      cleanup,
    }),
  );
  const strategy = buildStrategy(input.footprint, applied.analysis, applied.risk, new Date());
  const validation = timer.timeSync('validation', () =>
    validateStrategy(strategy, input.footprint, {
      validateSchema: validateStrategyDocument,
      content: input.content,
      cleanup,
    }),
  );

  const result: PipelineResult = {
    command: options.command,
    reader: reader.choice,
    config,
    footprint: input.footprint,
    analysis: applied.analysis,
    risk: applied.risk,
    riskScopes,
    insights: applied.insights,
    validation,
    timings: timer.timings,
    fossilPath: null,
  };
  if (modelWarnings.length > 0) result.modelWarnings = modelWarnings;
  if (isPartialCommitIndex(reader.layout)) result.partialCommit = true;
  if (isCommitStagingIndex(reader.layout)) result.stagedByCommit = true;
  if (!canWriteCommits(input.footprint, reader.layout)) result.commitUnsupported = true;
  if (options.writeFossil) {
    await timer.time('fossil', () => recordAnalysisFossil(worktree, result));
  }
  return {
    result,
    content: input.content,
    strategy,
    cleanup,
    worktree,
    documents: { analysis: buildAnalysisDocument(result, worktree) },
  };
}

/**
 * Reads `commit.cleanup` and `core.commentChar`, so the strategy checks judge messages as
 * `footprint validate` and `footprint commit` do. An invalid `commit.cleanup` gives git's
 * default for `-F` instead of an error, because git runs the hooks under such a value only
 * when `--cleanup` overrides it, and a hook cannot see that option.
 */
async function loadPipelineCleanup(
  reader: GitReader,
  env: NodeJS.ProcessEnv,
): Promise<MessageCleanup> {
  try {
    return await loadMessageCleanup(reader.layout, env);
  } catch (error) {
    if (!isUserError(error)) throw error;
    debug(`messages checked with whitespace cleanup, because ${error.message}`);
    return WHITESPACE_CLEANUP;
  }
}

/**
 * Writes the analysis fossil into `result.fossilPath`. A store that cannot be written leaves a
 * warning in `result.fossilWarning` and keeps the risk decision, because the checks did run.
 * The command decides what the warning does to the commit (see `failClosed`).
 */
async function recordAnalysisFossil(worktree: string, result: PipelineResult): Promise<void> {
  try {
    result.fossilPath = await writeAnalysisFossil(worktree, result);
  } catch (error) {
    if (!(error instanceof FossilWriteError)) throw error;
    debug(`fossil not written: ${String(error.cause)}`);
    result.fossilWarning = error.message;
  }
}

async function writeAnalysisFossil(worktree: string, result: PipelineResult): Promise<string> {
  const store = openFossilStore(worktree, result.config.config);
  const outcome = result.risk.blocked ? 'blocked' : 'passed';
  return store.write('analysis', buildAnalysisFossil(result, outcome));
}

/**
 * Loads the learned model. A model that cannot be loaded is left out, never an error, and a
 * skipped model fossil adds a line to `warnings`.
 */
async function loadOptionalModel(
  worktree: string,
  config: Config,
  warnings: string[],
): Promise<Model | null> {
  try {
    return await loadModel(worktree, config, { onWarning: (warning) => warnings.push(warning) });
  } catch (error) {
    debug(`no model: ${String(error)}`);
    return null;
  }
}

function configOverrides(options: PipelineOptions): LoadConfigOptions {
  const overrides: LoadConfigOptions = { noLlm: options.noLlm, env: options.env };
  if (options.mode) overrides.mode = options.mode;
  return overrides;
}

/** Rule ids listed in `FOOTPRINT_SKIP=rule,rule`. */
function skippedRules(env: NodeJS.ProcessEnv): string[] {
  const value = env['FOOTPRINT_SKIP'] ?? '';
  return value
    .split(',')
    .map((rule) => rule.trim())
    .filter((rule) => rule.length > 0);
}

function requireWorktree(reader: GitReader, command: string): string {
  const worktree = reader.layout.worktree;
  if (worktree === null) {
    throw noWorktreeError(reader.layout.gitDir, command, 'has no staged change to read');
  }
  return worktree;
}
