/** One file a logged commit changed. */
export interface LoggedFile {
  path: string;
  /** Lines added and deleted, or null for a binary file or a walk that reads no diffs. */
  additions: number | null;
  deletions: number | null;
  /** True for a file the commit adds; absent for other files and for a walk that reads no diffs. */
  added?: true;
}

/** One commit as `git log` printed it. */
export interface LoggedCommit {
  oid: string;
  parents: string[];
  /** Committer time in seconds since the epoch. */
  committedAt: number;
  /** Author email as git prints it. Never stored: it is only compared, to find one author's series. */
  authorEmail: string;
  message: string;
  files: LoggedFile[];
  /** Hunks of the commit's diff, or null for a walk that reads no diffs. */
  hunks: number | null;
}

/**
 * The `--format` the parser reads: a 0x01 byte, then the commit id, parents, committer time,
 * author email and raw message, each ended by a NUL. A message cannot contain a NUL, and no diff
 * line starts with 0x01, so both are unambiguous.
 */
export const LOG_FORMAT = '--format=%x01%H%x00%P%x00%ct%x00%ae%x00%B%x00';

const HEADER_FIELDS = 5;
const COMMIT_START = '\x01';
const PATCH_START = 'd'.charCodeAt(0);
const NUL = 0;
const NEWLINE = 10;
/**
 * Patch lines the parser reads, each after a newline: a hunk header, a file's header, and the
 * line that marks the file as new. Content lines start with `+`, `-` or a space, so none of
 * them can match.
 */
const PATCH_MARKER = /\n(?:(@@ )|(diff --git )|(new file mode ))/g;
/** Characters of the longest marker minus one, kept unscanned at the end of a chunk. */
const MARKER_TAIL = '\nnew file mode '.length - 1;
const NEXT_COMMIT = '\n\x01';

type State = 'start' | 'header' | 'entries' | 'patch';

import { decodeGitPath } from '../git/path-bytes.js';

/**
 * Parses the output of `git log -z --numstat -p -U0 LOG_FORMAT` (with `withLines`) or
 * `git log -z --name-only LOG_FORMAT` (without), fed in chunks decoded as latin1 so that
 * every byte is one character. Messages are decoded as UTF-8 once complete, and paths as the
 * index readers decode them, with bytes that are not valid UTF-8 escaped.
 * The patch is only scanned for hunk headers and new files; its lines are never kept. The
 * patch lists files in the order of the numstat entries, which is how a new file is matched.
 */
export class LogParser {
  private text = '';
  private pos = 0;
  private state: State = 'start';
  private fields: string[] = [];
  private current: LoggedCommit | null = null;
  /** Index into the current commit's files of the file whose patch is being read. */
  private patchFile = -1;

  constructor(
    private readonly withLines: boolean,
    private readonly onCommit: (commit: LoggedCommit) => void,
  ) {}

  /** Id of the commit whose header was read but whose files may still be coming. */
  get pendingOid(): string | null {
    return this.current?.oid ?? null;
  }

  push(chunk: string): void {
    this.text = this.text.slice(this.pos) + chunk;
    this.pos = 0;
    this.run();
  }

  /** Finishes the last commit. Returns false when the output stopped inside a header. */
  end(): boolean {
    if (this.state === 'patch') this.scanPatch(this.text.length);
    if (this.state === 'header') return false;
    this.finishCommit();
    this.state = 'start';
    return true;
  }

  private run(): void {
    let progressed = true;
    while (progressed) {
      if (this.state === 'start') progressed = this.readStart();
      else if (this.state === 'header') progressed = this.readHeader();
      else if (this.state === 'entries') progressed = this.readEntry();
      else progressed = this.readPatch();
    }
  }

  private readStart(): boolean {
    const start = this.text.indexOf(COMMIT_START, this.pos);
    if (start === -1) {
      this.pos = this.text.length;
      return false;
    }
    this.pos = start + 1;
    this.state = 'header';
    return true;
  }

