import path from 'node:path';

import type { Mode } from '../batches/types.js';
import type { Footprint } from '../footprint/types.js';
import type { StagedChange } from '../git/types.js';
import { plural, strategyProblemLines } from '../output/messages.js';
import { createStyle } from '../output/style.js';
import { shellPath } from '../output/shell-quote.js';
import { blockingFindings } from '../output/summary.js';
import { maskFlaggedPaths } from '../pipeline/mask-flagged-paths.js';
import { runPipeline } from '../pipeline/run.js';
import type { PipelineResult } from '../pipeline/types.js';
import { validateStrategyDocument } from '../schemas-runtime/validate-strategy.js';
import { openRepository } from '../git/open.js';
import { isStrategyHeadMissing } from '../strategy/missing-head.js';
import { readStrategyFile } from '../strategy/read-file.js';
import { loadStagedRecord } from '../strategy/restaging.js';
import {
  fillStrategyFile,
  findWorktreeFromShell,
  rewriteCommand,
} from '../strategy/rewrite-command.js';
import { hasStrategyShape } from '../strategy/shape.js';
import {
  findStagedStrategy,
  findStagedStrategyChange,
  footprintToCheck,
  reportStagedStrategy,
  type StagedStrategyFile,
} from '../strategy/staged-strategy.js';
import type { Strategy, StrategyProblem, StrategyValidation } from '../strategy/types.js';
import { validateStrategy } from '../strategy/validate.js';
import { CommitRefusedError } from './refusal.js';
import type { StrategySource } from './types.js';

const REWRITE = `Move it away and write it again with ${rewriteCommand()}.`;

/** Returns REWRITE with `file` in it, quoted for a shell, and the command's `invocation`. */
function rewriteAdvice(file: string, invocation: string): string {
  return `Move it away and write it again with ${rewriteCommand(shellPath(file), invocation)}.`;
}

export interface StrategyInputOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Strategy file to execute; the strategy is planned from the staged change when absent. */
  strategyFile?: string;
  mode?: Mode;
  noLlm: boolean;
  /**
   * Start of a footprint command in the advice (see footprintInvocation), or `footprint` when
   * unset.
   */
  invocation?: string;
  /** Folder the advice's commands run in, the worktree's top when unset. */
  shellFolder?: string;
}

/** Origin of the mode that judges risk: --mode, the strategy file, or the configuration. */
export type ModeSource = 'option' | 'strategy' | 'config';

/** The mode a run judges risk in, and the one the strategy file records, for the messages. */
export interface RiskMode {
  mode: Mode;
  source: ModeSource;
  /** The strategy file's `mode`, or null when planned or when the file has no valid one. */
  recorded: Mode | null;
}

/** The strategy a run executes and the pipeline results it was checked against. */
export interface StrategyInput {
  /** The strategy document: schema-valid once `validation.valid` is true. */
  document: unknown;
  source: StrategySource;
  validation: StrategyValidation;
  result: PipelineResult;
  riskMode: RiskMode;
  /** True when the strategy file was made at a commit this repository does not have. */
  headMissing: boolean;
  /** Start of a footprint command in the advice. */
  invocation: string;
  /** Top of the worktree from the folder the advice's commands run in (see fillStrategyFile). */
  worktreeFromShell: string;
}

/**
 * Plans the strategy from the staged change, or reads it from `strategyFile`, and validates it
 * against the staged change that the pipeline read. Risk is judged in `options.mode`, else in
 * the mode the strategy file records, else in the configured mode. So a plan made with
 * `--mode aggressive` is committed under the rules it was shown with. Writes nothing, not even
 * a fossil.
 */
