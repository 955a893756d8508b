import { createInterface } from 'node:readline/promises';

import { runCommit, type CommitOptions } from '../../commit/run-commit.js';
import type { CommitPlan } from '../../commit/types.js';
import { UserError } from '../../errors.js';
import {
  commitConfirmQuestion,
  formatCommitDone,
  formatCommitPlan,
} from '../../output/commit-summary.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/**
 * `footprint commit [--strategy FILE] [--dry-run] [--yes] [--no-verify]`: makes one commit per
 * batch. The plan and the result go to stdout; the question, hook output and warnings go to
 * stderr. Exits 1 when the run is refused, with nothing on the branch changed.
 */
export async function run(context: CommandContext): Promise<number> {
  const { line } = context;
  const asks = !line.dryRun && !line.yes;
  // CI=true turns prompts off even on a terminal, as it does for colour.
  const canPrompt = process.stdin.isTTY === true && context.env['CI'] !== 'true';
  if (asks && !canPrompt) {
    throw new UserError(
      'footprint commit asks for confirmation, but stdin is not a terminal or CI=true is set. ' +
        'Pass --yes to commit without asking, or --dry-run to see the plan.',
      { exitCode: EXIT_USAGE },
    );
  }

  const options: CommitOptions = {
    cwd: context.cwd,
    env: context.env,
    noLlm: line.noLlm,
    dryRun: line.dryRun,
    noVerify: line.noVerify,
    confirm: (plan) => (asks ? confirmOnTerminal(context, plan) : Promise.resolve(true)),
    output: (chunk) => context.stderr.write(chunk),
  };
  if (line.strategy !== undefined) options.strategyFile = line.strategy;
  if (line.mode !== undefined) options.mode = line.mode;

  const outcome = await runCommit(options);
  if (outcome.kind === 'planned') {
    context.stdout.write(formatCommitPlan(context.stdoutStyle, outcome.plan, context.cwd));
  } else {
    context.stdout.write(formatCommitDone(context.stdoutStyle, outcome.run, context.cwd));
  }
  return EXIT_OK;
}

/** Shows the plan and reads the answer on the terminal: `y` or `yes` confirms, Ctrl-C declines. */
async function confirmOnTerminal(context: CommandContext, plan: CommitPlan): Promise<boolean> {
  context.stdout.write(formatCommitPlan(context.stdoutStyle, plan, context.cwd));
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  const cancel = new AbortController();
  terminal.on('SIGINT', () => cancel.abort());
  try {
    const answer = await terminal.question(commitConfirmQuestion(plan), { signal: cancel.signal });
    return /^y(es)?$/i.test(answer.trim());
  } catch (error) {
    if ((error as Error).name === 'AbortError') return false;
    throw error;
  } finally {
    terminal.close();
  }
}
