import type { CommandName } from './args.js';

const COMMON_OPTIONS = `Options:
  --json              Print one JSON document on stdout (see schemas/); human text goes to stderr
  --mode MODE         conservative, balanced or aggressive; overrides "mode" in the configuration
  --no-llm            Use the offline heuristic even when an LLM provider is configured
  --color WHEN        auto (default), always or never; under auto, NO_COLOR, FORCE_COLOR and CI apply
  --no-color          The same as --color never
  --debug             Print debug lines with elapsed milliseconds to stderr
  --cwd DIR           Run as if footprint had been started in DIR
  -h, --help          Show this help
  -v, --version       Print the version; with --json, as schemas/version.schema.json`;

const FORMAT_OPTION = `  --format FORMAT     text (default), json (as --json) or sarif: SARIF 2.1.0 risk findings on
                      stdout for code-scanning tools`;

const BASE_OPTIONS = `Common options:
  --color WHEN        auto (default), always or never
  --no-color          The same as --color never
  --debug             Print debug lines with elapsed milliseconds to stderr
  --cwd DIR           Run as if footprint had been started in DIR
  -h, --help          Show this help`;

/** The common options that undo, learn, fossils and init accept but have no use for. */
const UNUSED_COMMON_OPTIONS = `  --mode MODE         Accepted, as by every command, and ignored
  --no-llm            Accepted, as by every command, and ignored`;

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
  init [--uninstall]        Install the commit hooks (husky, core.hooksPath or .git/hooks)
  prepare-commit-msg FILE   Fill in the suggested commit message, as the git hook does
  commit [--strategy FILE]  Make one commit per batch, then move the branch once
  undo                      Move the branch back to where the last footprint commit started
  learn                     Learn co-change, hotspots and habits from history into a model
  fossils SUBCOMMAND        Browse the fossil record: list, show ID, prune, stats

${COMMON_OPTIONS}

Environment:
  FOOTPRINT=0               Skip footprint in the hook, e.g. FOOTPRINT=0 git commit ...
  FOOTPRINT_SKIP=RULE,...   Skip these risk rules for one run
  FOOTPRINT_LLM=0|false|no|off  Use the offline heuristic, as --no-llm does
  FOOTPRINT_DEBUG=1|NS,...  Debug output for every namespace, or the listed ones

${EXIT_CODES}

Run \`footprint <command> --help\` for one command.
`;

const COMMAND_HELP: Record<CommandName, string> = {
  precommit: `Usage: footprint precommit [options]

Runs the pipeline on the staged change: footprint, batches, risk, insights, strategy check and
fossil. Prints the suggested split and the risk findings to stderr, where git shows them.
Exits 1 when a finding blocks the commit. FOOTPRINT=0 skips it. The pre-commit hook runs it,
and so does the pre-merge-commit hook, on the merge result that git merge is about to commit.

${FORMAT_OPTION}
  --merge             Check the change as a merge, with no split advice: the pre-merge-commit
                      hook passes it, because a wrapper may hide the merge from footprint
${COMMON_OPTIONS}
`,
  analyze: `Usage: footprint analyze [options]

Prints the staged footprint, the suggested batches and the risk findings to stdout.
Writes no fossil and always exits 0, even when a commit would be blocked.

${FORMAT_OPTION}
${COMMON_OPTIONS}
`,
  strategy: `Usage: footprint strategy [--output FILE] [options]

Writes the batch strategy (batches, order, messages, mitigations, validation steps) bound to
the staged tree. With --output it goes to FILE and a summary goes to stderr; without it, the
strategy goes to stdout. With --json, stdout gets the analysis document instead. FILE must
be new, empty or an earlier strategy, outside the git directory and not in the index. Any
other FILE is rejected (exit 2) before anything is written.

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
  init: `Usage: footprint init [--uninstall] [--force] [options]

Installs footprint's commit hooks (pre-commit, prepare-commit-msg and the others in its
hooks/ folder): a line in each .husky/ hook file with husky, the hook files in core.hooksPath
when it is set, else in .git/hooks. An existing hook is kept and run first. Writes
fossils/.gitignore and a starter footprint.config.json when none exists. Running it again
changes nothing.

  --uninstall         Remove footprint's hooks and put back the hooks they replaced; remove
                      the starter configuration and fossils/.gitignore when unchanged
  --force             Install the pre-commit hook even when .pre-commit-config.yaml runs
                      footprint through the pre-commit framework, which then runs it twice
  --json              Print the report as JSON (schemas/init.schema.json)
