import type { CommitPlan, CommitRun, PlannedChange } from '../commit/types.js';
import type { UndoResult } from '../commit/undo.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import { plural } from './messages.js';
import { shellQuote } from './shell-quote.js';
import { escapeControlCharacters, quotePath } from './quote-path.js';
import { formatStatus, type Style } from './style.js';
import { displayPath } from './summary.js';

/** Characters of an object id shown, as `git log --oneline` shows about as many. */
const SHORT_OID = 12;
const BRANCH_PREFIX = 'refs/heads/';

const shortOid = (oid: string | null): string =>
  oid === null ? 'nothing' : oid.slice(0, SHORT_OID);

/** Names the ref a run moves as a user knows it: `main`, or `detached HEAD`. */
export function describeRef(ref: string): string {
  if (ref === 'HEAD') return 'detached HEAD';
  const name = ref.startsWith(BRANCH_PREFIX) ? ref.slice(BRANCH_PREFIX.length) : ref;
  return escapeControlCharacters(maskNameSecrets(name));
}

/**
 * Lists the planned commits: one line per commit with its message subject and batch, then the
 * paths it takes, with `2 of 5 hunks` for a file split across batches (and its mode change in
 * the first of them). Provider tokens in the paths and the strategy file's name are masked.
 */
export function formatCommitPlan(style: Style, plan: CommitPlan, cwd: string): string {
  const { colors } = style;
  const start = plan.startHead === null ? 'an unborn branch' : shortOid(plan.startHead);
  const source =
    plan.strategy.file === null
      ? 'planned from the staged change'
      : maskNameSecrets(displayPath(plan.strategy.file, cwd));
  const lines = [
    `${colors.bold('footprint commit')}: ${plural(plan.commits.length, 'commit')} on ` +
      `${describeRef(plan.ref)}, on top of ${start} (${source})`,
  ];
  plan.commits.forEach((commit, index) => {
    const subject = escapeControlCharacters(commit.message.split('\n', 1)[0] ?? '');
    lines.push(`  ${index + 1}. ${subject}  ${colors.dim(commit.batch)}`);
    for (const change of commit.changes.slice(0, LISTED_CHANGES)) {
      lines.push(`       ${describeChange(change)}`);
    }
    const rest = commit.changes.length - LISTED_CHANGES;
    if (rest > 0) lines.push(`       and ${plural(rest, 'more path')} (--json lists them all)`);
  });
  return lines.join('\n') + '\n';
}

/**
 * Paths listed under each planned commit. A commit of thousands of files would otherwise print
 * a line for each before the question.
 */
const LISTED_CHANGES = 20;

/** Names a planned change's paths, with provider tokens in them masked as in fossils. */
function describeChange(change: PlannedChange): string {
  const path = quotePath(maskNameSecrets(change.path));
  const name =
    change.oldPath === undefined
      ? path
      : `${quotePath(maskNameSecrets(change.oldPath))} -> ${path}`;
  if (change.hunks === undefined) return name;
  const mode = change.modeChange === undefined ? '' : `, mode ${change.modeChange}`;
  return `${name} (${change.hunks.length} of ${plural(change.totalHunks, 'hunk')}${mode})`;
}

/** Returns the question asked on a terminal before anything is written. */
export function commitConfirmQuestion(plan: CommitPlan): string {
  return `Make ${plural(plan.commits.length, 'commit')} on ${describeRef(plan.ref)}? [y/N] `;
}

/**
 * Reports a finished run: the range, each commit, and how to undo it. `invocation` starts the
 * undo command, as the run was started (see footprintInvocation).
 */
export function formatCommitDone(
  style: Style,
  run: CommitRun,
  cwd: string,
  invocation = 'footprint',
): string {
  const { colors } = style;
  const count = plural(run.commits.length, 'commit');
  const headline = `Made ${count} on ${describeRef(run.plan.ref)}${describeRange(run)}.`;
  const lines = [formatStatus(style, 'success', headline)];
  for (const commit of run.commits) {
    const subject = escapeControlCharacters(commit.message.split('\n', 1)[0] ?? '');
    lines.push(`  ${colors.yellow(shortOid(commit.oid))} ${subject}`);
  }
  if (run.signing !== null) lines.push(`  Signed with ${run.signing}.`);
  const recorded = displayPath(run.fossilPath, cwd);
  lines.push(`  Recorded in ${recorded}. Undo with \`${invocation} undo\`.`);
  return lines.join('\n') + '\n';
}

