import { UserError } from '../errors.js';
import { childProcess } from './child-process.js';
import { gitInvocation } from './run-git.js';
import type { RepositoryLayout } from './types.js';

/** Author and committer lines as a commit records them: `Name <email> 1700000000 +0100`. */
export interface CommitIdentities {
  author: string;
  committer: string;
}

/** Variables that choose the identity and date of a commit; git's own command line reads them. */
const IDENTITY_VARIABLES = [
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_COMMITTER_DATE',
];

const IDENTITY_LINE = /^.* <[^<>]*> -?\d+ [+-]\d{4}$/;

/**
 * Returns the author and committer that `git commit` would record now, by asking
 * `git var GIT_AUTHOR_IDENT` and `GIT_COMMITTER_IDENT`. git applies its own rules that way:
 * the GIT_AUTHOR_* and GIT_COMMITTER_* variables, `author.*`, `committer.*` and `user.*` in
 * every configuration scope, EMAIL, names from the system, and every date format
 * GIT_AUTHOR_DATE accepts. An identity git cannot make is a UserError.
 */
export async function readCommitIdentities(
  layout: RepositoryLayout,
  env: NodeJS.ProcessEnv,
): Promise<CommitIdentities> {
  const [author, committer] = await Promise.allSettled([
    readIdentity(layout, env, 'GIT_AUTHOR_IDENT'),
    readIdentity(layout, env, 'GIT_COMMITTER_IDENT'),
  ]);
  // Both are read at once, but a missing author is reported first whichever fails sooner.
  if (author.status === 'rejected') throw author.reason;
  if (committer.status === 'rejected') throw committer.reason;
  return { author: author.value, committer: committer.value };
}

/** Splits an identity line into `Name <email>` and its `@<seconds> <zone>` date. */
export function splitIdentity(identity: string): { person: string; date: string } {
  const match = /^(.* <[^<>]*>) (-?\d+) ([+-]\d{4})$/.exec(identity);
  if (match === null) throw new Error(`Invalid identity line "${identity}".`);
  return { person: match[1] as string, date: `@${match[2]} ${match[3]}` };
}

function readIdentity(
  layout: RepositoryLayout,
  env: NodeJS.ProcessEnv,
  variable: 'GIT_AUTHOR_IDENT' | 'GIT_COMMITTER_IDENT',
): Promise<string> {
  const invocation = gitInvocation(layout, ['var', variable], env);
  // gitInvocation drops inherited GIT_* variables; the identity ones must reach git var.
  for (const name of IDENTITY_VARIABLES) {
    const value = env[name];
    if (value !== undefined) invocation.env[name] = value;
  }

  return new Promise((resolve, reject) => {
    const options = { cwd: invocation.cwd, env: invocation.env, encoding: 'utf8' as const };
    childProcess().execFile('git', invocation.args, options, (error, stdout, stderr) => {
      const line = stdout.trim();
      if (error === null && IDENTITY_LINE.test(line)) {
        resolve(line);
        return;
      }
      reject(identityError(variable, env, stderr, error));
    });
  });
}

/** Start of git's error (2.39) for a GIT_AUTHOR_DATE or GIT_COMMITTER_DATE it cannot read. */
const INVALID_DATE = 'invalid date format: ';

function identityError(
  variable: 'GIT_AUTHOR_IDENT' | 'GIT_COMMITTER_IDENT',
  env: NodeJS.ProcessEnv,
  stderr: string,
  cause: unknown,
): UserError {
  const role = variable === 'GIT_AUTHOR_IDENT' ? 'author' : 'committer';
  const reason = (
    stderr
      .trim()
      .split('\n')
      .findLast((line) => line.trim() !== '') ?? 'no output'
  ).replace(/^fatal: /, '');
  if (reason.startsWith(INVALID_DATE)) {
    const dateVariable = role === 'author' ? 'GIT_AUTHOR_DATE' : 'GIT_COMMITTER_DATE';
    return invalidDateError(
      dateVariable,
      env[dateVariable] ?? reason.slice(INVALID_DATE.length),
      cause,
    );
  }
  return new UserError(
    `git cannot tell who the ${role} of the commits is (${reason}). ` +
      'Set your name and email with `git config --global user.name "Your Name"` and ' +
      '`git config --global user.email you@example.com` (without --global for this repository only).',
    { exitCode: 1, cause },
  );
}

/** Makes the error for a date variable that git rejects, with the formats git accepts. */
function invalidDateError(variable: string, value: string, cause: unknown): UserError {
  return new UserError(
    `${variable} is "${value}", which git cannot read as a date (invalid date format). ` +
      `Unset ${variable} or set it to a date such as ` +
      '`2026-01-01T12:00:00+01:00`, `Thu, 01 Jan 2026 12:00:00 +0100` or `@1767265200 +0100`, ' +
      'then run the command again.',
    { exitCode: 1, cause },
  );
}
