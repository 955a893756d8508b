import path from 'node:path';
import { isUserError } from '../../errors.js';
import { describeDamagedIndex } from '../../git/damaged-index.js';
import { describeCorruptObject } from '../../git/unreadable-object.js';
import { crashMessage, messageNotSuggestedMessage } from '../../output/messages.js';
import type { CommandContext } from '../context.js';
import { writeCrashReport } from '../crash-report.js';
import { EXIT_OK } from '../exit-codes.js';
import { adviceInvocation } from '../advice-invocation.js';

/** An argument placeholder of a lefthook `run` line, such as `{2}`. */
const LEFTHOOK_PLACEHOLDER = /^\{\d+\}$/;

/**
 * `footprint prepare-commit-msg FILE [SOURCE [COMMIT]]`: git's prepare-commit-msg hook. It
 * always exits 0, because a hook that fails here would stop the commit: a configuration
 * error prints a warning, and an internal error also writes a crash report.
 */
export async function run(context: CommandContext): Promise<number> {
  if (context.env['FOOTPRINT'] === '0') return EXIT_OK;
  const [file = '', givenSource = ''] = context.line.operands;
  // lefthook leaves `{2}` as it is when git passes no source, as for a plain `git commit`.
  const source = LEFTHOOK_PLACEHOLDER.test(givenSource) ? '' : givenSource;

  try {
    // Loaded here so that a skipped hook never loads the pipeline.
    const { prepareCommitMessage } = await import('../../message/prepare.js');
    const messageFile = path.resolve(context.cwd, file);
    await prepareCommitMessage({
      cwd: context.cwd,
      env: context.env,
      messageFile,
      source,
      invocation: () => adviceInvocation(context),
    });
  } catch (caught) {
    const error = describeDamagedIndex(caught) ?? describeCorruptObject(caught) ?? caught;
    if (isUserError(error)) {
      context.stderr.write(messageNotSuggestedMessage(context.stderrStyle, error.message));
      return EXIT_OK;
    }
    const argv = ['prepare-commit-msg', ...context.line.operands];
    const reportPath = await writeCrashReport(error, { argv, cwd: context.cwd });
    context.stderr.write(crashMessage(context.stderrStyle, reportPath, null));
    context.stderr.write(
      messageNotSuggestedMessage(context.stderrStyle, 'footprint failed, as reported above.'),
    );
  }
  return EXIT_OK;
}