${UNUSED_COMMON_OPTIONS}
${BASE_OPTIONS}
`,
  'prepare-commit-msg': `Usage: footprint prepare-commit-msg FILE [SOURCE [COMMIT]] [options]

Runs as git's prepare-commit-msg hook, with git's arguments: the message file, the message
source and the commit of an amend. It adds only comment lines, which git removes, so a
message that the editor leaves as it is still aborts the commit. When the commit has no
message yet (no SOURCE), git opens an editor and the change is one coherent commit, it adds
that commit's suggested Conventional Commits message as a comment line: delete the comment
character in front of it to use it. When the change should be split, it lists the suggested
batches as comment lines, under a commit.template message too. A message from -m, -F, a
merge, a squash or an amend stays as it is, and so do the bytes of FILE in any encoding. It reuses the analysis
of the pre-commit run for the same staged tree. It exits 0 even when it fails, so it never
stops the commit.

${BASE_OPTIONS}
`,
  commit: `Usage: footprint commit [--strategy FILE] [--dry-run] [--yes] [--no-verify] [options]

Makes one commit per batch, in order, each with its batch's message: commit i holds HEAD's
tree plus batches 1 to i, and the last one holds exactly the staged tree. The branch (or a
detached HEAD) then moves once, with git's lock files and a reflog line. The working tree and
the index are not written. Without --strategy, the batches are planned from the staged change.
Refused (exit 1) during a merge, rebase, cherry-pick or revert, with unmerged paths, when HEAD
moved since the strategy was made, when the strategy is invalid, or when the risk check blocks
the change. Risk is judged in the mode of --mode, else in the mode the strategy file records,
else in the configured mode. Signs each commit when commit.gpgSign is set, and runs the
commit-msg hook on each message.

  --strategy FILE     Execute this strategy, after validating it against the staged change
  --dry-run           Print the planned commits and write nothing
  -y, --yes           Commit without asking; needed when stdin is not a terminal
  --no-verify         Skip the commit-msg hook and commit even when the risk check blocks
  --mode MODE         conservative, balanced or aggressive, for the planned batches and the
                      risk check
  --no-llm            Plan with the offline heuristic even when an LLM provider is configured
  --json              Print the plan or the result as JSON (schemas/commit.schema.json); needs
                      --yes or --dry-run
${BASE_OPTIONS}
`,
  undo: `Usage: footprint undo [options]

Moves the branch of the last \`footprint commit\` run back to where that run started, if the
branch still points at the run's last commit. The index is not touched, so the run's changes
are staged again, with anything staged since. The run's commits stay reachable through
\`git reflog\`. An undo fossil records the undo, and a run already undone is not undone again.

  --json              Print the result as JSON (schemas/undo.schema.json)
${UNUSED_COMMON_OPTIONS}
${BASE_OPTIONS}
`,
  learn: `Usage: footprint learn [--max-commits N] [--since DATE] [--full] [options]

Reads the non-merge commits reachable from HEAD and writes a model fossil: which files and
folders change together, which files fixes change most, the usual commit size, the
Conventional Commits types and scopes in use (and those of releases and of commits of
dependencies, CI, docs or tests alone), and the usual order of kinds of change.
Every analysis then uses it. A later run reads only the commits after the last model's and
adds them to it. Shows a progress bar on a terminal.

  --max-commits N     Read at most N commits (default 2000)
  --since DATE        Leave out commits older than DATE: 2025-01-31, or an age such as 90d,
                      12w or "6 months ago"
  --full              Learn from scratch instead of updating the last model
  --json              Print the result as JSON (schemas/learn.schema.json)
${UNUSED_COMMON_OPTIONS}
${BASE_OPTIONS}
`,
  fossils: `Usage: footprint fossils <list|show ID|prune|stats|record-outcome> [options]

Browses the fossil record in fossils/ (or "fossilDir"): analysis (every hook run), strategy,
commit-run, undo, outcome (what a commit did with the suggested split, from the post-commit
hook), model and insight-cache fossils. A fossil that cannot be read is skipped with one
warning.

  list                A table of fossils, newest first: time, type, outcome, risk, batches, id
  show ID             One fossil, readably, or as stored with --json
  prune               Remove fossils: beyond --keep N per type, or older than --older-than AGE
                      except the newest model; with neither, as the "fossils" retention says
  stats               How often suggestions were followed, how often commits were blocked and
                      by which rules, and the median hook time
  record-outcome      Compare HEAD's commit with the suggested split and write an outcome
                      fossil; the post-commit hook runs it

  --type TYPE         Only fossils of this type (list, prune)
  --since DATE        Only fossils written at or after DATE, a date such as 2025-01-31 or
                      an age such as 7d (list, stats)
  --until DATE        Only fossils written before DATE (list, stats)
  --limit N           List at most N fossils
  --keep N            prune: keep the newest N fossils of each type
  --older-than AGE    prune: remove fossils older than AGE (30d, 12h, 2w) or a date
  --dry-run           prune: list what would be removed and remove nothing
  --unreadable        prune: also remove fossils that cannot be read as JSON
  --json              Print the result as JSON (schemas/fossils-list.schema.json and others)
${UNUSED_COMMON_OPTIONS}

"footprint fossils SUBCOMMAND --help" shows the options of one subcommand.
${BASE_OPTIONS}
`,
};

