import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Mode } from '../batches/types.js';
import { UserError } from '../errors.js';
import type { Footprint } from '../footprint/types.js';
import type { StagedChange } from '../git/types.js';
import { plural, strategyReadFailedMessage } from '../output/messages.js';
import { blockingFindings } from '../output/summary.js';
import { runPipeline } from '../pipeline/run.js';
import type { PipelineResult } from '../pipeline/types.js';
import { validateStrategyDocument } from '../schemas-runtime/validate-strategy.js';
import { hasStrategyShape } from '../strategy/shape.js';
import type { Strategy, StrategyValidation } from '../strategy/types.js';
import { validateStrategy } from '../strategy/validate.js';
import { CommitRefusedError } from './refusal.js';
import type { StrategySource } from './types.js';

const REWRITE = 'Write it again with `footprint strategy --output FILE`.';

export interface StrategyInputOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Strategy file to execute; the strategy is planned from the staged change when absent. */
  strategyFile?: string;
  mode?: Mode;
  noLlm: boolean;
}

/** The strategy a run executes and the pipeline results it was checked against. */
export interface StrategyInput {
  /** The strategy document: schema-valid once `validation.valid` is true. */
  document: unknown;
  source: StrategySource;
  validation: StrategyValidation;
  result: PipelineResult;
}

/**
 * Plans the strategy from the staged change, or reads it from `strategyFile`, and validates it
 * against the staged change that the pipeline read. Writes nothing, not even a fossil.
 */
export async function loadStrategyInput(options: StrategyInputOptions): Promise<StrategyInput> {
  const pipelineOptions = {
    command: 'strategy' as const,
    cwd: options.cwd,
    env: options.env,
    noLlm: options.noLlm,
    writeFossil: false,
    ...(options.mode === undefined ? {} : { mode: options.mode }),
  };
  const run = await runPipeline(pipelineOptions);
  if (options.strategyFile === undefined) {
    const source: StrategySource = { kind: 'planned', file: null };
    return {
      document: run.strategy,
      source,
      validation: run.result.validation,
      result: run.result,
    };
  }

  const file = path.resolve(options.cwd, options.strategyFile);
  const document = await readStrategyFile(file);
  const validation = validateStrategy(document, run.result.footprint, {
    validateSchema: validateStrategyDocument,
  });
  return { document, source: { kind: 'file', file }, validation, result: run.result };
}

/**
 * Rejects a strategy that must not be executed: HEAD moved since it was made, the staged
 * change moved while footprint read it, it failed validation, or the risk check blocks the
 * change and `noVerify` is false. Returns the strategy, now known to be valid.
 */
export function checkStrategyInput(
  input: StrategyInput,
  change: StagedChange,
  options: { noVerify: boolean },
): Strategy {
  if (input.source.kind === 'file') checkHeadUnmoved(input.document, change);
  checkSameSnapshot(input.result.footprint, change);

  if (!input.validation.valid || !hasStrategyShape(input.document)) {
    throw invalidStrategy(input);
  }

  const blocking = blockingFindings(input.result);
  if (blocking.length > 0 && !options.noVerify) {
    const listed = blocking.map((finding) => `${finding.rule} in ${finding.path || 'the change'}`);
    throw new CommitRefusedError(
      `The risk check blocks this change: ${listed.join(', ')}. Run \`footprint analyze\` for ` +
        'the details and fix the staged files, or pass --no-verify to commit anyway, as ' +
        '`git commit --no-verify` skips the pre-commit hook.',
    );
  }
  return input.document as Strategy;
}

function checkHeadUnmoved(document: unknown, change: StagedChange): void {
  if (!hasStrategyShape(document) || document.head === change.head.oid) return;

  const was = document.head ?? 'an unborn branch';
  const now = change.head.oid ?? 'an unborn branch';
  throw new CommitRefusedError(
    `HEAD moved since the strategy was made: it was ${was}, it is now ${now}. ${REWRITE}`,
  );
}

/** The pipeline and the commit run read the repository apart; both must have seen the same. */
function checkSameSnapshot(footprint: Footprint, change: StagedChange): void {
  if (footprint.stagedTree === change.stagedTree && footprint.head.oid === change.head.oid) return;
  throw new CommitRefusedError(
    'The staged change or HEAD changed while footprint read it. Nothing was written; run the command again.',
  );
}

function invalidStrategy(input: StrategyInput): CommitRefusedError {
  const { problems } = input.validation;
  const name = input.source.file ?? 'The planned strategy';
  const lines = problems.map((problem) => `  ${problem.code}: ${problem.message}`);
  return new CommitRefusedError(
    `${name} is invalid (${plural(problems.length, 'problem')}), so no commit was made.\n` +
      `${lines.join('\n')}\nFix the strategy, or ${REWRITE.charAt(0).toLowerCase()}${REWRITE.slice(1)}`,
  );
}

async function readStrategyFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(strategyReadFailedMessage(file, code), { cause: error });
  }

  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${file} is not valid JSON (${reason}). Fix the file or write it again.`, {
      cause: error,
    });
  }
}
