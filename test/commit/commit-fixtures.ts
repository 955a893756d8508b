import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Batch, BatchChange } from '../../src/batches/types.js';
import { runCommit, type CommitOptions, type CommitOutcome } from '../../src/commit/run-commit.js';
import type { CommitRun } from '../../src/commit/types.js';
import type { FileChange, Hunk } from '../../src/footprint/types.js';
import { runPipeline } from '../../src/pipeline/run.js';
import type { Strategy } from '../../src/strategy/types.js';
import { gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** Plans the strategy for the staged change; returns it with the footprint's files and hunks. */
export async function planStrategy(
  repo: TempRepo,
  env: Record<string, string> = {},
): Promise<{ strategy: Strategy; files: Map<string, FileChange> }> {
  const run = await runPipeline({
    command: 'strategy',
    cwd: repo.dir,
    env: gitTestEnv(env),
    noLlm: true,
    writeFossil: false,
  });
  const files = new Map(run.result.footprint.files.map((file) => [file.path, file]));
  return { strategy: run.strategy, files };
}

/** Returns the staged hunks of a path, failing the test when the path has none. */
export function hunksOf(files: Map<string, FileChange>, filePath: string): Hunk[] {
  const file = files.get(filePath);
  assert.ok(file, `${filePath} is not staged`);
  return file.hunks;
}

/** Builds a batch with the fields the schema requires. */
export function batch(id: string, message: string, changes: BatchChange[]): Batch {
  return { id, message, type: 'feat', scope: null, rationale: 'test', changes, dependsOn: [] };
}

/** Replaces the strategy's batches and writes it into the git directory, out of the worktree. */
export function writeStrategy(repo: TempRepo, strategy: Strategy, batches: Batch[]): string {
  const file = path.join(repo.dir, '.git', 'test-strategy.json');
  writeFileSync(file, `${JSON.stringify({ ...strategy, batches }, null, 2)}\n`);
  return file;
}

export interface InProcessCommit {
  outcome: CommitOutcome;
  /** Hook output and warnings. */
  output: string;
}

/** Options of a test run: CommitOptions, plus variables to add to or remove from the test env. */
export type TestCommitOptions = Partial<CommitOptions> & {
  env?: Record<string, string>;
  unsetEnv?: string[];
};

/** Returns the test environment with `env` added and `unsetEnv` removed. */
export function testEnv(options: {
  env?: Record<string, string> | undefined;
  unsetEnv?: string[] | undefined;
}): NodeJS.ProcessEnv {
  const env = gitTestEnv(options.env);
  for (const name of options.unsetEnv ?? []) delete env[name];
  return env;
}

/** Runs `footprint commit --yes` in-process with the test identity. */
export async function commitInProcess(
  repo: TempRepo,
  options: TestCommitOptions = {},
): Promise<InProcessCommit> {
  let output = '';
  const { env, unsetEnv, ...rest } = options;
  const outcome = await runCommit({
    cwd: repo.dir,
    env: testEnv({ env, unsetEnv }),
    noLlm: true,
    dryRun: false,
    noVerify: false,
    confirm: async () => true,
    output: (chunk) => {
      output += chunk;
    },
    ...rest,
  });
  return { outcome, output };
}

/** Runs a commit that must succeed and returns its run. */
export async function commitRun(
  repo: TempRepo,
  options: TestCommitOptions = {},
): Promise<CommitRun> {
  const { outcome } = await commitInProcess(repo, options);
  assert.equal(outcome.kind, 'committed');
  return outcome.run;
}

/** Asserts that `git fsck --full` exits 0 and reports nothing but dangling objects and notices. */
export function assertFsckClean(repo: TempRepo): void {
  const result = repo.gitResult(['fsck', '--full', '--no-progress']);
  assert.equal(result.status, 0, result.stderr);
  const problems = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^(dangling|notice:) /.test(line));
  assert.deepEqual(problems, []);
}

/** Returns a digest of the index file, to show that a run did not write it. */
export function indexDigest(repo: TempRepo): string {
  return createHash('sha1')
    .update(readFileSync(path.join(repo.dir, '.git', 'index')))
    .digest('hex');
}

/** What a run must leave alone: the index bytes, the unstaged diff and the worktree status. */
export interface UntouchedState {
  index: string;
  unstagedDiff: string;
  stagedDiff: string;
  head: string | null;
}

export function captureState(repo: TempRepo): UntouchedState {
  const head = repo.gitResult(['rev-parse', '-q', '--verify', 'HEAD']).stdout.trim();
  return {
    index: indexDigest(repo),
    unstagedDiff: repo.git(['diff', '--binary']),
    stagedDiff: repo.git(['diff', '--cached', '--binary']),
    head: head === '' ? null : head,
  };
}

/** Asserts that the repository is as `before`: HEAD, index, staged and unstaged diffs. */
export function assertUnchanged(repo: TempRepo, before: UntouchedState): void {
  const after = captureState(repo);
  assert.equal(after.head, before.head, 'HEAD moved');
  assert.equal(after.index, before.index, 'the index was written');
  assert.equal(after.stagedDiff, before.stagedDiff, 'the staged change differs');
  assert.equal(after.unstagedDiff, before.unstagedDiff, 'the unstaged change differs');
}

/** Lists every file under `.git/objects`, to show that a refused run wrote no object. */
export function listObjectFiles(repo: TempRepo): string[] {
  const root = path.join(repo.dir, '.git', 'objects');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}
