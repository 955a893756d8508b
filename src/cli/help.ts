import type { CommandName } from './args.js';

const COMMON_OPTIONS = `Options:
  --json              Print one JSON document on stdout (see schemas/); human text goes to stderr
  --mode MODE         conservative, balanced or aggressive; overrides "mode" in the configuration
  --no-llm            Use the offline heuristic even when an LLM provider is configured
  --color WHEN        auto (default), always or never; under auto, NO_COLOR, FORCE_COLOR and CI apply
  --debug             Print debug lines with elapsed milliseconds to stderr
  --cwd DIR           Run as if footprint had been started in DIR
  -h, --help          Show this help
  -v, --version       Print the version`;

const BASE_OPTIONS = `Options:
  --color WHEN        auto (default), always or never
  --debug             Print debug lines with elapsed milliseconds to stderr
  --cwd DIR           Run as if footprint had been started in DIR
  -h, --help          Show this help`;

const EXIT_CODES = `Exit codes: 0 passed or valid, 1 blocked or invalid, 2 usage or configuration error,
3 internal error (precommit lets the commit through instead, unless "failClosed" is true),
130 interrupted.`;

const GENERAL_HELP = `footprint: reads the staged change, suggests how to split it into coherent commits,
blocks risky commits and records each analysis as a fossil.

Usage: footprint <command> [options]

Commands:
  precommit                 Run the pre-commit checks, as the git hook does (exit 1 when blocked)
  analyze                   Print the staged footprint, suggested batches and risk; never blocks
  strategy [--output FILE]  Write the batch strategy as JSON, to stdout without --output
  validate --strategy FILE  Check a strategy against its schema and the staged change
  init                      Install the pre-commit hook (husky, core.hooksPath or .git/hooks)

${COMMON_OPTIONS}

Environment:
  FOOTPRINT=0               Skip footprint in the hook, e.g. FOOTPRINT=0 git commit ...
  FOOTPRINT_SKIP=RULE,...   Skip these risk rules for one run
  FOOTPRINT_LLM=0           Use the offline heuristic, as --no-llm does
  FOOTPRINT_DEBUG=1|NS,...  Debug output for every namespace, or the listed ones

${EXIT_CODES}

Run \`footprint <command> --help\` for one command.
`;

const COMMAND_HELP: Record<CommandName, string> = {
  precommit: `Usage: footprint precommit [options]

Runs the pipeline on the staged change: footprint, batches, risk, insights, strategy check and
fossil. Prints the suggested split and the risk findings to stderr, where git shows them.
Exits 1 when a finding blocks the commit. FOOTPRINT=0 skips it.

${COMMON_OPTIONS}
`,
  analyze: `Usage: footprint analyze [options]

Prints the staged footprint, the suggested batches and the risk findings to stdout.
Writes no fossil and always exits 0, even when a commit would be blocked.

${COMMON_OPTIONS}
`,
  strategy: `Usage: footprint strategy [--output FILE] [options]

Writes the batch strategy (batches, order, messages, mitigations, validation steps) bound to
the staged tree. With --output it goes to FILE and a summary goes to stderr; without it, the
strategy goes to stdout. With --json, stdout gets the analysis document instead.

  -o, --output FILE   Write the strategy to FILE, making its folder when needed
${COMMON_OPTIONS}
`,
  validate: `Usage: footprint validate --strategy FILE [options]

Checks a strategy file against its schema and the current staged change: every staged hunk
in exactly one batch, no unknown paths, and the staged tree it was made for. Exits 1 when
the strategy is invalid or stale.

  --strategy FILE     The strategy to check
${COMMON_OPTIONS}
`,
  init: `Usage: footprint init [options]

Installs footprint's pre-commit hook: a line in .husky/pre-commit with husky, the hook file in
core.hooksPath when it is set, else .git/hooks/pre-commit. An existing hook is kept and run
first. Writes fossils/.gitignore and a starter footprint.config.json when none exists.
Running it again changes nothing.

${BASE_OPTIONS}
`,
};

/** Returns the help text of one command, or the general help for null. */
export function helpText(command: CommandName | null): string {
  return command === null ? GENERAL_HELP : COMMAND_HELP[command];
}
