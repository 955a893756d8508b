import { shellPath } from './shell-quote.js';

/**
 * Returns the words that start a footprint command printed as advice: `footprint`, or `npx
 * footprint` with `viaNpx` for a copy installed in the project only, followed by `--cwd DIR`
 * when the run was given `--cwd`. The command then runs in the same folder from the shell's
 * folder, and resolves a relative path in it against DIR, as this run did.
 */
export function footprintInvocation(cwdOption: string | undefined, viaNpx = false): string {
  const command = viaNpx ? 'npx footprint' : 'footprint';
  return cwdOption === undefined ? command : `${command} --cwd ${shellPath(cwdOption)}`;
}
