import { EXIT_REFUSED, isRefusal } from '../../commit/refusal.js';
import { refusedUndoDocument, undoResultDocument } from '../../commit/result-document.js';
import { runUndo, type UndoResult } from '../../commit/undo.js';
import { formatUndoDone } from '../../output/commit-summary.js';
import { fossilNotWrittenMessage, userErrorMessage } from '../../output/messages.js';
import { adviceInvocation } from '../advice-invocation.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';
import { writeJson } from './pipeline-options.js';

/**
 * `footprint undo [--json]`: moves the branch of the last commit run back to where it started.
 * Exits 1 when refused, for example because the branch moved since the run. With `--json`, a
 * refusal still prints a document with `result: "refused"` and the reason on stdout, and the
 * reason on stderr.
 */
export async function run(context: CommandContext): Promise<number> {
  let result: UndoResult;
  try {
    const invocation = adviceInvocation(context);
    result = await runUndo({ cwd: context.cwd, env: context.env, invocation });
  } catch (error) {
    if (!context.line.json || !isRefusal(error)) throw error;
    writeJson(context, refusedUndoDocument(error.message));
    context.stderr.write(userErrorMessage(context.stderrStyle, error.message));
    return EXIT_REFUSED;
  }
  if (context.line.json) writeJson(context, undoResultDocument(result));
  else context.stdout.write(formatUndoDone(context.stdoutStyle, result));
  if (result.fossilWarning !== undefined) {
    context.stderr.write(fossilNotWrittenMessage(context.stderrStyle, result.fossilWarning));
  }
  return EXIT_OK;
}
