import { readFileSync } from 'node:fs';

/** Stage names of pre-commit before 3.2.0 and the git hook names that replaced them. */
const OLD_STAGE_NAMES: Readonly<Record<string, string>> = {
  commit: 'pre-commit',
  'merge-commit': 'pre-merge-commit',
  push: 'pre-push',
};

/**
 * Finds the stage at which the pre-commit framework runs footprint, as a git hook name such as
 * `commit-msg`, or returns null when pre-commit did not start it or the stage is unknown.
 * pre-commit 3.0.4 to 4.6.2 exports PRE_COMMIT=1 to hooks but not the stage, so the stage comes
 * from the command line of the parent process, which is pre-commit itself
 * (`hook-impl --hook-type=commit-msg`, or `run --hook-stage commit-msg`). Reimplementations
 * such as go-pre-commit export PRE_COMMIT_HOOK_STAGE, which comes first.
 */
export async function findFrameworkStage(
  env: NodeJS.ProcessEnv,
  readParent: () => Promise<string[] | null> = readParentCommandLine,
): Promise<string | null> {
  if (env['PRE_COMMIT'] !== '1') return null;
  const exported = env['PRE_COMMIT_HOOK_STAGE'];
  if (exported !== undefined && exported !== '') return gitHookName(exported);
  const words = await readParent();
  if (words === null) return null;
  for (const [index, word] of words.entries()) {
    for (const option of ['--hook-type', '--hook-stage']) {
      if (word.startsWith(`${option}=`)) return gitHookName(word.slice(option.length + 1));
      if (word === option && words[index + 1] !== undefined) {
        return gitHookName(words[index + 1] ?? '');
      }
    }
  }
  return null;
}

function gitHookName(stage: string): string {
  return OLD_STAGE_NAMES[stage] ?? stage;
}

/**
 * Returns the arguments of the parent process: from /proc on Linux, else from `ps`, or null
 * where neither works, as on Windows.
 */
async function readParentCommandLine(): Promise<string[] | null> {
  try {
    const text = readFileSync(`/proc/${process.ppid}/cmdline`, 'utf8');
    return text.split('\0').filter((word) => word !== '');
  } catch {
    // No /proc, as on macOS and the BSDs.
  }
  if (process.platform === 'win32') return null;
  // Loaded here, so that a hook outside pre-commit loads no child_process module.
  const { readProcessArguments } = await import('./process-arguments.js');
  return readProcessArguments(process.ppid);
}
