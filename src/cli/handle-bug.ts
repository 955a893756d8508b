import { crashMessage } from '../output/messages.js';
import type { Style } from '../output/style.js';
import { writeCrashReport } from './crash-report.js';
import type { CliIo } from './context.js';
import { EXIT_BLOCKED, EXIT_INTERNAL, EXIT_OK } from './exit-codes.js';
import { readFailClosed } from './fail-closed.js';

/**
 * Reports an internal error: writes a crash report and prints its path. In `precommit` the
 * commit goes ahead (exit 0) unless the configuration sets `failClosed`. Other commands exit 3.
 */
export async function handleBug(
  error: unknown,
  run: { argv: string[]; cwd: string; command: string | null; io: CliIo; style: Style },
): Promise<number> {
  const reportPath = await writeCrashReport(error, { argv: run.argv, cwd: run.cwd });
  if (run.command !== 'precommit') {
    run.io.stderr.write(crashMessage(run.style, reportPath, null));
    return EXIT_INTERNAL;
  }

  const failClosed = await readFailClosed(run.cwd, run.io.env);
  run.io.stderr.write(crashMessage(run.style, reportPath, !failClosed));
  return failClosed ? EXIT_BLOCKED : EXIT_OK;
}