export async function loadStrategyInput(options: StrategyInputOptions): Promise<StrategyInput> {
  const file =
    options.strategyFile === undefined ? null : path.resolve(options.cwd, options.strategyFile);
  const invocation = options.invocation ?? 'footprint';
  const parsed = file === null ? null : await readStrategyFile(file, invocation);
  const recorded = parsed?.ok ? recordedMode(parsed.value) : null;
  const mode = options.mode ?? recorded ?? undefined;
  const run = await runPipeline({
    command: 'strategy',
    userCommand: 'commit',
    cwd: options.cwd,
    env: options.env,
    noLlm: options.noLlm,
    writeFossil: false,
    ...(mode === undefined ? {} : { mode }),
  });
  const riskMode: RiskMode = {
    mode: run.result.config.config.mode,
    source: modeSource(options.mode, recorded),
    recorded,
  };
  const shellFolder = options.shellFolder ?? run.worktree;
  const worktreeFromShell = await findWorktreeFromShell(run.worktree, shellFolder);
  // The fields every result has, whatever the strategy's source.
  const common = { result: run.result, riskMode, invocation, worktreeFromShell };
  if (file === null || parsed === null) {
    const source: StrategySource = { kind: 'planned', file: null };
    const { validation } = run.result;
    const document = run.strategy;
    return { ...common, document, source, validation, headMissing: false };
  }

  // The same reading and checks as `footprint validate`, content-based ones included (an
  // import of a file that a later batch adds), so commit never runs a plan validate rejects.
  const source: StrategySource = { kind: 'file', file };
  if (!parsed.ok) {
    const validation = { valid: false, problems: parsed.problems };
    return { ...common, document: null, source, validation, headMissing: false };
  }
  const headMissing = await findHeadMissing(options, parsed.value, run.result.footprint.head.oid);
  const staged = await findStagedStrategyFile(options, parsed.value, file, run);
  const footprint = footprintToCheck(run.result.footprint, staged);
  const stagedRecord = await loadStagedRecord(parsed.value, footprint, {
    worktree: run.worktree,
    config: run.result.config.config,
  });
  const checked = validateStrategy(parsed.value, footprint, {
    validateSchema: validateStrategyDocument,
    content: run.content,
    worktree: run.worktree,
    headMissing,
    cleanup: run.cleanup,
    recorded: stagedRecord,
  });
  const problems = reportStagedStrategy(checked.problems, staged);
  const validation = { valid: problems.length === 0, problems };
  const document = parsed.value;
  return { ...common, document, source, validation, headMissing };
}

/**
 * Finds whether the strategy file is staged itself (see findStagedStrategy). The repository is
 * opened again only when it is, because the pipeline has closed its reader.
 */
async function findStagedStrategyFile(
  options: StrategyInputOptions,
  strategy: unknown,
  file: string,
  run: { worktree: string; result: PipelineResult },
): Promise<StagedStrategyFile | undefined> {
  const { footprint } = run.result;
  if ((await findStagedStrategyChange(file, run.worktree, footprint)) === undefined)
    return undefined;
  const reader = await openRepository({ cwd: options.cwd, env: options.env });
  try {
    const change = await reader.readStagedChange();
    return await findStagedStrategy(strategy, file, {
      reader,
      change,
      footprint,
      worktree: run.worktree,
    });
  } finally {
    await reader.close();
  }
}

/**
 * Returns true when the strategy was made at a commit this repository does not have. The
 * repository is opened again only for a strategy made at another HEAD, because the pipeline
 * has closed its reader.
 */
async function findHeadMissing(
  options: StrategyInputOptions,
  strategy: unknown,
  currentHead: string | null,
): Promise<boolean> {
  if (!hasStrategyShape(strategy) || strategy.head === currentHead) return false;
  const reader = await openRepository({ cwd: options.cwd, env: options.env });
  try {
    return await isStrategyHeadMissing(reader, strategy, currentHead);
  } finally {
    await reader.close();
  }
}

function modeSource(option: Mode | undefined, recorded: Mode | null): ModeSource {
  if (option !== undefined) return 'option';
  if (recorded !== null) return 'strategy';
  return 'config';
}

/** Every mode, as a record so that the compiler finds a mode missing here. */
const KNOWN_MODES: Record<Mode, true> = { conservative: true, balanced: true, aggressive: true };