const FOSSILS_HELP: Record<string, string> = {
  list: `Usage: footprint fossils list [--type TYPE] [--since DATE] [--until DATE] [--limit N]

Prints a table of fossils, newest first: time, type, outcome, risk, batches and id. A
commit run lists as committed, or as undone once \`footprint undo\` moved its branch back.

  --type TYPE         Only fossils of this type: analysis, strategy, commit-run, undo,
                      outcome, model or insight-cache
  --since DATE        Only fossils written at or after DATE: 2025-01-31 or an age such as 7d
  --until DATE        Only fossils written before DATE
  --limit N           List at most N fossils
  --json              Print the list as JSON (schemas/fossils-list.schema.json)
${BASE_OPTIONS}
`,
  show: `Usage: footprint fossils show ID

Prints one fossil readably. ID is the file name in the fossil store, with or without .json,
or its path: absolute, relative to the current folder, as footprint prints it after "Fossil"
or "Recorded in", or relative to the worktree root, as --json output names it.

  --json              Print the fossil as stored
${BASE_OPTIONS}
`,
  prune: `Usage: footprint fossils prune [--keep N] [--older-than AGE] [--type TYPE] [--dry-run]
                              [--unreadable]

Removes fossils beyond the newest N of each type, or older than AGE. With neither option,
the configuration's "fossils" retention applies, as after every write. Neither option
removes the newest model, because every analysis reads it; --keep 0 --type model does.
A fossil that a newer footprint wrote always stays, and so does one that cannot be read as
JSON unless --unreadable is given; prune says how many it kept.

  --keep N            Keep the newest N fossils of each type (0 or more)
  --older-than AGE    Remove fossils older than AGE (30d, 12h, 2w) or written before a date
  --type TYPE         Only fossils of this type
  --dry-run           List what would be removed and remove nothing
  --unreadable        Also remove fossils that cannot be read as JSON
  --json              Print the result as JSON (schemas/fossils-prune.schema.json)
${BASE_OPTIONS}
`,
  stats: `Usage: footprint fossils stats [--since DATE] [--until DATE]

Sums up the fossil record: how often suggestions were followed, how often commits were
blocked and by which rules, and the median hook time.

  --since DATE        Only fossils written at or after DATE: 2025-01-31 or an age such as 7d
  --until DATE        Only fossils written before DATE
  --json              Print the statistics as JSON (schemas/fossils-stats.schema.json)
${BASE_OPTIONS}
`,
  'record-outcome': `Usage: footprint fossils record-outcome

Compares HEAD's commit with the split suggested for it and writes an outcome fossil. The
post-commit hook runs it; it always exits 0, and prints one warning when it fails.
${BASE_OPTIONS}
`,
};

/**
 * Returns the help text of one command, or the general help for null. For `fossils`, the
 * first operand names a subcommand with help of its own.
 */
export function helpText(command: CommandName | null, operands: readonly string[] = []): string {
  if (command === null) return GENERAL_HELP;
  const subcommand = operands[0];
  if (command === 'fossils' && subcommand !== undefined) {
    return FOSSILS_HELP[subcommand] ?? COMMAND_HELP.fossils;
  }
  return COMMAND_HELP[command];
}
