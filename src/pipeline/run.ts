import type { Mode } from '../batches/types.js';
import { analyzeBatches } from '../batches/analyze.js';
import { loadConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { buildFootprint } from '../footprint/build.js';
import { buildAnalysisFossil } from '../fossils/build-analysis.js';
import { openFossilStore } from '../fossils/store.js';
import { openRepository } from '../git/open.js';
import type { GitReader } from '../git/types.js';
import { runInsights } from '../insights/run.js';
import { selectInsightProvider } from '../insights/select.js';
import { createDebug } from '../log/debug.js';
import { assessRisk } from '../risk/assess.js';
import { validateStrategyDocument } from '../schemas-runtime/validate-strategy.js';
import { buildStrategy } from '../strategy/build.js';
import type { Strategy } from '../strategy/types.js';
import { validateStrategy } from '../strategy/validate.js';
import { buildAnalysisDocument } from './document.js';
import { StageTimer } from './stage-timer.js';
import type { PipelineResult } from './types.js';

const debug = createDebug('pipeline');

export interface PipelineOptions {
  command: PipelineResult['command'];
  cwd: string;
  env: NodeJS.ProcessEnv;
  mode?: Mode;
  noLlm: boolean;
  /** Write the analysis fossil; `analyze` and tests may turn it off. */
  writeFossil: boolean;
}

export interface PipelineRun {
  result: PipelineResult;
  strategy: Strategy;
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
  const worktree = requireWorktree(reader);
  const config = await loadConfig(worktree, configOverrides(options));
  const mode = config.config.mode;
  debug(`reader ${reader.choice.reader}, mode ${mode}, config ${config.file ?? 'defaults'}`);

  const input = await timer.time('footprint', async () => {
    const change = await reader.readStagedChange();
    return buildFootprint(reader, change, { maxDiffBytes: config.config.maxDiffBytes });
  });
  const analysis = timer.timeSync('batches', () => analyzeBatches(input, { mode }));
  const risk = timer.timeSync('risk', () =>
    assessRisk(input, analysis, { mode, config: config.config, skip: skippedRules(options.env) }),
  );
  const insights = await timer.time('insights', () => {
    const provider = selectInsightProvider(config.config, options.env, { noLlm: options.noLlm });
    return runInsights(provider, { input, analysis, risk }, config.config.llm.timeoutMs);
  });
  const strategy = buildStrategy(input.footprint, analysis, risk, new Date());
  const validation = timer.timeSync('validation', () =>
    validateStrategy(strategy, input.footprint, { validateSchema: validateStrategyDocument }),
  );

  const result: PipelineResult = {
    command: options.command,
    reader: reader.choice,
    config,
    footprint: input.footprint,
    analysis,
    risk,
    insights,
    validation,
    timings: timer.timings,
    fossilPath: null,
  };
  if (options.writeFossil) {
    result.fossilPath = await timer.time('fossil', () => writeAnalysisFossil(worktree, result));
  }
  return { result, strategy, documents: { analysis: buildAnalysisDocument(result) } };
}

async function writeAnalysisFossil(worktree: string, result: PipelineResult): Promise<string> {
  const store = openFossilStore(worktree, result.config.config);
  const outcome = result.risk.blocked ? 'blocked' : 'passed';
  return store.write('analysis', buildAnalysisFossil(result, outcome));
}

function configOverrides(options: PipelineOptions): { mode?: Mode; noLlm?: boolean } {
  const overrides: { mode?: Mode; noLlm?: boolean } = { noLlm: options.noLlm };
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

function requireWorktree(reader: GitReader): string {
  const worktree = reader.layout.worktree;
  if (worktree === null) {
    throw new UserError(
      `${reader.layout.gitDir} is a bare repository, which has no staged change to read. ` +
        'Run footprint inside a worktree.',
    );
  }
  return worktree;
}
