import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { isUserError } from '../../src/errors.js';
import { fakePrivateKey } from '../e2e/project.js';
import { reinitRepo } from '../git/fixtures.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  assertUnchanged,
  batch,
  captureState,
  commitInProcess,
  commitRun,
  listObjectFiles,
  planStrategy,
  writeStrategy,
} from './commit-fixtures.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Makes a repository with one commit of `a.txt` and `b.txt`. */
function startRepo(): TempRepo {
  const created = createTempRepo();
  repo = created;
  created.write('a.txt', 'base\n');
  created.write('b.txt', 'base\n');
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);
  return created;
}

/** Makes branch `other` change a.txt so that merging it into main conflicts. */
function conflictingBranch(created: TempRepo): void {
  created.git(['checkout', '-qb', 'other']);
  created.write('a.txt', 'other\n');
  created.git(['commit', '-qam', 'other side']);
  created.git(['checkout', '-q', 'main']);
  created.write('a.txt', 'main\n');
  created.git(['commit', '-qam', 'main side']);
}

/** Moves the branch to a new commit with HEAD's tree, leaving the index and its staged change. */
function moveHeadKeepingIndex(created: TempRepo): void {
  const commit = created.git([
    'commit-tree',
    'HEAD^{tree}',
    '-p',
    'HEAD',
    '-m',
    'landed meanwhile',
  ]);
  created.git(['update-ref', 'HEAD', commit.trim()]);
}

/**
 * Runs footprint commit and asserts that it is refused with exit code 1 and a message matching
 * `reason`, and that nothing was written: no object, no fossil, HEAD, index and diffs unchanged.
 */
async function assertRefused(
  created: TempRepo,
  reason: RegExp,
  options: Parameters<typeof commitInProcess>[1] = {},
): Promise<void> {
  const state = captureState(created);
  const objects = listObjectFiles(created);

  await assert.rejects(commitInProcess(created, options), (error: unknown) => {
    assert.ok(isUserError(error), String(error));
    assert.equal(error.exitCode, 1);
    assert.match(error.message, reason);
    return true;
  });

  assertUnchanged(created, state);
  assert.deepEqual(listObjectFiles(created), objects);
  assert.equal(existsSync(path.join(created.dir, 'fossils')), false);
}

test('refuse merge in progress', async () => {
  const created = startRepo();
  created.git(['checkout', '-qb', 'other']);
  created.write('c.txt', 'from other\n');
  created.git(['add', 'c.txt']);
  created.git(['commit', '-qm', 'other side']);
  created.git(['checkout', '-q', 'main']);
  created.git(['merge', '-q', '--no-ff', '--no-commit', 'other']);
  assert.ok(existsSync(path.join(created.dir, '.git', 'MERGE_HEAD')));

  await assertRefused(created, /A merge is in progress.*git merge --abort/);
});

test('refuse conflicted merge', async () => {
  const created = startRepo();
  conflictingBranch(created);
  assert.equal(created.gitResult(['merge', 'other']).status, 1);

  await assertRefused(created, /A merge is in progress/);
});

test('refuse rebase in progress', async () => {
  const created = startRepo();
  conflictingBranch(created);
  created.git(['checkout', '-q', 'other']);
  assert.equal(created.gitResult(['rebase', 'main']).status, 1);

  await assertRefused(created, /A rebase is in progress.*git rebase --abort/);
});

test('refuse cherry-pick in progress', async () => {
  const created = startRepo();
  conflictingBranch(created);
  assert.equal(created.gitResult(['cherry-pick', 'other']).status, 1);

  await assertRefused(created, /A cherry-pick is in progress/);
});

test('refuse revert in progress', async () => {
  const created = startRepo();
  created.write('a.txt', 'second\n');
  created.git(['commit', '-qam', 'second']);
  created.write('a.txt', 'third\n');
  created.git(['commit', '-qam', 'third']);
  assert.equal(created.gitResult(['revert', '--no-edit', 'HEAD~1']).status, 1);

  await assertRefused(created, /A revert is in progress/);
});

test('refuse unmerged entries', async () => {
  const created = startRepo();
  conflictingBranch(created);
  assert.equal(created.gitResult(['merge', 'other']).status, 1);
  rmSync(path.join(created.dir, '.git', 'MERGE_HEAD'));
  rmSync(path.join(created.dir, '.git', 'MERGE_MSG'), { force: true });

  await assertRefused(created, /1 path has unmerged entries \(a\.txt\)/);
});

test('refuse nothing staged', async () => {
  const created = startRepo();
  created.write('a.txt', 'unstaged only\n');

  await assertRefused(created, /Nothing is staged/);
});

test('refuse HEAD moved since strategy', async () => {
  const created = startRepo();
  created.write('a.txt', 'changed\n');
  created.git(['add', 'a.txt']);
  const { strategy } = await planStrategy(created);
  const file = writeStrategy(created, strategy, strategy.batches);
  moveHeadKeepingIndex(created);

  await assertRefused(created, /HEAD moved since the strategy was made/, { strategyFile: file });
});

