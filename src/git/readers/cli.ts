import path from 'node:path';

import { createDebug } from '../../log/debug.js';
import { AttributeReader, type AttributeFileSource } from '../attributes.js';
import type { GitConfig } from '../config.js';
import { findGlobalAttributesFile } from '../global-attributes.js';
import { findSystemAttributesFile } from '../system-attributes.js';
import type { TreeEntry } from '../objects/tree.js';
import { CorruptObjectError, MissingObjectError } from '../objects/types.js';
import { compareGitPaths } from '../path-order.js';
import { detectRenames, type RenameOptions } from '../renames.js';
import { GitCommandError, runGit } from '../run-git.js';
import { computeStagedTree, type TreeAccess } from '../staged-tree.js';
import { readInProgressOperation } from '../state.js';
import { readTreeFiles } from '../tree-files.js';
import type {
  GitReader,
  HeadState,
  ReaderChoice,
  RepositoryLayout,
  StagedChange,
  StagedEntry,
} from '../types.js';
import { CatFileProcess, type CatFileObject } from './cat-file.js';
import { selectIndexPathsNear } from './index-paths-near.js';
import {
  EMPTY_TREE_OIDS,
  hashTreeObject,
  isObjectId,
  parseTreeObject,
  readCommitTreeId,
  type ObjectFormat,
} from './object-format.js';
import { parseRawDiff, splitNulFields } from './raw-diff.js';
import { binaryByAttributes } from './reader-support.js';

const debug = createDebug('git');

/** `git diff-index` arguments for the staged change, before the tree to compare with. */
const DIFF_INDEX_ARGS = [
  'diff-index',
  // The index against the tree; the worktree is not looked at.
  '--cached',
  '--raw',
  '-z',
  // Full object ids, not abbreviated ones.
  '--no-abbrev',
  // renames.ts pairs renames and copies for both readers, so they differ only in what they read.
  '--no-renames',
  // A staged gitlink counts even when `submodule.<name>.ignore` is set.
  '--ignore-submodules=none',
] as const;

/** Lists every path in the index once; `-z` keeps unusual paths unquoted. */
const LIST_INDEX_PATHS_ARGS = ['ls-files', '-z'];

/** Lists the index's attribute files; `**` in the glob also matches the root. */
const LIST_ATTRIBUTE_FILES_ARGS = ['ls-files', '--stage', '-z', '--', ':(glob)**/.gitattributes'];

/**
 * Reads the staged change through the git command line only, for repositories the native
 * reader cannot read correctly. Every command it runs only reads: `diff-index`, `ls-files`,
 * `rev-parse`, `symbolic-ref` and one long-running `cat-file` each for contents and sizes.
 */
export class CliReader implements GitReader {
  readonly choice: ReaderChoice;
  private contents: CatFileProcess | null = null;
  private sizes: CatFileProcess | null = null;
  private readonly attributes: AttributeReader;

  constructor(
    readonly layout: RepositoryLayout,
    reasons: readonly string[],
    private readonly format: ObjectFormat,
    private readonly renameOptions: RenameOptions,
    config: GitConfig,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.choice = { reader: 'cli', reasons: [...reasons] };
    this.attributes = new AttributeReader(this.attributeSource(), {
      infoAttributesPath: path.join(layout.commonDir, 'info', 'attributes'),
      globalAttributesPath: findGlobalAttributesFile(config, env, layout.worktree ?? layout.gitDir),
      systemAttributesPath: findSystemAttributesFile(env),
      ignoreCase: config.getBool('core.ignoreCase') ?? false,
    });
  }

