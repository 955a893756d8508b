import { realpathSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/load.js';
import type { Config } from '../../config/types.js';
import { UserError } from '../../errors.js';
import { formatFossil } from '../../fossils/format-fossil.js';
import { formatFossilTable } from '../../fossils/format-list.js';
import { formatFossilStats } from '../../fossils/format-stats.js';
import { computeFossilStats } from '../../fossils/fossil-stats.js';
import { parseDateOrAge } from '../../fossils/parse-time.js';
import type { FossilName } from '../../fossils/fossil-name.js';
import { pruneStore, type PruneReport } from '../../fossils/prune-store.js';
import { recordOutcome } from '../../fossils/record-outcome.js';
import { openFossilStore, type FossilFilter, type FossilStore } from '../../fossils/store.js';
import { summarizeFossil } from '../../fossils/summarize-fossil.js';
import { FOSSIL_SCHEMA_VERSION } from '../../fossils/types.js';
import { readUndoneRunIds } from '../../fossils/undo-records.js';
import { readUnlandedRunIds } from '../../fossils/unlanded-runs.js';
import { discoverRepository } from '../../git/discover.js';
import type { RepositoryLayout } from '../../git/types.js';
import { createDebug } from '../../log/debug.js';
import {
  fossilNotFoundMessage,
  invalidDateMessage,
  keptNewerFossilsMessage,
  keptNewestModelMessage,
  keptUnreadableFossilsMessage,
  missingFossilIdMessage,
  noFossilsListedMessage,
  missingFossilsSubcommandMessage,
  optionOfOtherSubcommandMessage,
  plural,
  skippedFossilMessage,
  unexpectedArgumentMessage,
  unknownFossilsSubcommandMessage,
  unknownFossilTypeMessage,
} from '../../output/messages.js';
import { shellQuote } from '../../output/shell-quote.js';
import { formatStatus } from '../../output/style.js';
import { displayPath } from '../../output/summary.js';
import { relativeToWorktree } from '../../output/worktree-path.js';
import { adviceInvocation } from '../advice-invocation.js';
import type { CommandLine } from '../args.js';
import { closestName } from '../closest-name.js';
import type { CommandContext } from '../context.js';
import { readCountOption } from '../count-options.js';
import { EXIT_OK } from '../exit-codes.js';
import { writeJson } from './pipeline-options.js';
import { noWorktreeError } from '../../git/no-worktree.js';

const debug = createDebug('fossils');

const SUBCOMMANDS = ['list', 'show', 'prune', 'stats', 'record-outcome'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

/** Fossil kinds this version writes or reads, for --type. */
const FOSSIL_TYPES = [
  'analysis',
  'strategy',
  'commit-run',
  'undo',
  'outcome',
  'model',
  'insight-cache',
];

/** Options of `fossils`, by name, with how to tell whether the command line gave them. */
const GIVEN: Record<string, (line: CommandLine) => boolean> = {
  json: (line) => line.json,
  type: (line) => line.type !== undefined,
  since: (line) => line.since !== undefined,
  until: (line) => line.until !== undefined,
  limit: (line) => line.limit !== undefined,
  keep: (line) => line.keep !== undefined,
  'older-than': (line) => line.olderThan !== undefined,
  'dry-run': (line) => line.dryRun,
  unreadable: (line) => line.unreadable,
};

/** Options each subcommand reads; the rest are rejected by name. */
const SUBCOMMAND_OPTIONS: Record<Subcommand, readonly string[]> = {
  list: ['json', 'type', 'since', 'until', 'limit'],
  show: ['json'],
  prune: ['json', 'type', 'keep', 'older-than', 'dry-run', 'unreadable'],
  stats: ['json', 'since', 'until'],
  'record-outcome': [],
};

/** `footprint fossils <list|show ID|prune|stats|record-outcome>`: the fossil record. */
export async function run(context: CommandContext): Promise<number> {
  const subcommand = readSubcommand(context.line);
  if (subcommand === 'record-outcome') return runRecordOutcome(context);

  const { store, config, layout } = await openStore(context, subcommand);
  if (subcommand === 'list') await runList(context, store, layout);
  else if (subcommand === 'show') await runShow(context, store, layout);
  else if (subcommand === 'prune') await runPrune(context, store, config);
  else await runStats(context, store, config, layout);
  return EXIT_OK;
}

function readSubcommand(line: CommandLine): Subcommand {
  const [name, ...rest] = line.operands;
  if (name === undefined)
    throw new UserError(missingFossilsSubcommandMessage(SUBCOMMANDS.slice(0, 4)));
  if (!(SUBCOMMANDS as readonly string[]).includes(name)) {
    throw new UserError(
      unknownFossilsSubcommandMessage(name, SUBCOMMANDS, closestName(name, SUBCOMMANDS)),
    );
  }
  const subcommand = name as Subcommand;
  // `show` takes the fossil's id or path, and the other subcommands take no argument.
  const extra = rest[subcommand === 'show' ? 1 : 0];
  if (extra !== undefined) {
    throw new UserError(unexpectedArgumentMessage(extra, `fossils ${subcommand}`));
  }

  for (const [option, given] of Object.entries(GIVEN)) {
    if (!given(line) || SUBCOMMAND_OPTIONS[subcommand].includes(option)) continue;
    const owners = SUBCOMMANDS.filter((other) => SUBCOMMAND_OPTIONS[other].includes(option));
    throw new UserError(optionOfOtherSubcommandMessage(`--${option}`, subcommand, owners));
  }
  return subcommand;
}

async function openStore(
  context: CommandContext,
  subcommand: Subcommand,
): Promise<{ store: FossilStore; config: Config; layout: RepositoryLayout }> {
  const layout = await discoverRepository({ cwd: context.cwd, env: context.env });
  if (layout.worktree === null) {
    throw noWorktreeError(layout.gitDir, `fossils ${subcommand}`, 'has no fossil store');
  }
  const config = (await loadConfig(layout.worktree, { env: context.env })).config;
  return { store: openFossilStore(layout.worktree, config), config, layout };
}

async function runList(
  context: CommandContext,
  store: FossilStore,
  layout: RepositoryLayout,
): Promise<void> {
  const filter = readFilter(context.line);
  const listing = await store.list(filter);
  writeWarnings(context, listing.warnings);
  // A run's undo may be outside the filter's times or type, so all undo fossils are read.
  const hasRuns = listing.fossils.some((stored) => stored.fossil.kind === 'commit-run');
  const marks = {
    undone: hasRuns ? await readUndoneRunIds(store) : new Set<string>(),
    unlanded: await readUnlandedRunIds(layout, listing.fossils),
  };
  const summaries = listing.fossils.map((stored) => summarizeFossil(stored, marks));

  if (context.line.json) {
    const worktree = layout.worktree ?? context.cwd;
    const fossils = summaries.map((summary) => ({
      ...summary,
      file: relativeToWorktree(summary.file, worktree),
    }));
    writeJson(context, { schemaVersion: 1, fossils, warnings: listing.warnings });
  } else if (summaries.length === 0) {
    const dir = displayPath(store.dir, context.cwd);
    context.stdout.write(`${noFossilsListedMessage(dir, filterOptions(context.line))}\n`);
  } else {
    context.stdout.write(formatFossilTable(summaries, context.stdoutStyle));
  }
}

async function runShow(
  context: CommandContext,
  store: FossilStore,
  layout: RepositoryLayout,
): Promise<void> {
  const value = context.line.operands[1];
  if (value === undefined) throw new UserError(missingFossilIdMessage(adviceInvocation(context)));
  // A path from the shell's folder comes first, as for any other command's file argument.
  const folders = [context.cwd, layout.worktree ?? context.cwd];
  const lookup = await store.read(storeFileName(value, store.dir, folders));
  writeWarnings(context, lookup.warnings);
  if (lookup.fossil === null) {
    const dir = displayPath(store.dir, context.cwd);
    throw new UserError(fossilNotFoundMessage(value, dir, adviceInvocation(context)));
  }

  if (context.line.json) writeJson(context, lookup.fossil.fossil);
  else context.stdout.write(formatFossil(lookup.fossil.fossil, context.stdoutStyle));
}

/**
 * Returns the file name when `value` is the path of a file in the store, absolute or relative
 * to one of `folders`. footprint prints such a path after `Fossil` relative to the shell's
 * folder, and `--json` documents give it relative to the worktree root. Any other value, such
 * as an id, is returned unchanged.
 */
function storeFileName(value: string, storeDir: string, folders: readonly string[]): string {
  if (!value.includes('/') && !value.includes(path.sep)) return value;

  for (const folder of folders) {
    const file = path.resolve(folder, value);
    if (sameFolder(path.dirname(file), storeDir)) return path.basename(file);
  }
  return value;
}

/** Tells whether two paths name one folder, through symbolic links such as macOS's /tmp. */
function sameFolder(left: string, right: string): boolean {
  if (left === right) return true;
  try {
    return realpathSync(left) === realpathSync(right);
  } catch {
    return false;
  }
}

async function runPrune(
  context: CommandContext,
  store: FossilStore,
  config: Config,
): Promise<void> {
  const { line } = context;
  const now = new Date();
  const request = {
    dryRun: line.dryRun,
    unreadable: line.unreadable,
    ...(line.type === undefined ? {} : { kind: readType(line.type) }),
    ...(line.keep === undefined ? {} : { keep: readCountOption('keep', line.keep) }),
    ...(line.olderThan === undefined
      ? {}
      : { olderThan: readDate('--older-than', line.olderThan, now) }),
  };
  const report = await pruneStore(store.dir, request, config, now);
  const removed = report.removed.map((name) => ({
    id: name.id,
    type: name.kind,
    createdAt: name.createdAt.toISOString(),
  }));

  const ids = (names: readonly FossilName[]): string[] => names.map((name) => name.id);
  if (line.json) {
    writeJson(context, {
      schemaVersion: 1,
      dryRun: line.dryRun,
      removed,
      kept: report.kept,
      keptNewestModel: ids(report.keptRegardlessOfAge),
      keptNewerVersion: ids(report.keptNewerVersion),
      keptUnreadable: ids(report.keptUnreadable),
    });
    return;
  }
  for (const entry of removed) context.stdout.write(`${entry.id}\n`);
  const verb = line.dryRun ? 'Would remove' : 'Removed';
  const text = `${verb} ${plural(removed.length, 'fossil')}; ${plural(report.kept, 'fossil')} kept.`;
  context.stdout.write(formatStatus(context.stdoutStyle, 'success', text) + '\n');
  for (const message of keptMessages(context, report)) {
    context.stdout.write(formatStatus(context.stdoutStyle, 'info', message) + '\n');
  }
}

/** Returns one line per fossil or group of fossils that prune selected but kept, and why. */
function keptMessages(context: CommandContext, report: PruneReport): string[] {
  const { dryRun } = context.line;
  const invocation = adviceInvocation(context);
  const messages = report.keptRegardlessOfAge.map((name) =>
    keptNewestModelMessage(name.id, invocation),
  );
  const newer = report.keptNewerVersion.length;
  if (newer > 0) messages.push(keptNewerFossilsMessage(newer, dryRun, FOSSIL_SCHEMA_VERSION));
  const unreadable = report.keptUnreadable.length;
  if (unreadable > 0) {
    const command = `${invocation} fossils prune${pruneSelection(context.line)}`;
    messages.push(keptUnreadableFossilsMessage(unreadable, dryRun, command));
  }
  return messages;
}

/** Returns the options of `fossils prune` that select fossils, as given, each after a space. */
function pruneSelection(line: CommandLine): string {
  const options: [string, string | undefined][] = [
    ['--keep', line.keep],
    ['--older-than', line.olderThan],
    ['--type', line.type],
  ];
  return options
    .map(([option, value]) => (value === undefined ? '' : ` ${option} ${shellQuote(value)}`))
    .join('');
}

async function runStats(
  context: CommandContext,
  store: FossilStore,
  config: Config,
  layout: RepositoryLayout,
): Promise<void> {
  const stats = await computeFossilStats(store, readFilter(context.line), config, layout);
  writeWarnings(context, stats.warnings);
  if (context.line.json) writeJson(context, { schemaVersion: 1, ...stats });
  else context.stdout.write(formatFossilStats(stats, context.stdoutStyle));
}

/**
 * Runs as the post-commit hook. The commit is made whatever happens here, so a failure is one
 * warning line and exit 0, never a crash report.
 */
async function runRecordOutcome(context: CommandContext): Promise<number> {
  try {
    const outcome = await recordOutcome({ cwd: context.cwd, env: context.env });
    debug(outcome.fossil === null ? `no outcome: ${outcome.reason}` : `outcome ${outcome.result}`);
  } catch (error) {
    debug(`recording the outcome failed: ${String((error as Error)?.stack ?? error)}`);
    const text = `footprint could not record how this commit compares with its suggestion: ${String((error as Error)?.message ?? error)}`;
    context.stderr.write(formatStatus(context.stderrStyle, 'warning', text) + '\n');
  }
  return EXIT_OK;
}

function readFilter(line: CommandLine): FossilFilter {
  const now = new Date();
  const filter: FossilFilter = {};
  if (line.type !== undefined) filter.kind = readType(line.type);
  if (line.since !== undefined) filter.from = readDate('--since', line.since, now);
  if (line.until !== undefined) filter.to = readDate('--until', line.until, now);
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
    throw new UserError(emptyRangeMessage(line.since ?? '', line.until ?? '', filter));
  }
  if (line.limit !== undefined) filter.limit = readCountOption('limit', line.limit);
  return filter;
}

/** Explains a --since and --until that leave no time between them. */
function emptyRangeMessage(since: string, until: string, filter: FossilFilter): string {
  if (filter.from?.getTime() === filter.to?.getTime()) {
    return (
      `--since ${since} and --until ${until} name the same time, and --until leaves out ` +
      'fossils written from that time on, so no fossil can match. For one whole day, give ' +
      '--until the day after.'
    );
  }
  return `--since ${since} is later than --until ${until}, so no fossil can match. Swap the two values.`;
}

/** Returns the options of `fossils list` that select fossils, as given, such as `--type model`. */
function filterOptions(line: CommandLine): string[] {
  const options: [string, string | undefined][] = [
    ['--type', line.type],
    ['--since', line.since],
    ['--until', line.until],
  ];
  return options.flatMap(([option, value]) =>
    value === undefined ? [] : [`${option} ${shellQuote(value)}`],
  );
}

function readType(value: string): string {
  if (FOSSIL_TYPES.includes(value)) return value;
  throw new UserError(unknownFossilTypeMessage(value, FOSSIL_TYPES));
}

function readDate(option: string, value: string, now: Date): Date {
  const date = parseDateOrAge(value, now);
  if (date === null) throw new UserError(invalidDateMessage(option, value));
  return date;
}

function writeWarnings(context: CommandContext, warnings: readonly string[]): void {
  for (const warning of warnings)
    context.stderr.write(skippedFossilMessage(context.stderrStyle, warning));
}
