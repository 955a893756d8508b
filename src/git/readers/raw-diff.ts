import { decodeGitPath } from '../path-bytes.js';
import type { ChangeStatus, FileMode, StagedEntry } from '../types.js';

/** One record of `git diff --raw -z` output; `unmerged` records carry only the path. */
export type RawDiffRecord =
  { kind: 'entry'; entry: StagedEntry } | { kind: 'unmerged'; path: string };

const STATUS_BY_LETTER: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  T: 'type-changed',
  R: 'renamed',
  C: 'copied',
};

const FILE_MODES: ReadonlySet<string> = new Set(['100644', '100755', '120000', '160000', '040000']);

/**
 * Parses `--raw -z` output with full object ids (`:old new oldOid newOid STATUS\0path\0`, and
 * a second path for renames and copies). Modes and ids of all zeros become null.
 */
export function parseRawDiff(output: Buffer): RawDiffRecord[] {
  const fields = splitNulFields(output);
  const records: RawDiffRecord[] = [];
  let i = 0;
  while (i < fields.length - 1) {
    const header = fields[i++] as string;
    const [oldMode, newMode, oldOid, newOid, status] = header.slice(1).split(' ');
    if (!header.startsWith(':') || status === undefined) {
      throw new Error(`Unexpected record in git's raw diff output: ${JSON.stringify(header)}.`);
    }

    const letter = status.charAt(0);
    if (letter === 'U') {
      records.push({ kind: 'unmerged', path: fields[i++] as string });
      continue;
    }
    const entry = parseEntry(letter, status, fields, i, [oldMode, newMode, oldOid, newOid]);
    i += entry.oldPath === undefined ? 1 : 2;
    records.push({ kind: 'entry', entry });
  }
  return records;
}

function parseEntry(
  letter: string,
  status: string,
  fields: readonly string[],
  position: number,
  [oldMode, newMode, oldOid, newOid]: (string | undefined)[],
): StagedEntry {
  const changeStatus = STATUS_BY_LETTER[letter];
  if (!changeStatus) throw new Error(`Unexpected status ${status} in git's raw diff output.`);

  const paired = letter === 'R' || letter === 'C';
  const entry: StagedEntry = {
    path: (paired ? fields[position + 1] : fields[position]) as string,
    status: changeStatus,
    oldMode: toMode(oldMode),
    newMode: toMode(newMode),
    oldOid: toOid(oldOid),
    newOid: toOid(newOid),
  };
  if (paired) {
    entry.oldPath = fields[position] as string;
    entry.similarity = Number(status.slice(1));
  }
  return entry;
}

function toMode(mode: string | undefined): FileMode | null {
  if (mode === undefined || mode === '000000') return null;
  if (!FILE_MODES.has(mode))
    throw new Error(`Unexpected file mode ${mode} in git's raw diff output.`);
  return mode as FileMode;
}

function toOid(oid: string | undefined): string | null {
  if (oid === undefined || /^0+$/.test(oid)) return null;
  return oid;
}

/** Splits NUL-terminated fields, decoding each as a path so that no name byte is lost. */
export function splitNulFields(output: Buffer): string[] {
  const fields: string[] = [];
  let start = 0;
  for (let end = output.indexOf(0); end >= 0; end = output.indexOf(0, start)) {
    fields.push(decodeGitPath(output, start, end));
    start = end + 1;
  }
  fields.push(decodeGitPath(output, start));
  return fields;
}
