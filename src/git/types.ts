/** Octal file mode strings as git writes them in trees and diffs. */
export type FileMode = '100644' | '100755' | '120000' | '160000' | '040000';

/** Where a repository's files are, after GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE and `.git` files. */
export interface RepositoryLayout {
  /** Absolute path of the worktree root, or null for a bare repository. */
  worktree: string | null;
  /** Per-worktree git directory (HEAD, index, MERGE_HEAD live here). */
  gitDir: string;
  /** Shared git directory (objects, refs, config); equals gitDir outside linked worktrees. */
  commonDir: string;
  /** Index file to read: GIT_INDEX_FILE when set, else `<gitDir>/index`. */
  indexFile: string;
  isLinkedWorktree: boolean;
  /** True when the git directory sits under a superproject's `.git/modules/`. */
  isSubmodule: boolean;
}

/** An operation git leaves in progress between commands; `am` is `git am` applying patches. */
export type InProgressOperation = 'merge' | 'rebase' | 'am' | 'cherry-pick' | 'revert' | 'bisect';

export interface HeadState {
  /** Commit id HEAD resolves to, or null on an unborn branch. */
  oid: string | null;
  /** Full ref name (`refs/heads/main`) when HEAD is symbolic, null when detached. */
  ref: string | null;
  detached: boolean;
}

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

/** One staged path as the diff between HEAD's tree and the index reports it. */
export interface StagedEntry {
  path: string;
  /** Source path of a rename or copy. */
  oldPath?: string;
  status: ChangeStatus;
  oldMode: FileMode | null;
  newMode: FileMode | null;
  oldOid: string | null;
  newOid: string | null;
  /** Similarity in percent (0-100) for renames and copies, as git's `R087` reports it. */
  similarity?: number;
}

/** The staged change: HEAD's tree (the empty tree on an unborn branch) against the index. */
export interface StagedChange {
  head: HeadState;
  /** Tree id of HEAD's commit, or null on an unborn branch. */
  headTree: string | null;
  /** Tree id the index would commit, computed in memory; null while entries are unmerged. */
  stagedTree: string | null;
  /** Staged entries sorted by path (byte order), as git orders them. */
  entries: StagedEntry[];
  /** Paths with unmerged (stage 1-3) index entries. */
  unmerged: string[];
  /** Paths added with `git add -N`: in the index but not staged content. */
  intentToAdd: string[];
  operation: InProgressOperation | null;
}

/** Which reader produced a result, and why the git command line was chosen when it was. */
export interface ReaderChoice {
  reader: 'native' | 'cli';
  /** Reasons the native reader cannot read this repository correctly; empty when native. */
  reasons: string[];
}

/** Read-only access to a repository's staged change and objects. */
export interface GitReader {
  readonly layout: RepositoryLayout;
  readonly choice: ReaderChoice;
  readStagedChange(): Promise<StagedChange>;
  /** Returns the raw content of a blob. */
  readBlob(oid: string): Promise<Buffer>;
  /** Returns the byte size of an object without inflating more than needed where possible. */
  readObjectSize(oid: string): Promise<number>;
  /** Returns `.gitattributes` values for a path, as `git check-attr` reports them from the index. */
  readAttributes(path: string, names: readonly string[]): Promise<Record<string, string>>;
  /**
   * Returns every path in the index (each once, whatever its stage), for risk rules that
   * compare staged paths with untouched ones. Optional: a reader without it leaves them blind.
   * With `near`, only the paths in and just below the folders on the way to those paths, in
   * every case spelling (see selectIndexPathsNear): the native reader finds them without
   * decoding the whole index, which for 100,000 files takes longer than the rest of the hook.
   */
  readIndexPaths?(near?: readonly string[]): Promise<string[]>;
  /**
   * Reads the files at `paths` in the tree `tree` (see tree-files.ts), leaving out each path
   * that is missing, is no regular file, or is larger than `maxBytes` bytes. Optional: a
   * reader without it reads no file.
   */
  readTreeFiles?(
    tree: string,
    paths: readonly string[],
    maxBytes: number,
  ): Promise<Map<string, Buffer>>;
  /**
   * Returns true when the repository has a commit with the full id `oid`. Optional: callers
   * count every commit as present when a reader lacks it.
   */
  hasCommit?(oid: string): Promise<boolean>;
  /**
   * Returns the id of the tree that HEAD's tree `headTree` plus the staged `entries` make, as
   * `git write-tree` would write it, without writing anything (see computeStagedTree).
   * Optional: a reader without it cannot tell how a strategy differs from the staged change.
   */
  computeTree?(headTree: string | null, entries: readonly StagedEntry[]): Promise<string>;
  close(): Promise<void>;
}
