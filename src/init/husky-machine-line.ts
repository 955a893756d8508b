import { quoteShell } from './hook-script.js';

/** The footprint commands whose exit code stops git: the checks of a commit or a merge. */
const BLOCKING_COMMAND = /^precommit(?: |$)/;

/** A single-quoted sh word as quoteShell writes it, where `'\''` stands for a quote. */
export const QUOTED_WORD = String.raw`'(?:[^']|'\\'')*'`;

/**
 * The start of the line that machinePathLine writes, up to footprint's path: the test for
 * the path and the node command, which is PATH's node, else the node that ran init.
 */
export const MACHINE_LINE_START = String.raw`if\s+\[ -f ${QUOTED_WORD} \];\s+then\s+"\$\(command -v node \|\| echo ${QUOTED_WORD}\)"\s+`;

/** A whole line that machinePathLine wrote; group 1 is footprint's command. */
const MACHINE_LINE = new RegExp(
  String.raw`^\s*${MACHINE_LINE_START}${QUOTED_WORD}\s+(.+?)(?:\s+\|\|\s+true)?;\s+(?:elif .*;\s+)?fi\s*$`,
);

/**
 * Builds the husky line that runs footprint by the absolute path of the footprint that ran
 * init, for a project without footprint in node_modules. Like footprint's `.git/hooks`
 * scripts, it runs PATH's node, else the node that ran init, and when the path is gone, a
 * blocking command prints the fix and the skip and fails, while any other command is skipped.
 */
export function machinePathLine(command: string, footprintBin: string, node: string): string {
  const bin = quoteShell(footprintBin);
  const run = `"$(command -v node || echo ${quoteShell(node)})" ${bin} ${command}`;
  // prepare-commit-msg and post-commit never stop a commit, as in footprint's own hooks.
  if (!BLOCKING_COMMAND.test(command)) return `if [ -f ${bin} ]; then ${run} || true; fi`;

  const git = command.includes('--merge') ? 'git merge' : 'git commit';
  const message = [
    `footprint: ${footprintBin} was not found, so this hook cannot run footprint.`,
    '  Fix: npm install --save-dev footprint-cli && npx footprint init, ' +
      'or run `footprint init` again with the footprint you have now',
    `  Skip once: FOOTPRINT=0 ${git} ...   or   ${git} --no-verify`,
  ];
  const print = `printf '%s\\n' ${message.map(quoteShell).join(' ')} >&2`;
  return `if [ -f ${bin} ]; then ${run}; elif [ "\${FOOTPRINT:-}" != 0 ]; then ${print}; exit 1; fi`;
}

/** Returns footprint's command in a line that machinePathLine wrote, or null for any other line. */
export function machineLineCommand(text: string): string | null {
  return MACHINE_LINE.exec(text)?.[1] ?? null;
}
