import path from 'node:path';
import { CommitRefusedError, EXIT_REFUSED, isRefusal } from '../../commit/refusal.js';
import {
  commitResultDocument,
  refusedCommitDocument,
  type CommitRefusal,
} from '../../commit/result-document.js';
import { runCommit, type CommitOptions, type CommitOutcome } from '../../commit/run-commit.js';
import type { CommitPlan } from '../../commit/types.js';
import { UserError } from '../../errors.js';
import {
  commitConfirmQuestion,
  formatCommitDone,
  formatCommitPlan,
} from '../../output/commit-summary.js';
import { adviceInvocation } from '../advice-invocation.js';
import { userErrorMessage } from '../../output/messages.js';
import { formatStatus } from '../../output/style.js';
import { UnreadableStrategyError } from '../../strategy/read-file.js';
import type { CommandContext } from '../context.js';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { writeJson } from './pipeline-options.js';

/**
 * `footprint commit [--strategy FILE] [--dry-run] [--yes] [--no-verify] [--json]`: makes one
 * commit per batch. The plan and the result, or with `--json` the result document, go to
 * stdout; the question, hook output and warnings go to stderr. Exits 1 when the run is
 * refused, with nothing on the branch changed. With `--json`, a refusal still prints a
 * document with `result: "refused"`, the reason and the strategy's problems and warnings on
 * stdout, and the warnings and the reason on stderr. So does a strategy file that cannot be
 * read, which still exits 2.
 */
export async function run(context: CommandContext): Promise<number> {
  const { line } = context;
  const asks = !line.dryRun && !line.yes;
  if (asks && line.json) {
    throw new UserError(
      'footprint commit --json prints one JSON document, so it cannot ask for confirmation. ' +
        'Pass --yes to commit without asking, or --dry-run to see the plan.',
      { exitCode: EXIT_USAGE },
    );
  }
  // CI=true turns prompts off even on a terminal, as it does for colour. Without a prompt the
  // run still plans first, so an invalid strategy is reported before the missing --yes.
  const canPrompt = process.stdin.isTTY === true && context.env['CI'] !== 'true';
  const confirm = async (plan: CommitPlan): Promise<boolean> => {
    if (!asks) return true;
    if (canPrompt) return confirmOnTerminal(context, plan);
    throw new UserError(
      'footprint commit asks for confirmation, but stdin is not a terminal or CI=true is set. ' +
        'Pass --yes to commit without asking, or --dry-run to see the plan.',
      { exitCode: EXIT_USAGE },
    );
  };

  const options: CommitOptions = {
    cwd: context.cwd,
    env: context.env,
    noLlm: line.noLlm,
    dryRun: line.dryRun,
    noVerify: line.noVerify,
    confirm,
    output: (chunk) => context.stderr.write(chunk),
    warn: (message) =>
      context.stderr.write(`${formatStatus(context.stderrStyle, 'warning', message)}\n`),
  };
  if (line.strategy !== undefined) options.strategyFile = line.strategy;
  options.invocation = adviceInvocation(context);
  options.shellFolder = context.processCwd;
  if (line.mode !== undefined) options.mode = line.mode;

  let outcome: CommitOutcome;
  try {
    outcome = await runCommit(options);
  } catch (error) {
    const refusal = line.json ? describeRefusal(error, context.cwd, line.strategy) : null;
    if (refusal === null) throw error;
    writeJson(context, refusedCommitDocument(refusal));
    // The unreadable file's error line and exit 2 follow the document, as without --json.
    if (!isRefusal(error)) throw error;
    context.stderr.write(userErrorMessage(context.stderrStyle, error.message));
    return EXIT_REFUSED;
  }
  if (line.json) {
    writeJson(context, commitResultDocument(outcome));
  } else if (outcome.kind === 'planned') {
    context.stdout.write(formatCommitPlan(context.stdoutStyle, outcome.plan, context.cwd));
  } else {
    context.stdout.write(
      formatCommitDone(context.stdoutStyle, outcome.run, context.cwd, options.invocation),
    );
  }
  return EXIT_OK;
}

/**
 * Returns what the refused document lists for `error`: a refusal with its strategy problems, or
 * a strategy file that cannot be read as one `unreadable-file` problem. Returns null for any
 * other error, which has no document.
 */
function describeRefusal(
  error: unknown,
  cwd: string,
  strategyFile: string | undefined,
): CommitRefusal | null {
  const file = strategyFile === undefined ? null : path.resolve(cwd, strategyFile);
  if (error instanceof UnreadableStrategyError) {
    const problems = [{ code: 'unreadable-file', message: error.message }];
    return { reason: error.message, file: error.file, problems, warnings: [] };
  }
  if (!isRefusal(error)) return null;
  const refused = error instanceof CommitRefusedError ? error : null;
  const { problems = [], warnings = [] } = refused ?? {};
  return { reason: error.message, file, problems, warnings };
}

/** Shows the plan and prompts on the terminal to confirm it (see promptYesNo). */
async function confirmOnTerminal(context: CommandContext, plan: CommitPlan): Promise<boolean> {
  context.stdout.write(formatCommitPlan(context.stdoutStyle, plan, context.cwd));
  return promptYesNo(commitConfirmQuestion(plan), process.stdin, process.stderr);
}

/**
 * Prompts with `question` and returns true for `y` or `yes`. Ctrl-C, which readline reads as a key on
 * a terminal rather than as a signal, ends the command with exit 130 as an interrupt does
 * elsewhere, through a UserError. Ctrl-D or the end of the input declines, as an empty reply does.
 */
export async function promptYesNo(
  question: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  terminal?: boolean,
): Promise<boolean> {
  const { createInterface } = process.getBuiltinModule('node:readline/promises');
  const prompt = createInterface({
    input,
    output,
    ...(terminal === undefined ? {} : { terminal }),
  });
  const cancel = new AbortController();
  let interrupted = false;
  prompt.on('SIGINT', () => {
    interrupted = true;
    cancel.abort();
  });
  prompt.on('close', () => cancel.abort());
  try {
    const answer = await prompt.question(question, { signal: cancel.signal });
    return /^y(es)?$/i.test(answer.trim());
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
    if (!interrupted) return false;
    throw new UserError('Interrupted at the question, so no commit was made.', {
      exitCode: EXIT_INTERRUPTED,
    });
  } finally {
    prompt.close();
  }
}