  async readStagedChange(): Promise<StagedChange> {
    const [head, operation] = await Promise.all([
      this.readHeadState(),
      readInProgressOperation(this.layout, this.env),
    ]);
    const headTree =
      head.oid === null ? null : readCommitTreeId(await this.readTyped(head.oid, 'commit'));

    const { entries, unmerged, intentToAdd } = await this.diffIndex(
      headTree ?? EMPTY_TREE_OIDS[this.format],
    );
    const stagedTree =
      unmerged.length > 0 ? null : await computeStagedTree(headTree, entries, this.treeAccess());
    const renamed = await detectRenames(entries, this.renameContent(), this.renameOptions);
    debug(`cli: ${renamed.length} staged entries, ${unmerged.length} unmerged`);
    return { head, headTree, stagedTree, entries: renamed, unmerged, intentToAdd, operation };
  }

  readBlob(oid: string): Promise<Buffer> {
    return this.readTyped(oid, 'blob');
  }

  async readObjectSize(oid: string): Promise<number> {
    this.sizes ??= new CatFileProcess(this.layout, false);
    return (await this.expectObject(oid, await this.sizes.read(oid))).size;
  }

  readTreeFiles(
    tree: string,
    paths: readonly string[],
    maxBytes: number,
  ): Promise<Map<string, Buffer>> {
    const source = {
      readTree: this.treeAccess().readTree,
      readObjectSize: (oid: string) => this.readObjectSize(oid),
      readBlob: (oid: string) => this.readBlob(oid),
    };
    return readTreeFiles(source, tree, paths, maxBytes);
  }

  async hasCommit(oid: string): Promise<boolean> {
    // git takes a shorter id as an abbreviation, which could name another object.
    if (!isObjectId(this.format, oid)) return false;
    this.sizes ??= new CatFileProcess(this.layout, false);
    return (await this.sizes.read(oid))?.type === 'commit';
  }

  /**
   * Returns every path in the index once, in index order (unmerged stages collapse to one), or
   * with `near` only the paths around those (see selectIndexPathsNear).
   */
  async readIndexPaths(near?: readonly string[]): Promise<string[]> {
    const output = await runGit(this.layout, LIST_INDEX_PATHS_ARGS);
    const paths = splitNulFields(output).filter((entryPath) => entryPath.length > 0);
    const unique = paths.filter((entryPath, position) => paths[position - 1] !== entryPath);
    return near === undefined ? unique : selectIndexPathsNear(unique, near);
  }

  readAttributes(filePath: string, names: readonly string[]): Promise<Record<string, string>> {
    return this.attributes.read(filePath, names);
  }

  computeTree(headTree: string | null, entries: readonly StagedEntry[]): Promise<string> {
    return computeStagedTree(headTree, entries, this.treeAccess());
  }

  async close(): Promise<void> {
    await Promise.all([this.contents?.close(), this.sizes?.close()]);
    this.contents = null;
    this.sizes = null;
  }

  private async readHeadState(): Promise<HeadState> {
    const [ref, oid] = await Promise.all([
      this.gitOrNull(['symbolic-ref', '-q', 'HEAD']),
      this.gitOrNull(['rev-parse', '-q', '--verify', 'HEAD^{commit}']),
    ]);
    return { oid, ref, detached: ref === null };
  }

  /** Runs a query that exits with 1 and no output when there is no result, such as an unborn HEAD. */
  private async gitOrNull(args: readonly string[]): Promise<string | null> {
    try {
      const output = (await runGit(this.layout, args)).toString('utf8').trim();
      return output === '' ? null : output;
    } catch (error) {
      if (error instanceof GitCommandError && error.exitCode === 1) return null;
      throw error;
    }
  }

