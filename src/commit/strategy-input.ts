import path from 'node:path';

import type { Mode } from '../batches/types.js';
import type { Footprint } from '../footprint/types.js';
import type { StagedChange } from '../git/types.js';
import { plural } from '../output/messages.js';
import { blockingFindings } from '../output/summary.js';
import { maskFlaggedPaths } from '../pipeline/mask-flagged-paths.js';
import { runPipeline } from '../pipeline/run.js';
import type { PipelineResult } from '../pipeline/types.js';
import { validateStrategyDocument } from '../schemas-runtime/validate-strategy.js';
import { readStrategyFile } from '../strategy/read-file.js';
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

  // The same reading and checks as `footprint validate`, content-based ones included (an
  // import of a file that a later batch adds), so commit never runs a plan validate rejects.
  const file = path.resolve(options.cwd, options.strategyFile);
  const parsed = await readStrategyFile(file);
  const source: StrategySource = { kind: 'file', file };
  if (!parsed.ok) {
    const validation = { valid: false, problems: [parsed.problem] };
    return { document: null, source, validation, result: run.result };
  }
  const validation = validateStrategy(parsed.value, run.result.footprint, {
    validateSchema: validateStrategyDocument,
    content: run.content,
  });
  return { document: parsed.value, source, validation, result: run.result };
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

  // Findings are listed as the summary shows them, with the tokens of flagged paths masked.
  const blocking = blockingFindings(maskFlaggedPaths(input.result));
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
