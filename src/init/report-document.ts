import path from 'node:path';
import { EDITED_HOOK_DETAIL } from './hook-file.js';
import type { HookTarget } from './hook-target.js';
import type { InstallReport } from './install.js';
import type { InstallStep } from './install-step.js';

/**
 * Returns the `--json` document of `footprint init` and `footprint init --uninstall`, valid
 * against schemas/init.schema.json. Paths inside the worktree are relative to its root.
 */
export function initReportDocument(report: InstallReport, uninstall: boolean): object {
  const { worktree } = report;
  return {
    schemaVersion: 1,
    command: 'init',
    uninstall,
    worktree,
    target: targetEntry(report.target, worktree),
    steps: report.steps.map((step) => ({
      file: relativeToWorktree(step.file, worktree),
      action: step.action,
      detail: step.detail,
    })),
    notes: report.notes,
    advice: report.advice,
    editedHooks: editedHookFiles(report.steps).map((file) => relativeToWorktree(file, worktree)),
    changed: report.changed,
  };
}

/** Returns the absolute paths of footprint's hooks kept because someone edited them. */
export function editedHookFiles(steps: readonly InstallStep[]): string[] {
  return steps
    .filter((step) => step.detail.startsWith(EDITED_HOOK_DETAIL))
    .map((step) => step.file);
}

function targetEntry(target: HookTarget, worktree: string) {
  const dir = relativeToWorktree(target.dir, worktree);
  if (target.kind === 'husky') {
    return { kind: target.kind, dir, huskyVersion: target.huskyVersion, active: target.active };
  }
  // git runs the core.hooksPath folder, or the git directory's hooks when it is unset.
  return { kind: target.kind, dir, huskyVersion: null, active: true };
}

/** Returns `file` relative to the worktree root with `/` separators, or as is when outside. */
function relativeToWorktree(file: string, worktree: string): string {
  const relative = path.relative(worktree, file);
  if (relative === '') return '.';
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`);
  if (outside || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}
