import { runUndo } from '../../commit/undo.js';
import { formatUndoDone } from '../../output/commit-summary.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';

/**
 * `footprint undo`: moves the branch of the last commit run back to where it started. Exits 1
 * when refused, for example because the branch moved since the run.
 */
export async function run(context: CommandContext): Promise<number> {
  const result = await runUndo({ cwd: context.cwd, env: context.env });
  context.stdout.write(formatUndoDone(context.stdoutStyle, result));
  return EXIT_OK;
}