  /**
   * Diffs the index against `tree` twice: once with intent-to-add entries left out, as
   * `git diff --cached` shows them, and once with them counted as empty files. The paths where
   * the two differ are exactly the intent-to-add entries.
   */
  private async diffIndex(tree: string) {
    const [invisible, visible] = await Promise.all([
      runGit(this.layout, [...DIFF_INDEX_ARGS, '--ita-invisible-in-index', tree]),
      runGit(this.layout, [...DIFF_INDEX_ARGS, '--ita-visible-in-index', tree]),
    ]);

    const entries: StagedEntry[] = [];
    const unmerged: string[] = [];
    const records = new Map<string, string>();
    for (const record of parseRawDiff(invisible)) {
      if (record.kind === 'unmerged') unmerged.push(record.path);
      else entries.push(record.entry);
      records.set(
        record.kind === 'unmerged' ? record.path : record.entry.path,
        JSON.stringify(record),
      );
    }

    const intentToAdd = new Set<string>();
    for (const record of parseRawDiff(visible)) {
      const recordPath = record.kind === 'unmerged' ? record.path : record.entry.path;
      if (records.get(recordPath) !== JSON.stringify(record)) intentToAdd.add(recordPath);
      records.delete(recordPath);
    }
    for (const recordPath of records.keys()) intentToAdd.add(recordPath);

    return { entries, unmerged, intentToAdd: [...intentToAdd].sort(compareGitPaths) };
  }

  private async readTyped(oid: string, type: string): Promise<Buffer> {
    this.contents ??= new CatFileProcess(this.layout, true);
    const object = await this.expectObject(oid, await this.contents.read(oid));
    if (object.type !== type) throw new Error(`Object ${oid} is a ${object.type}, not a ${type}.`);
    return object.content ?? Buffer.alloc(0);
  }

  /**
   * Returns `object`, or throws for an object that `git cat-file --batch` reported missing.
   * git 2.39 reports a damaged object as missing there too, so `git cat-file -t` distinguishes
   * them: it prints an `error:` line for a damaged object, which becomes a CorruptObjectError,
   * and none for a missing one, which becomes a MissingObjectError.
   */
  private async expectObject(oid: string, object: CatFileObject | null): Promise<CatFileObject> {
    if (object !== null) return object;
    try {
      await runGit(this.layout, ['cat-file', '-t', oid]);
    } catch (error) {
      const detail = error instanceof GitCommandError ? firstErrorLine(error.stderr) : null;
      if (detail !== null) throw new CorruptObjectError(oid, detail, { cause: error });
    }
    throw new MissingObjectError(oid);
  }

  private treeAccess(): TreeAccess {
    return {
      readTree: async (oid: string): Promise<TreeEntry[]> =>
        parseTreeObject(this.format, await this.readTyped(oid, 'tree')),
      hashTree: (content: Buffer) => hashTreeObject(this.format, content),
      emptyTreeOid: EMPTY_TREE_OIDS[this.format],
    };
  }

  private renameContent() {
    return {
      readBlob: (oid: string) => this.readBlob(oid),
      readObjectSize: (oid: string) => this.readObjectSize(oid),
      isBinaryByAttributes: (filePath: string) => binaryByAttributes(this.attributes, filePath),
    };
  }

  /** Lists the index's attribute files with one `ls-files` on first use. */
  private attributeSource(): AttributeFileSource {
    let files: Promise<Map<string, string>> | null = null;
    return {
      findAttributeFile: async (folder: string) => {
        files ??= runGit(this.layout, LIST_ATTRIBUTE_FILES_ARGS).then(parseAttributeFileList);
        return (await files).get(folder) ?? null;
      },
      readBlob: (oid: string) => this.readBlob(oid),
    };
  }
}

/** Returns the text of git's first `error:` line in `stderr`, or null when it has none. */
function firstErrorLine(stderr: string): string | null {
  const line = stderr.split('\n').find((text) => text.startsWith('error: '));
  return line === undefined ? null : line.slice('error: '.length).trim();
}

/** Parses `ls-files --stage -z` records (`mode oid stage\tpath`) of `.gitattributes` files. */
function parseAttributeFileList(output: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  for (const record of splitNulFields(output)) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;

    const [mode, oid, stage] = record.slice(0, tab).split(' ');
    const filePath = record.slice(tab + 1);
    if (stage !== '0' || (mode !== '100644' && mode !== '100755') || oid === undefined) continue;

    const slash = filePath.lastIndexOf('/');
    files.set(slash < 0 ? '' : filePath.slice(0, slash), oid);
  }
  return files;
}
