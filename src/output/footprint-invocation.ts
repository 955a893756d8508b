import { shellPath } from './shell-quote.js';

/**
 * Returns the words that start a footprint command printed as advice: `command`, which runs
 * this footprint from the shell's folder (`footprint`, `npx footprint` or `node BIN`), followed
 * by `--cwd DIR` when the run was given `--cwd`. The command then runs in the same folder from
 * the shell's folder, and resolves a relative path in it against DIR, as this run did.
 */
export function footprintInvocation(cwdOption: string | undefined, command = 'footprint'): string {
  return cwdOption === undefined ? command : `${command} --cwd ${shellPath(cwdOption)}`;
}

/**
 * Returns the words that start a git command printed as advice: `git`, followed by `-C DIR`
 * when the run was given `--cwd DIR`, so the command reaches the same repository from the
 * shell's folder.
 */
export function gitCommandStart(cwdOption: string | undefined): string {
  return cwdOption === undefined ? 'git' : `git -C ${shellPath(cwdOption)}`;
}
