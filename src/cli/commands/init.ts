import path from 'node:path';
import { installHooks } from '../../init/install.js';
import { initDoneMessage, installStepMessage } from '../../output/messages.js';
import { formatStatus } from '../../output/style.js';
import { displayPath } from '../../output/summary.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';
import { findPackageRoot } from '../package-info.js';

/**
 * `footprint init`: installs the hook with the paths of this footprint and this node baked
 * in, then lists each file it created, changed or left alone on stdout.
 */
export async function run(context: CommandContext): Promise<number> {
  const packageRoot = findPackageRoot();
  const report = await installHooks({
    cwd: context.cwd,
    env: context.env,
    packageRoot,
    footprintBin: path.join(packageRoot, 'bin', 'footprint.js'),
    node: process.execPath,
  });

  const style = context.stdoutStyle;
  for (const step of report.steps) {
    context.stdout.write(
      installStepMessage(style, step.action, displayPath(step.file, context.cwd), step.detail),
    );
  }
  for (const note of report.notes) context.stdout.write(formatStatus(style, 'info', note) + '\n');
  context.stdout.write(initDoneMessage(style, report.changed));
  return EXIT_OK;
}