test('refuse strategy missing a path', async () => {
  const created = startRepo();
  created.write('a.txt', 'changed\n');
  created.write('b.txt', 'changed\n');
  created.git(['add', '-A']);
  const { strategy } = await planStrategy(created);
  const file = writeStrategy(created, strategy, [batch('b1', 'fix: a', [{ path: 'a.txt' }])]);

  await assertRefused(
    created,
    /is invalid \(1 problem\)[\s\S]*missing-path {2}b\.txt {2}b\.txt is staged/,
    {
      strategyFile: file,
    },
  );
});

test('refuse strategy failing schema', async () => {
  const created = startRepo();
  created.write('a.txt', 'changed\n');
  created.git(['add', '-A']);
  const file = path.join(created.dir, '.git', 'broken-strategy.json');
  writeFileSync(file, JSON.stringify({ kind: 'strategy', batches: [] }));

  await assertRefused(
    created,
    /is invalid[\s\S]*schema {2}.*The strategy does not match its schema/,
    {
      strategyFile: file,
    },
  );
});

test('refuse strategy file that is not JSON', async () => {
  const created = startRepo();
  created.write('a.txt', 'changed\n');
  created.git(['add', '-A']);
  const file = path.join(created.dir, '.git', 'not-json.json');
  writeFileSync(file, '{ nope');

  // An invalid strategy, as `footprint validate` reports it: exit 1 with line and column.
  await assertRefused(created, /is invalid[\s\S]*json {2}.*is not valid JSON \(line 1, column 3/, {
    strategyFile: file,
  });
});

test('strategy file with a byte-order mark', async () => {
  const created = startRepo();
  created.write('a.txt', 'changed\n');
  created.git(['add', '-A']);
  const { strategy } = await planStrategy(created);
  const file = writeStrategy(created, strategy, strategy.batches);
  writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8')}`);

  const { outcome } = await commitInProcess(created, { strategyFile: file });
  assert.equal(outcome.kind, 'committed');
  if (outcome.kind === 'committed') assert.equal(outcome.run.commits.length, 1);
});

test('refuse strategy order that validate rejects', async () => {
  const created = startRepo();
  created.write('src/discount.js', 'export const discount = (price) => price * 0.9;\n');
  created.write(
    'test/discount.test.js',
    "import { discount } from '../src/discount.js';\nconsole.log(discount(10));\n",
  );
  created.git(['add', '-A']);
  const { strategy } = await planStrategy(created);
  // The test file's batch comes first, before the batch that adds the module it imports.
  const file = writeStrategy(created, strategy, [
    batch('b1', 'test: add discount test', [{ path: 'test/discount.test.js' }]),
    batch('b2', 'feat: add discount', [{ path: 'src/discount.js' }]),
  ]);

  await assertRefused(created, /is invalid[\s\S]*order {2}.*discount/, { strategyFile: file });
});

test('refuse lock left behind', async () => {
  const created = startRepo();
  created.write('a.txt', 'changed\n');
  created.git(['add', '-A']);
  const lock = path.join(created.dir, '.git', 'refs', 'heads', 'main.lock');
  writeFileSync(lock, '');

  await assertRefused(
    created,
    new RegExp(`\`rm ${lock.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\``),
  );
  assert.ok(existsSync(lock));
});

test('refuse sha256 repository', async () => {
  const created = createTempRepo();
  repo = created;
  reinitRepo(created, ['--object-format=sha256']);
  created.write('a.txt', 'first\n');
  created.git(['add', 'a.txt']);

  await assertRefused(created, /sha256 object ids.*SHA-1 objects only/);
});

test('refuse change the risk check blocks', async () => {
  const created = startRepo();
  created.write('deploy/key.pem', fakePrivateKey());
  created.git(['add', '-A']);

  await assertRefused(
    created,
    /The risk check blocks this change in balanced mode \(the configured mode\): private-key in deploy\/key\.pem.*--no-verify/,
  );
});

test('no-verify commits a blocked change', async () => {
  const created = startRepo();
  created.write('deploy/key.pem', fakePrivateKey());
  created.git(['add', '-A']);

  const run = await commitRun(created, { noVerify: true });

  assert.equal(run.commitMsgHook, 'skipped');
  assert.equal(created.git(['rev-parse', 'HEAD']).trim(), run.finalHead);
});

test('refuse unconfirmed plan', async () => {
  const created = startRepo();
  created.write('a.txt', 'changed\n');
  created.git(['add', '-A']);

  await assertRefused(created, /not confirmed/, { confirm: async () => false });
});

test('bare repository names commit', () => {
  const created = createTempRepo({ bare: true });
  repo = created;

  for (const args of [
    ['commit', '--yes'],
    ['commit', '--dry-run'],
  ]) {
    const result = created.footprint(args);

    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, /is a bare repository, which has no staged change to read/);
    assert.match(result.stderr, /Run `footprint commit` in a worktree\./);
  }
});
