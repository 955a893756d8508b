import { shellPath } from './shell-quote.js';

/**
 * Returns the words that start a footprint command printed as advice: `footprint`, followed by
 * `--cwd DIR` when the run was given `--cwd`. The command then runs in the same folder from
 * the shell's folder, and resolves a relative path in it against DIR, as this run did.
 */
export function footprintInvocation(cwdOption: string | undefined): string {
  return cwdOption === undefined ? 'footprint' : `footprint --cwd ${shellPath(cwdOption)}`;
}
