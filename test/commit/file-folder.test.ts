import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';

import type { Batch } from '../../src/batches/types.js';
import { buildBatchTrees } from '../../src/commit/batch-trees.js';
import { CommitRefusedError } from '../../src/commit/refusal.js';
import { analyzeStaged } from '../batches/staged-analysis.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  assertUnchanged,
  batch,
  captureState,
  listObjectFiles,
  planStrategy,
  writeStrategy,
} from './commit-fixtures.js';
import { SCENARIOS } from './file-folder-fixtures.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Returns each staged path's old path, for renames, from git's own rename detection. */
function oldPaths(created: TempRepo): Map<string, string> {
  const renames = new Map<string, string>();
  const output = created.git(['diff', '--cached', '--name-status', '-M', '-z']).split('\0');
  for (let at = 0; at < output.length;) {
    const status = output[at] ?? '';
    if (status.startsWith('R') || status.startsWith('C')) {
      renames.set(output[at + 2] ?? '', output[at + 1] ?? '');
      at += 3;
    } else {
      at += 2;
    }
  }
  return renames;
}

/** Returns `git ls-files -s` as path → "mode oid". */
function stagedEntries(created: TempRepo): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of created.git(['ls-files', '-s', '-z']).split('\0')) {
    const match = /^(\d+) ([0-9a-f]+) \d\t(.*)$/s.exec(line);
    if (match) entries.set(match[3] ?? '', `${match[1]},${match[2]}`);
  }
  return entries;
}

/**
 * Builds, with git alone and in a separate index file, the tree of HEAD plus the staged
 * version of every path the batches take: which the commit of the last of them must contain.
 */
function expectedTree(
  created: TempRepo,
  base: string,
  batches: readonly Batch[],
  staged: Map<string, string>,
  renames: Map<string, string>,
): string {
  const env = { GIT_INDEX_FILE: path.join(created.dir, '.git', 'expected-index') };
  created.git(['read-tree', base], { env });
  const paths = batches.flatMap((taken) => taken.changes.map((change) => change.path));
  const removed = paths.flatMap((taken) => [taken, renames.get(taken)]);
  created.git(['update-index', '--force-remove', '--', ...removed.filter((p) => p !== undefined)], {
    env,
  });
  for (const taken of paths) {
    const entry = staged.get(taken);
    if (entry !== undefined) {
      created.git(['update-index', '--add', '--replace', '--cacheinfo', `${entry},${taken}`], {
        env,
      });
    }
  }
  return created.git(['write-tree'], { env }).trim();
}

/** Returns `git ls-tree -r` of a tree: every file's mode, blob and path. */
const listTree = (created: TempRepo, tree: string): string =>
  created.git(['ls-tree', '-r', '--full-tree', tree]);

/** Returns two batches, one with `file` and one with `rest`, the side `first` names first. */
function splitBatches(file: string, rest: readonly string[], first: 'file' | 'under'): Batch[] {
  const fileBatch = (id: string) => batch(id, `feat: take ${file}`, [{ path: file }]);
  const restBatch = (id: string) =>
    batch(
      id,
      'feat: take the other side',
      rest.map((staged) => ({ path: staged })),
    );
  return first === 'file' ? [fileBatch('w1'), restBatch('w2')] : [restBatch('w1'), fileBatch('w2')];
}

/** Returns the start of the problem for batches w1 and w2 in the reverse of the order `first` needs. */
function misorderText(first: 'file' | 'under', file: string, under: string): string {
  return first === 'file'
    ? `Batch w1 takes ${under} before batch w2 takes ${file}, but a is a file until batch w2`
    : `Batch w1 takes ${file} before batch w2 takes ${under}, but a is a folder until batch w2`;
}

