import path from 'node:path';
import { installHooks, type InstallReport } from '../../init/install.js';
import { uninstallHooks } from '../../init/uninstall.js';
import {
  initDoneMessage,
  installStepMessage,
  uninstallDoneMessage,
} from '../../output/messages.js';
import { formatStatus } from '../../output/style.js';
import { displayPath } from '../../output/summary.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK } from '../exit-codes.js';
import { findPackageRoot } from '../package-info.js';

/**
 * `footprint init`: installs the hooks with the paths of this footprint and this node baked
 * in, then lists each file it created, changed or left alone on stdout. `--uninstall` undoes
 * it and lists what it removed or restored.
 */
export async function run(context: CommandContext): Promise<number> {
  const packageRoot = findPackageRoot();
  const options = { cwd: context.cwd, env: context.env, packageRoot };
  const report = context.line.uninstall
    ? await uninstallHooks(options)
    : await installHooks({
        ...options,
        footprintBin: path.join(packageRoot, 'bin', 'footprint.js'),
        node: process.execPath,
      });

  writeReport(context, report);
  const style = context.stdoutStyle;
  context.stdout.write(
    context.line.uninstall
      ? uninstallDoneMessage(style, report.changed)
      : initDoneMessage(style, report.changed),
  );
  return EXIT_OK;
}

function writeReport(context: CommandContext, report: InstallReport): void {
  const style = context.stdoutStyle;
  for (const step of report.steps) {
    context.stdout.write(
      installStepMessage(style, step.action, displayPath(step.file, context.cwd), step.detail),
    );
  }
  for (const note of report.notes) context.stdout.write(formatStatus(style, 'info', note) + '\n');
}