  private readHeader(): boolean {
    while (this.fields.length < HEADER_FIELDS) {
      const end = this.text.indexOf('\0', this.pos);
      if (end === -1) return false;
      this.fields.push(this.text.slice(this.pos, end));
      this.pos = end + 1;
    }
    const [oid = '', parents = '', committedAt = '0', author = '', message = ''] = this.fields;
    this.fields = [];
    this.current = {
      oid,
      parents: parents === '' ? [] : parents.split(' '),
      committedAt: Number(committedAt),
      authorEmail: decodeUtf8(author),
      message: decodeUtf8(message),
      files: [],
      hunks: this.withLines ? 0 : null,
    };
    this.state = 'entries';
    return true;
  }

  /** Reads one `added<TAB>deleted<TAB>path` (or `path`) entry, or moves on to the patch. */
  private readEntry(): boolean {
    const { text } = this;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (code !== NUL && code !== NEWLINE) break;
      this.pos += 1;
    }
    if (this.pos >= text.length) return false;

    const code = text.charCodeAt(this.pos);
    if (code === 1) {
      this.finishCommit();
      this.pos += 1;
      this.state = 'header';
      return true;
    }
    if (this.withLines && code === PATCH_START) {
      // The first file's `diff --git` line follows the entries without a newline before it.
      this.patchFile = 0;
      this.state = 'patch';
      return true;
    }

    const end = text.indexOf('\0', this.pos);
    if (end === -1) return false;
    this.current?.files.push(parseEntry(text.slice(this.pos, end), this.withLines));
    this.pos = end + 1;
    return true;
  }

  private readPatch(): boolean {
    const next = this.text.indexOf(NEXT_COMMIT, this.pos);
    if (next === -1) {
      // Keep the last bytes: they may start a marker or the next commit.
      const safeEnd = Math.max(this.pos, this.text.length - MARKER_TAIL);
      this.scanPatch(safeEnd);
      this.pos = safeEnd;
      return false;
    }
    this.scanPatch(next);
    this.finishCommit();
    this.pos = next + NEXT_COMMIT.length;
    this.state = 'header';
    return true;
  }

  /**
   * Counts the hunk headers that start between the current position and `end`, and marks the
   * files whose patches carry a `new file mode` line.
   */
  private scanPatch(end: number): void {
    const commit = this.current;
    let hunks = 0;
    PATCH_MARKER.lastIndex = this.pos;
    for (let match = PATCH_MARKER.exec(this.text); match !== null && match.index < end;) {
      if (match[1] !== undefined) hunks += 1;
      else if (match[2] !== undefined) this.patchFile += 1;
      else if (commit !== null && commit.files[this.patchFile] !== undefined) {
        (commit.files[this.patchFile] as LoggedFile).added = true;
      }
      match = PATCH_MARKER.exec(this.text);
    }
    if (commit !== null) commit.hunks = (commit.hunks ?? 0) + hunks;
    this.pos = end;
  }

  private finishCommit(): void {
    if (this.current === null) return;
    const commit = this.current;
    this.current = null;
    this.patchFile = -1;
    this.onCommit(commit);
  }
}

function parseEntry(entry: string, withLines: boolean): LoggedFile {
  if (!withLines) return { path: decodePath(entry), additions: null, deletions: null };

  const firstTab = entry.indexOf('\t');
  const secondTab = entry.indexOf('\t', firstTab + 1);
  const path = decodePath(entry.slice(secondTab + 1));
  const additions = readCount(entry.slice(0, firstTab));
  const deletions = readCount(entry.slice(firstTab + 1, secondTab));
  return { path, additions, deletions };
}

/** Reads a numstat count; git prints `-` for a binary file. */
function readCount(text: string): number | null {
  if (text === '-') return null;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/** Decodes a path that was read as latin1, escaping bytes that are not valid UTF-8. */
function decodePath(latin1: string): string {
  // eslint-disable-next-line no-control-regex -- the check is for bytes above 0x7f
  if (!/[^\x00-\x7f]/.test(latin1)) return latin1;
  return decodeGitPath(Buffer.from(latin1, 'latin1'));
}

/** Decodes text that was read as latin1 (one character per byte) as the UTF-8 it is. */
function decodeUtf8(latin1: string): string {
  // ASCII text is the same in both, and is by far the most common.
  // eslint-disable-next-line no-control-regex -- the check is for bytes above 0x7f
  if (!/[^\x00-\x7f]/.test(latin1)) return latin1;
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
