import { git } from './git-command.js';

/** One commit of the first-parent history, with the paths it changed against its first parent. */
export interface HistoryCommit {
  oid: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Author date in seconds since the epoch. */
  authorTime: number;
  /** Paths the commit changed, without rename detection; empty for a merge. */
  paths: string[];
}

const RECORD_SEPARATOR = '\x1e';
const FIELD_SEPARATOR = '\x1f';

/** `git log` arguments that list the first-parent history with each commit's changed paths. */
const LOG_ARGS = [
  'log',
  // The mainline only: a merged branch's own commits are not consecutive with the mainline.
  '--first-parent',
  // A rename lists both paths, so a lockfile moved elsewhere still counts as a lockfile change.
  '--no-renames',
  '--name-only',
  '-z',
  `--format=${RECORD_SEPARATOR}%H %P${FIELD_SEPARATOR}%an${FIELD_SEPARATOR}%ae${FIELD_SEPARATOR}%at`,
];

/** Reads the first-parent history of `ref`, oldest commit first. */
export function readFirstParentHistory(repoDir: string, ref: string): HistoryCommit[] {
  const output = git(repoDir, [...LOG_ARGS, ref, '--']);
  const commits = output
    .split(RECORD_SEPARATOR)
    .filter((record) => record !== '')
    .map(parseRecord);
  return commits.reverse();
}

/** Parses `<oid> <parents>\x1f<name>\x1f<email>\x1f<time>\0\n<path>\0<path>\0...`. */
export function parseRecord(record: string): HistoryCommit {
  const headerEnd = record.indexOf('\0');
  const header = headerEnd < 0 ? record : record.slice(0, headerEnd);
  const [ids = '', authorName = '', authorEmail = '', time = '0'] = header.split(FIELD_SEPARATOR);
  const [oid = '', ...parents] = ids.trim().split(' ').filter(Boolean);
  const paths =
    headerEnd < 0
      ? []
      : record
          .slice(headerEnd + 1)
          .split('\0')
          .map((path) => path.replace(/^\n/, ''))
          .filter((path) => path !== '');
  return { oid, parents, authorName, authorEmail, authorTime: Number(time), paths };
}
