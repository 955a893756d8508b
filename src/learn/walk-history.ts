import { GitCommandError, gitInvocation, spawnGit } from '../git/run-git.js';
import type { RepositoryLayout } from '../git/types.js';
import { createDebug } from '../log/debug.js';
import { LOG_FORMAT, LogParser, type LoggedCommit } from './log-parser.js';

const debug = createDebug('learn');

/**
 * Arguments of the one `git log` that reads the listed commits (from stdin, in that order).
 * Each flag guards against a setting that would change what is printed.
 */
const LOG_ARGS = [
  'log',
  // Exactly the commits on stdin, in their order, without walking their ancestors.
  '--no-walk=unsorted',
  '--stdin',
  // A rename is a deletion and an addition, so a path's history is the history of that path.
  '--no-renames',
  // The first commit shows the files it adds even with log.showRoot=false.
  '--root',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-show-signature',
  '-z',
  LOG_FORMAT,
];

/** Line counts and hunks come from a diff without context; `--numstat` gives exact paths. */
const LINE_ARGS = ['--numstat', '--patch', '--unified=0'];
const NAME_ARGS = ['--name-only'];

/** After this many commits whose diffs failed, the rest of the walk reads paths only. */
const MAX_DIFF_FAILURES = 20;

export interface WalkOptions {
  /** Commits to read, newest first. */
  oids: readonly string[];
  /** Read line counts and hunks (needs blobs) or paths only (needs trees only). */
  withLines: boolean;
  onCommit(commit: LoggedCommit): void;
}

export interface WalkReport {
  /** Commits whose diffs could not be read, such as those with a missing blob; read as paths only. */
  pathsOnly: string[];
}

/**
 * Reads commits with as few `git log` processes as possible: one, unless a commit's diff
 * cannot be read (a blob missing from a partial or damaged clone). That commit is read again
 * with paths only, and the walk goes on after it.
 */
export async function walkCommits(
  layout: RepositoryLayout,
  options: WalkOptions,
): Promise<WalkReport> {
  const report: WalkReport = { pathsOnly: [] };
  let start = 0;
  let withLines = options.withLines;

  while (start < options.oids.length) {
    const oids = options.oids.slice(start);
    const attempt = await runLog(layout, oids, withLines, options.onCommit);
    if (attempt.error === null) return report;
    const failed = oids[attempt.emitted];
    if (!withLines || failed === undefined) throw attempt.error;

    debug(`diff of ${failed} failed, reading its paths only: ${attempt.error.message}`);
    const reread = await runLog(layout, [failed], false, options.onCommit);
    if (reread.error !== null) throw attempt.error;

    report.pathsOnly.push(failed);
    if (report.pathsOnly.length >= MAX_DIFF_FAILURES) withLines = false;
    start += attempt.emitted + 1;
  }
  return report;
}

interface LogAttempt {
  /** Commits parsed completely before git stopped. */
  emitted: number;
  error: GitCommandError | null;
}

function runLog(
  layout: RepositoryLayout,
  oids: readonly string[],
  withLines: boolean,
  onCommit: (commit: LoggedCommit) => void,
): Promise<LogAttempt> {
  const args = [...LOG_ARGS, ...(withLines ? LINE_ARGS : NAME_ARGS)];
  const invocation = gitInvocation(layout, args);
  // A git that knows this variable (see git(1)) never fetches a missing object with it set.
  // Older git ignores it, which is why a partial clone is read with paths only.
  invocation.env['GIT_NO_LAZY_FETCH'] = '1';
  debug(`run git ${args.join(' ')} for ${oids.length} commits`);

  return new Promise((resolve) => {
    const child = spawnGit(invocation);
    let emitted = 0;
    const parser = new LogParser(withLines, (commit) => {
      emitted += 1;
      onCommit(commit);
    });
    const stderr: Buffer[] = [];

    child.stdout.on('data', (chunk: Buffer) => parser.push(chunk.toString('latin1')));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      resolve({ emitted, error: new GitCommandError('git log', null, '', { cause: error }) });
    });
    child.on('close', (code, signal) => {
      const stderrText = Buffer.concat(stderr).toString('utf8');
      const failed = code !== 0 || !parser.end();
      const reason = signal === null ? undefined : `signal ${signal}`;
      const error = failed ? new GitCommandError('git log', code, stderrText, { reason }) : null;
      resolve({ emitted, error });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(`${oids.join('\n')}\n`);
  });
}
