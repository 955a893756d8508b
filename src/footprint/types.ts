import type { ChangeStatus, FileMode, InProgressOperation, HeadState } from '../git/types.js';

/** A hunk in git's unified-diff numbering with no context lines (`git diff -U0`). */
export interface Hunk {
  /** 1-based first old line; when oldLines is 0, the line after which lines were added. */
  oldStart: number;
  oldLines: number;
  /** 1-based first new line; when newLines is 0, the line after which lines were removed. */
  newStart: number;
  newLines: number;
}

export type FileCategory =
  | 'source'
  | 'test'
  | 'docs'
  | 'config'
  | 'build'
  | 'ci'
  | 'dependency-manifest'
  | 'lockfile'
  | 'generated'
  | 'asset'
  | 'migration'
  | 'other';

/** Why a file's content was not diffed. */
export type OpaqueReason = 'binary' | 'gitlink' | 'too-large' | 'lfs-pointer';

/** One staged path in the footprint. Holds no file content, so it may go into a fossil. */
export interface FileChange {
  path: string;
  oldPath?: string;
  status: ChangeStatus;
  oldMode: FileMode | null;
  newMode: FileMode | null;
  oldOid: string | null;
  newOid: string | null;
  similarity?: number;
  /** Staged blob size in bytes (HEAD's blob size for a deletion). */
  size: number;
  oldSize: number | null;
  binary: boolean;
  lfs: boolean;
  symlink: boolean;
  opaque?: OpaqueReason;
  category: FileCategory;
  /** Language name such as `typescript`, or null when unknown. */
  language: string | null;
  additions: number;
  deletions: number;
  hunks: Hunk[];
}

/** The changed lines of one hunk, kept in memory for analysis and never written to a fossil. */
export interface HunkText {
  removed: string[];
  added: string[];
}

/** A line of a staged blob with its 1-based number. */
export interface ScanLine {
  line: number;
  text: string;
}

/** In-memory content that analysis stages may read; never serialised. */
export interface FileContent {
  /** HEAD's text (utf-8 decoded), or null for additions, binaries and opaque files. */
  oldText: string | null;
  /** Staged text, or null for deletions, binaries and opaque files. */
  newText: string | null;
  /** One entry per hunk of the FileChange, same order. */
  hunks: HunkText[];
  /**
   * For a binary file or a text file too large to diff: the lines (or printable runs) of the
   * staged blob that HEAD's blob does not hold, found without a diff, so the secret rules can
   * still read them. Absent for other files and for blobs over the scan limit.
   */
  opaqueLines?: ScanLine[];
  /**
   * The reason no rule read the staged blob: it is over the scan limit (`blob-size`), or the
   * too-large blobs before it used up the change's scan budget (`change-size`).
   */
  unscanned?: 'blob-size' | 'change-size';
}

export interface Footprint {
  head: HeadState;
  headTree: string | null;
  stagedTree: string | null;
  operation: InProgressOperation | null;
  files: FileChange[];
  unmerged: string[];
  intentToAdd: string[];
  totals: { files: number; additions: number; deletions: number; hunks: number };
}

/** The footprint plus the content analysis reads. `content` is keyed by FileChange.path. */
export interface FootprintWithContent {
  footprint: Footprint;
  content: Map<string, FileContent>;
}
