import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { openRepository } from '../../src/git/open.js';
import type { RenameOptions } from '../../src/git/renames.js';
import type {
  ChangeStatus,
  FileMode,
  ReaderChoice,
  StagedChange,
  StagedEntry,
} from '../../src/git/types.js';
import { gitTestEnv } from '../helpers/repo.js';

/** Where and how a repository state is read: its folder and extra environment. */
export interface ReadContext {
  cwd: string;
  env?: Record<string, string>;
  /** The repository sets `diff.renames=copies`, so git is asked with `-C`. */
  copies?: boolean;
  /** `config`: git is asked without `-M` or `-C`, so it follows the repository's `diff.renames`. */
  renames?: 'config';
}

const STATUS_BY_LETTER: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  T: 'type-changed',
  R: 'renamed',
  C: 'copied',
};

/** Returns the installed git's version as [major, minor]. */
export function gitVersion(): [number, number] {
  const output = execFileSync('git', ['--version'], { encoding: 'utf8' });
  const match = /(\d+)\.(\d+)/.exec(output);
  return [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
}

/** Similarity settings that score as the installed git does (git before 2.44 drops a last line without newline). */
export function installedGitRenameOptions(): Partial<RenameOptions> {
  const [major, minor] = gitVersion();
  return { ignoreUnterminatedLastLine: major < 2 || (major === 2 && minor < 44) };
}

/** Opens the repository with one reader forced and reads its staged change. */
export async function readStaged(
  reader: 'native' | 'cli',
  context: ReadContext,
): Promise<{ change: StagedChange; choice: ReaderChoice }> {
  const opened = await openRepository({
    cwd: context.cwd,
    env: { ...gitTestEnv(context.env), FOOTPRINT_READER: reader },
    renames: installedGitRenameOptions(),
  });
  try {
    return { change: await opened.readStagedChange(), choice: opened.choice };
  } finally {
    await opened.close();
  }
}

/** Runs git in the context's folder with its environment and returns stdout as bytes. */
export function gitOutput(context: ReadContext, args: string[]): Buffer {
  const result = spawnSync('git', args, {
    cwd: context.cwd,
    env: gitTestEnv(context.env),
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`git ${args.join(' ')} failed with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Returns the staged entries as `git diff --cached --raw -M` (or `-C`, or no option for
 * `renames: 'config'`) reports them, without unmerged paths, which the readers list apart.
 */
export function gitStagedEntries(context: ReadContext): StagedEntry[] {
  if (context.renames === 'config') return gitDiffCached(context, []);
  return gitDiffCached(context, [context.copies ? '-C' : '-M']);
}

/** Returns `git diff --cached --raw` entries with extra options, such as `--no-renames` or `-l1`. */
export function gitDiffCached(context: ReadContext, options: string[]): StagedEntry[] {
  const args = ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-ext-diff', ...options];
  return parseRaw(gitOutput(context, args)).filter((entry): entry is StagedEntry => entry !== null);
}

/** Returns the paths git lists as unmerged (`ls-files -u`), each once, in index order. */
export function gitUnmergedPaths(context: ReadContext): string[] {
  const records = gitOutput(context, ['ls-files', '-u', '-z']).toString('utf8').split('\0');
  const paths = records.filter(Boolean).map((record) => record.slice(record.indexOf('\t') + 1));
  return [...new Set(paths)];
}

/** Returns HEAD's commit id, or null on an unborn branch. */
export function gitHeadOid(context: ReadContext): string | null {
  const result = spawnSync('git', ['rev-parse', '-q', '--verify', 'HEAD^{commit}'], {
    cwd: context.cwd,
    env: gitTestEnv(context.env),
    encoding: 'utf8',
  });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * Returns what `git write-tree` writes for the index. It runs on a scratch copy, so the real
 * index is never touched. Returns null when write-tree fails, as it does while paths are unmerged.
 */
export function gitWriteTree(context: ReadContext): string | null {
  const indexFile =
    context.env?.['GIT_INDEX_FILE'] ??
    path.resolve(
      context.cwd,
      gitOutput(context, ['rev-parse', '--git-path', 'index']).toString('utf8').trim(),
    );
  const scratch = mkdtempSync(path.join(tmpdir(), 'footprint-index-'));
  const copy = path.join(scratch, 'index');
  try {
    copyFileSync(path.resolve(context.cwd, indexFile), copy);
    const result = spawnSync('git', ['write-tree'], {
      cwd: context.cwd,
      env: gitTestEnv({ ...context.env, GIT_INDEX_FILE: copy }),
      encoding: 'utf8',
    });
    return result.status === 0 ? result.stdout.trim() : null;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Parses `--raw -z` output; unmerged records become null. */
function parseRaw(output: Buffer): (StagedEntry | null)[] {
  const fields = output.toString('utf8').split('\0');
  const entries: (StagedEntry | null)[] = [];
  let i = 0;
  while (i < fields.length - 1) {
    const [oldMode, newMode, oldOid, newOid, status] = (fields[i++] as string).slice(1).split(' ');
    const letter = (status ?? '').charAt(0);
    if (letter === 'U') {
      i++;
      entries.push(null);
      continue;
    }

    const paired = letter === 'R' || letter === 'C';
    const oldPath = paired ? fields[i++] : undefined;
    const entry: StagedEntry = {
      path: fields[i++] as string,
      status: STATUS_BY_LETTER[letter] as ChangeStatus,
      oldMode: oldMode === '000000' ? null : (oldMode as FileMode),
      newMode: newMode === '000000' ? null : (newMode as FileMode),
      oldOid: /^0+$/.test(oldOid ?? '') ? null : (oldOid as string),
      newOid: /^0+$/.test(newOid ?? '') ? null : (newOid as string),
    };
    if (oldPath !== undefined) {
      entry.oldPath = oldPath;
      entry.similarity = Number(status?.slice(1));
    }
    entries.push(entry);
  }
  return entries;
}
