import { DEFAULT_MAX_COMMITS, learnHistory } from '../../learn/learn.js';
import { formatLearnResult, learnResultDocument } from '../../learn/format-result.js';
import { createProgressReporter } from '../../learn/progress-bar.js';
import { UserError } from '../../errors.js';
import { parseDateOrAge } from '../../fossils/parse-time.js';
import { invalidDateMessage, skippedFossilMessage } from '../../output/messages.js';
import { readCountOption } from '../count-options.js';
import { isUnicodeSupported } from '../../output/symbols.js';
import { adviceGitCommand, adviceInvocation } from '../advice-invocation.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';
import { writeJson } from './pipeline-options.js';

/**
 * `footprint learn`: learns from history into a model fossil, with a progress bar on a
 * terminal's stderr, and prints what it learned (or, with `--json`, the result document).
 */
export async function run(context: CommandContext): Promise<number> {
  const { line } = context;
  const maxCommits =
    line.maxCommits === undefined
      ? DEFAULT_MAX_COMMITS
      : readCountOption('max-commits', line.maxCommits);
  const since = readSince(line.since);
  const progress = createProgressReporter(context.stderr, {
    unicode: isUnicodeSupported(context.env),
  });

  const result = await learnHistory({
    cwd: context.cwd,
    env: context.env,
    maxCommits,
    since,
    full: line.full,
    onProgress: ({ done, total }) => progress.update(done, total),
  }).finally(() => progress.finish());

  for (const warning of result.warnings) {
    context.stderr.write(skippedFossilMessage(context.stderrStyle, warning));
  }
  if (line.json) writeJson(context, learnResultDocument(result));
  else {
    const advice = { footprint: adviceInvocation(context), git: adviceGitCommand(context) };
    context.stdout.write(formatLearnResult(result, context.stdoutStyle, context.cwd, advice));
  }
  return EXIT_OK;
}

/** Converts --since to an ISO 8601 time, which git's --since reads exactly. */
function readSince(value: string | undefined): string | null {
  if (value === undefined) return null;
  const date = parseDateOrAge(value, new Date());
  if (date === null) throw new UserError(invalidDateMessage('--since', value));
  return date.toISOString();
}
