import { plural } from '../output/messages.js';
import { formatStatus, type Style } from '../output/style.js';
import { displayPath } from '../output/summary.js';
import { relativeToWorktree } from '../output/worktree-path.js';
import type { LearnResult } from './learn.js';

const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

function count(value: number, singular: string, pluralForm?: string): string {
  const text = plural(value, singular, pluralForm);
  return text.replace(String(value), NUMBER_FORMAT.format(value));
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/** Starts of the commands that advice names, such as `footprint --cwd app` and `git -C app`. */
export interface AdviceStarts {
  footprint: string;
  git: string;
}

/**
 * Formats what `footprint learn` did, for stdout. The commands it names start with `advice`
 * (see footprintInvocation and gitCommandStart).
 */
export function formatLearnResult(
  result: LearnResult,
  style: Style,
  cwd: string,
  advice: AdviceStarts = { footprint: 'footprint', git: 'git' },
): string {
  const lines = [
    formatStatus(style, result.result === 'no-commits' ? 'info' : 'success', headline(result)),
  ];
  if (result.fossil !== null) lines.push(`  Model ${displayPath(result.fossil, cwd)}`);
  if (result.pathsOnlyCommits > 0) {
    const text =
      `${count(result.pathsOnlyCommits, 'commit')} of the model could be read with paths only ` +
      '(a blob is missing, or the repository is a partial clone), so their sizes are unknown.';
    lines.push(formatStatus(style, 'warning', text));
  }
  if (result.shallowCommits > 0) {
    const text =
      `Left out ${count(result.shallowCommits, 'commit')} at the shallow clone's boundary, ` +
      'whose parents are missing, so their diffs would show every file as added. ' +
      // A later plain learn starts after the model's last commit, so the older history needs --full.
      `Run \`${advice.git} fetch --unshallow\`, then \`${advice.footprint} learn --full\`, ` +
      'to learn from the whole history.';
    lines.push(formatStatus(style, 'info', text));
  }
  return `${lines.join('\n')}\n`;
}

function headline(result: LearnResult): string {
  const known = `${count(result.files, 'file')}, ${count(result.pairs, 'pair')} of files changed together`;
  const took = seconds(result.durationMs);
  switch (result.result) {
    case 'no-commits':
      return result.head === null
        ? 'HEAD has no commits yet, so there is nothing to learn.'
        : `No commit up to HEAD (${short(result.head)}) is in range to learn from, so no model was written${result.fossil === null ? '' : ' and the current one stays'}.`;
    case 'up-to-date':
      return `The model already ends at HEAD (${short(result.head)}): ${count(result.commits, 'commit')}, ${known}.`;
    case 'updated':
      return `Added ${count(result.newCommits, 'new commit')} to the model in ${took}: ${count(result.commits, 'commit')} in all, ${known}.`;
    case 'learned':
      return `Learned ${count(result.commits, 'commit')} in ${took}: ${known}.`;
  }
}

function short(oid: string | null): string {
  return oid === null ? 'none' : oid.slice(0, 7);
}

/** Returns the `--json` document of `footprint learn`, valid against schemas/learn.schema.json. */
export function learnResultDocument(result: LearnResult): object {
  return {
    schemaVersion: 1,
    command: 'learn',
    result: result.result,
    fossil: result.fossil === null ? null : relativeToWorktree(result.fossil, result.worktree),
    head: result.head,
    commits: result.commits,
    newCommits: result.newCommits,
    pathsOnlyCommits: result.pathsOnlyCommits,
    shallowCommits: result.shallowCommits,
    files: result.files,
    pairs: result.pairs,
    durationMs: Math.round(result.durationMs),
  };
}
