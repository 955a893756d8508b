import path from 'node:path';
import { adviceInvocation } from '../advice-invocation.js';
import { installHooks, type InstallReport } from '../../init/install.js';
import { uninstallHooks } from '../../init/uninstall.js';
import { UserError } from '../../errors.js';
import {
  initDoneMessage,
  installStepMessage,
  uninstallDoneMessage,
} from '../../output/messages.js';
import { formatStatus } from '../../output/style.js';
import { displayPath } from '../../output/summary.js';
import type { CommandContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { findPackageRoot } from '../package-info.js';
import { EDITED_HOOK_DETAIL } from '../../init/hook-file.js';

/**
 * `footprint init`: installs the hooks with the paths of this footprint and this node baked
 * in, then lists each file it created, changed or left alone on stdout. `--uninstall` undoes
 * it and lists what it removed or restored. It accepts the common --mode and --no-llm,
 * which change nothing here, and rejects --json.
 */
export async function run(context: CommandContext): Promise<number> {
  // NOTE: init has no JSON document yet, because no schema in schemas/ describes its report.
  if (context.line.json) {
    const [what, command] = context.line.uninstall
      ? ['removed', 'footprint init --uninstall']
      : ['installed', 'footprint init'];
    throw new UserError(
      `footprint init has no --json output yet, so nothing was ${what}. ` +
        `Run \`${command}\` without --json; it lists each file it changes on stdout.`,
      { exitCode: EXIT_USAGE },
    );
  }

  const packageRoot = findPackageRoot();
  const options = { cwd: context.cwd, env: context.env, packageRoot };
  const report = context.line.uninstall
    ? await uninstallHooks(options)
    : await installHooks({
        ...options,
        footprintBin: path.join(packageRoot, 'bin', 'footprint.js'),
        node: process.execPath,
        invocation: adviceInvocation(context),
      });

  writeReport(context, report);
  const style = context.stdoutStyle;
  context.stdout.write(
    context.line.uninstall
      ? uninstallDoneMessage(style, report.changed, keptHooks(context, report))
      : initDoneMessage(style, report.changed, report.notes.length > 0),
  );
  return EXIT_OK;
}

/** Returns the footprint hooks an uninstall kept because someone edited them, as shown. */
function keptHooks(context: CommandContext, report: InstallReport): string[] {
  return report.steps
    .filter((step) => step.detail.startsWith(EDITED_HOOK_DETAIL))
    .map((step) => displayPath(step.file, context.cwd));
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
