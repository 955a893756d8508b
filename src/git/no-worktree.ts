import { UserError } from '../errors.js';
import { footprintInvocation } from '../output/footprint-invocation.js';
import { worktreeAroundGitDir } from './discover.js';

/** Facts of a command that needs a worktree but found only a git directory. */
interface NoWorktreeFacts {
  gitDir: string;
  /** The worktree around `gitDir`, or null for a bare repository. */
  worktree: string | null;
  /** The command as the advice names it, such as `learn` or `fossils list`. */
  command: string;
  /** The command's shortcoming in a bare repository, such as "has no fossil store". */
  consequence: string;
}

/**
 * Error of a command that needs a worktree but found only a git directory. Its advice starts
 * with `footprint` until the command line replaces that with the command that runs this
 * footprint (see withCommandStart), which code below the command line cannot know.
 */
export class NoWorktreeError extends UserError {
  readonly facts: NoWorktreeFacts;

  constructor(facts: NoWorktreeFacts, commandStart = 'footprint') {
    super(noWorktreeMessage(facts, commandStart));
    this.facts = facts;
  }

  /** Returns the same error with advice that starts with `commandStart`, such as `node BIN`. */
  withCommandStart(commandStart: string): NoWorktreeError {
    return new NoWorktreeError(this.facts, commandStart);
  }
}

/**
 * Returns the error for a command that needs a worktree but found only the git directory
 * `gitDir`: run inside a worktree's `.git`, it names that worktree, and for a bare repository
 * it names what the command lacks there (`consequence`, such as "has no fossil store").
 */
export function noWorktreeError(
  gitDir: string,
  command: string,
  consequence: string,
): NoWorktreeError {
  return new NoWorktreeError({
    gitDir,
    worktree: worktreeAroundGitDir(gitDir),
    command,
    consequence,
  });
}

function noWorktreeMessage(facts: NoWorktreeFacts, commandStart: string): string {
  const { gitDir, worktree, command, consequence } = facts;
  if (worktree !== null) {
    const advice = `${footprintInvocation(worktree, commandStart)} ${command}`;
    return `${gitDir} is the git directory of ${worktree}, not a worktree. Run \`${advice}\`.`;
  }
  return (
    `${gitDir} is a bare repository, which ${consequence}. ` +
    `Run \`${commandStart} ${command}\` in a worktree.`
  );
}
