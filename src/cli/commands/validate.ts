import { UserError } from '../../errors.js';
import {
  requiredOptionMessage,
  strategyInvalidMessage,
  strategyValidMessage,
  strategyWarningsMessage,
} from '../../output/messages.js';
import { adviceInvocation } from '../advice-invocation.js';
import { validateStrategyFile } from '../../pipeline/validate-file.js';
import { VALIDATE_EXAMPLE } from '../args.js';
import type { CommandContext } from '../context.js';
import { EXIT_BLOCKED, EXIT_OK } from '../exit-codes.js';
import { writeJson } from './pipeline-options.js';

/**
 * `footprint validate --strategy FILE`: checks the strategy's schema, that every staged hunk
 * is in exactly one batch, that no path is unknown, and that it was made for the staged tree.
 * The result and any warnings go to stdout. Exits 1 when the strategy is invalid, and 0 for a
 * valid strategy that has warnings.
 */
export async function run(context: CommandContext): Promise<number> {
  const file = context.line.strategy;
  // parseCommandLine already requires --strategy; this narrows the type.
  if (file === undefined) {
    throw new UserError(requiredOptionMessage('--strategy FILE', 'validate', VALIDATE_EXAMPLE));
  }

  const invocation = adviceInvocation(context);
  const { validation, warnings, document, unreadable } = await validateStrategyFile({
    cwd: context.cwd,
    env: context.env,
    file,
    invocation,
    shellFolder: context.processCwd,
  });
  if (unreadable !== undefined) {
    // With --json the document comes first, then the error line and exit 2 as without it.
    if (context.line.json) writeJson(context, document);
    throw unreadable;
  }
  if (context.line.json) {
    writeJson(context, document);
  } else if (validation.valid) {
    context.stdout.write(strategyValidMessage(context.stdoutStyle, file));
  } else {
    const problems = validation.problems;
    context.stdout.write(strategyInvalidMessage(context.stdoutStyle, file, problems, invocation));
  }
  if (!context.line.json) {
    context.stdout.write(strategyWarningsMessage(context.stdoutStyle, file, warnings, invocation));
  }
  return validation.valid ? EXIT_OK : EXIT_BLOCKED;
}
