import { spawnSync } from 'node:child_process';
import path from 'node:path';

import type {
  ChangeStatus,
  FileMode,
  GitReader,
  StagedChange,
  StagedEntry,
} from '../../src/git/types.js';
import { gitTestEnv } from './repo.js';

/** The empty tree's id (SHA-1), which an unborn branch is compared against. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const ZERO_OID = /^0+$/;

const STATUS_BY_LETTER: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

/**
 * Creates a GitReader over the git command line, for tests only. Every call spawns git, which
 * is slow but leaves no doubt about what git itself reports. Renames and copies are found with
 * `-M -C`, as `git diff --cached -M -C` finds them.
 */
export function createCliTestReader(worktree: string): GitReader {
  const run = (args: string[]): Buffer => runGit(worktree, args);

  return {
    layout: {
      worktree,
      gitDir: path.join(worktree, '.git'),
      commonDir: path.join(worktree, '.git'),
      indexFile: path.join(worktree, '.git', 'index'),
      isLinkedWorktree: false,
      isSubmodule: false,
    },
    choice: { reader: 'cli', reasons: ['test reader'] },
    async readStagedChange() {
      return readStagedChange(run);
    },
    async readBlob(oid) {
      return run(['cat-file', 'blob', oid]);
    },
    async readObjectSize(oid) {
      return Number(run(['cat-file', '-s', oid]).toString('utf8').trim());
    },
    async readAttributes(filePath, names) {
      const output = run(['check-attr', '--cached', '-z', ...names, '--', filePath]);
      const fields = output.toString('utf8').split('\0');
      const values: Record<string, string> = {};
      for (let i = 0; i + 2 < fields.length; i += 3) {
        values[fields[i + 1] as string] = fields[i + 2] as string;
      }
      return values;
    },
    async close() {},
  };
}

function runGit(cwd: string, args: string[]): Buffer {
  const result = spawnSync('git', args, { cwd, env: gitTestEnv(), maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`git ${args.join(' ')} failed with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

function readStagedChange(run: (args: string[]) => Buffer): StagedChange {
  const headResult = spawnSyncOid(run, ['rev-parse', '--verify', '-q', 'HEAD']);
  const headTree = headResult === null ? null : oidOf(run, ['rev-parse', 'HEAD^{tree}']);
  const raw = run(['diff-index', '--cached', '-z', '-M', '-C', headTree ?? EMPTY_TREE]);

  return {
    head: { oid: headResult, ref: 'refs/heads/main', detached: false },
    headTree,
    stagedTree: oidOf(run, ['write-tree']),
    entries: parseRawDiff(raw.toString('utf8')),
    unmerged: [],
    intentToAdd: [],
    operation: null,
  };
}

function spawnSyncOid(run: (args: string[]) => Buffer, args: string[]): string | null {
  try {
    return run(args).toString('utf8').trim() || null;
  } catch {
    return null;
  }
}

function oidOf(run: (args: string[]) => Buffer, args: string[]): string {
  return run(args).toString('utf8').trim();
}

/** Parses `git diff-index -z --raw` output into staged entries, sorted by path. */
export function parseRawDiff(raw: string): StagedEntry[] {
  const fields = raw.split('\0');
  const entries: StagedEntry[] = [];

  for (let i = 0; i + 1 < fields.length;) {
    const [oldMode, newMode, oldOid, newOid, statusField] = (fields[i] as string)
      .slice(1)
      .split(' ');
    const letter = (statusField ?? '').charAt(0);
    const twoPaths = letter === 'R' || letter === 'C';
    const firstPath = fields[i + 1] as string;
    const entry: StagedEntry = {
      path: twoPaths ? (fields[i + 2] as string) : firstPath,
      status: STATUS_BY_LETTER[letter] ?? 'modified',
      oldMode: toMode(oldMode),
      newMode: toMode(newMode),
      oldOid: ZERO_OID.test(oldOid ?? '') ? null : (oldOid ?? null),
      newOid: ZERO_OID.test(newOid ?? '') ? null : (newOid ?? null),
    };
    if (twoPaths) {
      entry.oldPath = firstPath;
      entry.similarity = Number((statusField ?? '').slice(1));
    }
    entries.push(entry);
    i += twoPaths ? 3 : 2;
  }

  return entries.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

function toMode(mode: string | undefined): FileMode | null {
  return mode === undefined || mode === '000000' ? null : (mode as FileMode);
}