/**
 * Names the commits of a run as a range `start..end`. On an unborn branch there is no start,
 * so the range runs from the root commit, the run's first.
 */
function describeRange(run: CommitRun): string {
  const end = shortOid(run.finalHead);
  if (run.plan.startHead !== null) return `: ${shortOid(run.plan.startHead)}..${end}`;

  const root = shortOid(run.commits[0]?.oid ?? run.finalHead);
  if (run.commits.length === 1) return `, which had no commits: the root commit ${root}`;
  return `, which had no commits: from the root commit ${root} to ${end}`;
}

/** Reports an undo: where the ref went and what became of the run's commits. */
export function formatUndoDone(style: Style, result: UndoResult): string {
  const target = result.to === null ? 'an unborn branch again' : shortOid(result.to);
  const headline =
    `Moved ${describeRef(result.ref)} back from ${shortOid(result.from)} to ${target}, ` +
    `where commit run ${result.fossilId} started.`;
  const lines = [
    formatStatus(style, 'success', headline),
    describeRecovery(result),
    "  The index was not touched, so the run's changes are staged again, with anything staged since.",
  ];
  return lines.join('\n') + '\n';
}

function describeRecovery(result: UndoResult): string {
  if (result.to === null) return describeUnbornRecovery(result);
  if (result.ref === 'HEAD') return describeDetachedRecovery(result);
  return describeReflogRecovery(result);
}

/** Describes the recovery after an undo that moved a detached HEAD, so no branch. */
function describeDetachedRecovery(result: UndoResult): string {
  const commits =
    result.commits === 1 ? 'the commit of that run' : `the ${result.commits} commits of that run`;
  const them = result.commits === 1 ? 'it' : 'them';
  const lost = `  HEAD is detached, so no branch moved, and HEAD no longer reaches ${commits}.`;
  if (result.reflog === null) return `${lost} ${describeUnreferenced(result)}`;
  return (
    `${lost} ${describeReflogCommand(result.reflog)} still lists ${them}, and ` +
    `\`git reset --soft ${result.from}\` brings the run back.`
  );
}

function describeReflogRecovery(result: UndoResult): string {
  const subject =
    result.commits === 1
      ? 'The commit of that run is'
      : `The ${result.commits} commits of that run are`;
  const gone = `  ${subject} no longer on the branch`;
  if (result.reflog === null) return `${gone}. ${describeUnreferenced(result)}`;
  const them = result.commits === 1 ? 'it' : 'them';
  return `${gone}, and ${describeReflogCommand(result.reflog)} still lists ${them}.`;
}

/** Names the command that lists a ref's reflog: `git reflog` for HEAD's. */
function describeReflogCommand(ref: string): string {
  if (ref === 'HEAD') return '`git reflog`';
  const name = ref.startsWith(BRANCH_PREFIX) ? ref.slice(BRANCH_PREFIX.length) : ref;
  return `\`git reflog show ${shellQuote(name)}\``;
}

/**
 * Describes the run's commits when no reflog lists them (`core.logAllRefUpdates` off, or the
 * reflog deleted): nothing references them, so it names the last one, which reaches the others.
 */
function describeUnreferenced(result: UndoResult): string {
  const them = result.commits === 1 ? 'it' : 'them';
  const last = result.commits === 1 ? 'its id' : 'the last one';
  return (
    `No reflog lists ${them}, so \`git gc\` may delete ${them}. To keep ${them}, note ` +
    `${last}, ${result.from}: \`git reset --soft ${result.from}\` brings the run back.`
  );
}

/**
 * On an unborn branch `git reflog` fails (git 2.39: "does not have any commits yet"), even when
 * HEAD's reflog file records the run, as it does for an orphan branch in a repository with
 * history. So the line names the run's last commit, which `git fsck --lost-found` reports as
 * dangling.
 */
function describeUnbornRecovery(result: UndoResult): string {
  const subject =
    result.commits === 1
      ? 'The commit of that run is'
      : `The ${result.commits} commits of that run are`;
  const last = result.commits === 1 ? 'it' : 'the last one';
  const them = result.commits === 1 ? 'it' : 'them';
  return (
    `  ${subject} on no branch now, and \`git reflog\` cannot list ${them}: it fails while ` +
    'the branch has no commits. ' +
    `\`git fsck --lost-found\` reports ${last}, ${result.from}, as dangling; ` +
    `\`git reset --soft ${result.from}\` brings the run back.`
  );
}