describe('footprint commit with a path that changes between file and folder', () => {
  for (const scenario of SCENARIOS) {
    test(`${scenario.name}: commits match their batches`, () => {
      const created = createTempRepo();
      repo = created;
      scenario.stage(created);
      const batches = analyzeStaged(created);
      const base = created.git(['rev-parse', 'HEAD']).trim();
      const stagedTree = created.git(['write-tree']).trim();
      const staged = stagedEntries(created);
      const renames = oldPaths(created);

      const result = created.footprint(['commit', '--yes', '--no-llm']);

      assert.equal(result.status, 0, result.stderr);
      const commits = created
        .git(['rev-list', '--reverse', `${base}..HEAD`])
        .trim()
        .split('\n');
      assert.equal(commits.length, batches.length);
      commits.forEach((commit, index) => {
        const tree = created.git(['rev-parse', `${commit}^{tree}`]).trim();
        const parentTree = created.git(['rev-parse', `${commit}^^{tree}`]).trim();
        assert.notEqual(tree, parentTree, `commit ${index + 1} is empty`);
        const expected = expectedTree(created, base, batches.slice(0, index + 1), staged, renames);
        assert.equal(listTree(created, tree), listTree(created, expected), `commit ${index + 1}`);
      });
      assert.equal(created.git(['rev-parse', 'HEAD^{tree}']).trim(), stagedTree);
    });

    test(`${scenario.name}: reversed split rejected`, async () => {
      const created = createTempRepo();
      repo = created;
      scenario.stage(created);
      const { strategy, files } = await planStrategy(created);
      const [file, ...under] = scenario.together;
      const rest = [...files.keys()].filter((staged) => staged !== file);
      const batches = splitBatches(file, rest, scenario.first === 'file' ? 'under' : 'file');
      const strategyFile = writeStrategy(created, strategy, batches);
      const before = captureState(created);
      const objects = listObjectFiles(created);

      const validation = created.footprint(['validate', '--strategy', strategyFile]);

      assert.equal(validation.status, 1, validation.stdout + validation.stderr);
      const report = validation.stdout + validation.stderr;
      for (const path of under)
        assert.ok(report.includes(misorderText(scenario.first, file, path)));
      assert.ok(report.includes(`or move ${file} and ${under[0]} into one batch.`), report);

      const commit = created.footprint(['commit', '--strategy', strategyFile, '--yes', '--no-llm']);

      assert.equal(commit.status, 1, commit.stdout + commit.stderr);
      assert.match(commit.stdout + commit.stderr, /no tree can hold both/);
      assertUnchanged(created, before);
      assert.deepEqual(listObjectFiles(created), objects);
    });

    test(`${scenario.name}: split in order commits`, async () => {
      const created = createTempRepo();
      repo = created;
      scenario.stage(created);
      const { strategy, files } = await planStrategy(created);
      const [file] = scenario.together;
      const rest = [...files.keys()].filter((staged) => staged !== file);
      const strategyFile = writeStrategy(
        created,
        strategy,
        splitBatches(file, rest, scenario.first),
      );
      const base = created.git(['rev-parse', 'HEAD']).trim();
      const stagedTree = created.git(['write-tree']).trim();

      const validation = created.footprint(['validate', '--strategy', strategyFile]);
      const commit = created.footprint(['commit', '--strategy', strategyFile, '--yes', '--no-llm']);

      assert.equal(validation.status, 0, validation.stdout + validation.stderr);
      assert.equal(commit.status, 0, commit.stdout + commit.stderr);
      const first = created
        .git(['rev-list', '--reverse', `${base}..HEAD`])
        .trim()
        .split('\n')[0];
      const firstPaths = created.git(['ls-tree', '-r', '--name-only', first ?? '']).split('\n');
      assert.equal(firstPaths.includes('a'), false);
      assert.equal(created.git(['rev-list', '--count', `${base}..HEAD`]).trim(), '2');
      assert.equal(created.git(['rev-parse', 'HEAD^{tree}']).trim(), stagedTree);
    });

    test(`${scenario.name}: batch trees refuse reversed split`, async () => {
      const created = createTempRepo();
      repo = created;
      scenario.stage(created);
      const { files } = await planStrategy(created);
      const [file, ...under] = scenario.together;
      const unused = () => Promise.reject(new Error('read an object'));

      const building = buildBatchTrees({
        headTree: null,
        entries: [],
        files: [...files.values()],
        batches: splitBatches(file, under, scenario.first === 'file' ? 'under' : 'file'),
        objects: { readTree: unused, readBlob: unused, has: unused },
      });

      await assert.rejects(building, (error: unknown) => {
        assert.ok(error instanceof CommitRefusedError);
        assert.ok(error.message.includes(misorderText(scenario.first, file, under[0] ?? '')));
        return true;
      });
    });
  }
});