/** Returns the `mode` a strategy document records, or null when it has no valid one. */
function recordedMode(document: unknown): Mode | null {
  if (typeof document !== 'object' || document === null) return null;
  const mode = (document as Record<string, unknown>)['mode'];
  return typeof mode === 'string' && Object.hasOwn(KNOWN_MODES, mode) ? (mode as Mode) : null;
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
  if (input.source.kind === 'file') checkHeadUnmoved(input, change);
  checkSameSnapshot(input.result.footprint, change);

  if (!input.validation.valid || !hasStrategyShape(input.document)) {
    throw invalidStrategy(input);
  }

  // Findings are listed as the summary shows them, with the tokens of flagged paths masked.
  const blocking = blockingFindings(maskFlaggedPaths(input.result));
  if (blocking.length > 0 && !options.noVerify) {
    const listed = blocking.map((finding) => `${finding.rule} in ${finding.path || 'the change'}`);
    throw new CommitRefusedError(riskBlockedMessage(listed, input.riskMode, input.invocation));
  }
  return input.document as Strategy;
}

/**
 * Writes the refusal: the blocking findings, the mode and its origin, and the ways out, with
 * the footprint command started by `invocation`.
 */
function riskBlockedMessage(
  listed: readonly string[],
  riskMode: RiskMode,
  invocation: string,
): string {
  const { mode, source, recorded } = riskMode;
  const origins: Record<ModeSource, string> = {
    option: `set by --mode ${mode}`,
    strategy: 'the mode the strategy was made in',
    config: 'the configured mode',
  };
  const otherMode =
    source === 'option' && recorded !== null && recorded !== mode
      ? ` The strategy was made in ${recorded} mode. Leave out --mode to judge it in that mode.`
      : '';
  return (
    `The risk check blocks this change in ${mode} mode (${origins[source]}): ` +
    `${listed.join(', ')}.${otherMode} Run \`${invocation} analyze --mode ${mode}\` for the ` +
    'details and fix the staged files, or pass --no-verify to commit anyway, as ' +
    '`git commit --no-verify` skips the pre-commit hook.'
  );
}

/** Rejects a strategy file made at another HEAD, with its validation problems. */
function checkHeadUnmoved(input: StrategyInput, change: StagedChange): void {
  const { document } = input;
  if (!hasStrategyShape(document) || document.head === change.head.oid) return;

  const was = document.head ?? 'an unborn branch';
  const now = change.head.oid ?? 'an unborn branch';
  const file = input.source.file;
  const advice = file === null ? REWRITE : rewriteAdvice(file, input.invocation);
  const problems = listedProblems(input);
  if (input.headMissing) {
    throw new CommitRefusedError(
      `The strategy was made at commit ${was}, which this repository does not have: it was ` +
        `made in another repository, or that commit was removed. HEAD is ${now}, and no ` +
        `commit was made. ${advice}`,
      { problems },
    );
  }
  throw new CommitRefusedError(
    `HEAD moved since the strategy was made: it was ${was}, it is now ${now}. ${advice}`,
    { problems },
  );
}

/** Returns the strategy's validation problems, with the strategy file in their advice. */
function listedProblems(input: StrategyInput): StrategyProblem[] {
  const file = input.source.file;
  const problems = input.validation.problems;
  if (file === null) return [...problems];
  return fillStrategyFile(problems, file, input.invocation, input.worktreeFromShell);
}

/** The pipeline and the commit run read the repository apart; both must have seen the same. */
function checkSameSnapshot(footprint: Footprint, change: StagedChange): void {
  if (footprint.stagedTree === change.stagedTree && footprint.head.oid === change.head.oid) return;
  throw new CommitRefusedError(
    'The staged change or HEAD changed while footprint read it. Nothing was written; run the command again.',
  );
}

/** The look of refusal text, which the command colours as a whole when it prints it. */
const PLAIN = createStyle({ write: () => true }, {}, 'never');

function invalidStrategy(input: StrategyInput): CommitRefusedError {
  const file = input.source.file;
  const name = file ?? 'The planned strategy';
  const problems = listedProblems(input);
  const lines = strategyProblemLines(PLAIN, file ?? 'strategy', problems, input.invocation);
  const advice = file === null ? REWRITE : rewriteAdvice(file, input.invocation);
  return new CommitRefusedError(
    `${name} is invalid (${plural(problems.length, 'problem')}), so no commit was made.\n` +
      `${lines.join('\n')}\nFix the strategy, or ${advice.charAt(0).toLowerCase()}${advice.slice(1)}`,
    { problems },
  );
}
