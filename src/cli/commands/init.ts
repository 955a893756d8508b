import path from 'node:path';
import { adviceInvocation } from '../advice-invocation.js';
import { installHooks, type InstallReport } from '../../init/install.js';
import { editedHookFiles, initReportDocument } from '../../init/report-document.js';
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
import { writeJson } from './pipeline-options.js';

/**
 * `footprint init`: installs the hooks with the paths of this footprint and this node baked
 * in, then lists each file it created, changed or left alone on stdout. `--uninstall` undoes
 * it and lists what it removed or restored. With `--json`, stdout gets the init document
 * (schemas/init.schema.json) instead. It accepts the common --mode and --no-llm, which
 * change nothing here.
 */
export async function run(context: CommandContext): Promise<number> {
  const packageRoot = findPackageRoot();
  const options = { cwd: context.cwd, env: context.env, packageRoot };
  const invocation = adviceInvocation(context);
  const report = context.line.uninstall
    ? await uninstallHooks(options)
    : await installHooks({
        ...options,
        footprintBin: path.join(packageRoot, 'bin', 'footprint.js'),
        node: process.execPath,
        invocation,
        force: context.line.force,
      });

  if (context.line.json) {
    writeJson(context, initReportDocument(report, context.line.uninstall));
    return EXIT_OK;
  }
  writeReport(context, report);
  const style = context.stdoutStyle;
  context.stdout.write(
    context.line.uninstall
      ? uninstallDoneMessage(style, report.changed, keptHooks(context, report), invocation)
      : initDoneMessage(style, report.changed, report.notes.length > 0),
  );
  return EXIT_OK;
}

/** Returns the footprint hooks an uninstall kept because someone edited them, as shown. */
function keptHooks(context: CommandContext, report: InstallReport): string[] {
  return editedHookFiles(report.steps).map((file) => displayPath(file, context.cwd));
}

function writeReport(context: CommandContext, report: InstallReport): void {
  const style = context.stdoutStyle;
  for (const step of report.steps) {
    context.stdout.write(
      installStepMessage(style, step.action, displayPath(step.file, context.cwd), step.detail),
    );
  }
  // The notes come last, right above the closing line that refers to them.
  for (const note of [...report.advice, ...report.notes]) {
    context.stdout.write(formatStatus(style, 'info', note) + '\n');
  }
}
