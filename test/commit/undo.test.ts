import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { runUndo } from '../../src/commit/undo.js';
import { isUserError } from '../../src/errors.js';
import type { Fossil } from '../../src/fossils/types.js';
import { validateFossil } from '../../src/schemas-runtime/validate-fossil.js';
import {
  createTempRepo,
  gitTestEnv,
  linkProjectCommand,
  plainPath,
  type TempRepo,
} from '../helpers/repo.js';
import {
  assertFsckClean,
  batch,
  captureState,
  commitRun,
  planStrategy,
  writeStrategy,
} from './commit-fixtures.js';

/** Returns the commit-run rows of `footprint fossils list`, without the header. */
function listRuns(created: TempRepo): string[] {
  const result = created.footprint(['fossils', 'list', '--type', 'commit-run', '--color', 'never']);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trimEnd().split('\n').slice(1);
}

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Commits a.txt and b.txt changes as two batches; returns the state before the run. */
async function committedTwoBatches(
  options: { unborn?: boolean; detached?: boolean; orphan?: boolean; noReflog?: boolean } = {},
) {
  const created = createTempRepo();
  repo = created;
  if (options.noReflog) created.git(['config', 'core.logAllRefUpdates', 'false']);
  if (!options.unborn) {
    created.write('a.txt', 'base\n');
    created.write('b.txt', 'base\n');
    created.git(['add', '-A']);
    created.git(['commit', '-qm', 'chore: start']);
  }
  if (options.detached) created.git(['switch', '-q', '--detach']);
  if (options.noReflog)
    rmSync(path.join(created.dir, '.git', 'logs'), { recursive: true, force: true });
  if (options.orphan) created.git(['switch', '-q', '--orphan', 'side']);
  created.write('a.txt', 'changed\n');
  created.write('b.txt', 'changed\n');
  created.git(['add', '-A']);
  created.write('a.txt', 'changed, then edited without staging\n');
  const { strategy } = await planStrategy(created);
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', 'fix: change a', [{ path: 'a.txt' }]),
    batch('b2', 'feat: change b', [{ path: 'b.txt' }]),
  ]);
  const start = captureState(created);
  const run = await commitRun(created, { strategyFile });
  return { repo: created, start, run };
}

const undo = (created: TempRepo) => runUndo({ cwd: created.dir, env: gitTestEnv() });

async function assertUndoRefused(created: TempRepo, reason: RegExp): Promise<void> {
  const head = created.gitResult(['rev-parse', '-q', '--verify', 'HEAD']).stdout;
  await assert.rejects(undo(created), (error: unknown) => {
    assert.ok(isUserError(error));
    assert.equal(error.exitCode, 1);
    assert.match(error.message, reason);
    return true;
  });
  assert.equal(created.gitResult(['rev-parse', '-q', '--verify', 'HEAD']).stdout, head);
}

test('undo restores branch and staged change', async () => {
  const { repo: created, start, run } = await committedTwoBatches();

  const result = await undo(created);

  assert.equal(result.ref, 'refs/heads/main');
  assert.equal(result.from, run.finalHead);
  assert.equal(result.to, start.head);
  assert.equal(result.commits, 2);
  assert.deepEqual(captureState(created), start);
  assert.equal(
    created.git(['reflog', '-1', '--format=%gs', 'main']).trim(),
    `reset (footprint undo): moving to ${start.head}`,
  );
  assert.equal(
    created.git(['reflog', '-1', '--format=%gs', 'HEAD']).trim(),
    `reset (footprint undo): moving to ${start.head}`,
  );
  assertFsckClean(created);
});

test('undo refused after branch moved', async () => {
  const { repo: created, start, run } = await committedTwoBatches();
  created.git(['commit', '-q', '--allow-empty', '-m', 'later work']);

  await assertUndoRefused(created, new RegExp(`not at the run's last commit ${run.finalHead}`));
  await assertUndoRefused(
    created,
    new RegExp(`run \`git reset --soft ${start.head}\`, the commit`),
  );
  // The command as given restores the branch and the staged change of the run's start.
  created.git(['reset', '--soft', start.head as string]);
  const after = captureState(created);
  assert.equal(after.head, start.head);
  assert.equal(after.stagedDiff, start.stagedDiff);
});

test('undo refused after unborn branch moved', async () => {
  const { repo: created, start } = await committedTwoBatches({ unborn: true });
  created.git(['commit', '-q', '--allow-empty', '-m', 'later work']);
  const later = created.git(['rev-parse', 'HEAD']).trim();
  const command = `git update-ref -d refs/heads/main ${later}`;

  await assertUndoRefused(created, /The run started on an unborn branch\./);
  await assertUndoRefused(created, new RegExp(`run \`${command}\`, which makes the branch`));
  created.git(command.split(' ').slice(1));
  const after = captureState(created);
  assert.equal(after.head, null);
  assert.equal(after.stagedDiff, start.stagedDiff);
});

test('undo on detached HEAD names HEAD', async () => {
  const { repo: created, start, run } = await committedTwoBatches({ detached: true });

  const result = created.footprint(['undo', '--color', 'never']);

  assert.equal(result.status, 0, result.stderr);
  assert.equal(created.gitResult(['symbolic-ref', '-q', 'HEAD']).status, 1, 'HEAD is detached');
  assert.deepEqual(captureState(created), start);
  assert.doesNotMatch(result.stdout, /on the branch/);
  assert.match(result.stdout, /HEAD is detached, so no branch moved/);
  assert.match(result.stdout, /HEAD no longer reaches the 2 commits of that run\./);
  const reset = `\`git reset --soft ${run.finalHead}\` brings the run back`;
  assert.ok(result.stdout.includes(reset), result.stdout);
  assert.match(created.git(['reflog', '-2', '--format=%H']), new RegExp(run.finalHead));
  created.git(['reset', '--soft', run.finalHead]);
  assert.equal(created.git(['rev-parse', 'HEAD']).trim(), run.finalHead);
});

test('undo refused after leaving detached HEAD', async () => {
  const { repo: created, run } = await committedTwoBatches({ detached: true });
  // The unstaged edit would stop git switch.
  created.git(['restore', 'a.txt']);
  created.git(['switch', '-q', 'main']);
  const command = `git switch --detach ${run.finalHead}`;

  await assertUndoRefused(created, /moved a detached HEAD, but HEAD is now on refs\/heads\/main\./);
  await assertUndoRefused(created, new RegExp(`with \`${command}\`, then run \`footprint undo\``));
  created.git(command.split(' ').slice(1));
  const undone = await undo(created);
  assert.equal(undone.ref, 'HEAD');
});

test('undo refused on detached HEAD', async () => {
  const { repo: created, run } = await committedTwoBatches();
  created.git(['switch', '-q', '--detach']);

  await assertUndoRefused(
    created,
    new RegExp(`moved refs/heads/main, but HEAD is now detached at ${run.finalHead}\\.`),
  );
  await assertUndoRefused(created, /with `git switch main`, then run `footprint undo` again\./);
  created.git(['switch', '-q', 'main']);
  const undone = await undo(created);
  assert.equal(undone.ref, 'refs/heads/main');
});

test('undo refused twice', async () => {
  const { repo: created, run } = await committedTwoBatches();
  const first = await undo(created);

  assert.ok(first.fossilPath !== null, 'the undo is recorded');
  const undoId = path.basename(first.fossilPath, '.json');
  const runId = path.basename(run.fossilPath, '.json');
  await assertUndoRefused(created, new RegExp(`Commit run ${runId} was already undone at `));
  await assertUndoRefused(created, new RegExp(`\\(undo fossil ${undoId}\\)`));
  await assertUndoRefused(created, /run `footprint commit`/);
});

test('undo refused twice after a later commit', async () => {
  const { repo: created } = await committedTwoBatches();
  await undo(created);
  created.git(['commit', '-q', '-m', 'feat: commit the change by hand']);

  await assertUndoRefused(created, /was already undone at /);
  await assertUndoRefused(created, /`git reset --soft <commit>`/);
});

test('undo refused twice without its record', async () => {
  const { repo: created } = await committedTwoBatches();
  const first = await undo(created);
  assert.ok(first.fossilPath !== null, 'the undo is recorded');
  rmSync(first.fossilPath);

  await assertUndoRefused(created, /so it is already undone\. Nothing was changed\./);
  await assertUndoRefused(created, /run `footprint commit`/);
});

test('undo writes a valid undo fossil', async () => {
  const { repo: created, start, run } = await committedTwoBatches();

  const result = await undo(created);

  assert.ok(result.fossilPath !== null, 'the undo is recorded');
  const fossil = JSON.parse(readFileSync(result.fossilPath, 'utf8')) as Fossil;
  assert.deepEqual(validateFossil('undo', fossil), []);
  assert.deepEqual(fossil.payload, {
    run: path.basename(run.fossilPath, '.json'),
    ref: 'refs/heads/main',
    from: run.finalHead,
    to: start.head,
    commits: 2,
  });
  assert.equal(fossil.repository.head, start.head);
  assert.equal(fossil.repository.branch, 'main');
});

test('undo of a newer run after an undone one', async () => {
  const { repo: created, start } = await committedTwoBatches();
  await undo(created);
  const second = await commitRun(created);

  const result = await undo(created);

  assert.equal(result.fossilId, path.basename(second.fossilPath, '.json'));
  assert.equal(result.to, start.head);
});

test('undo refused past an unreadable run', async () => {
  const { repo: created } = await committedTwoBatches();
  created.write('c.txt', 'new\n');
  created.git(['add', 'c.txt']);
  const second = await commitRun(created);
  writeFileSync(second.fossilPath, '');
  const name = path.basename(second.fossilPath);

  await assertUndoRefused(created, new RegExp(`${name}: skipped because it is not valid JSON`));
  await assertUndoRefused(created, /footprint cannot tell which run to undo/);
  await assertUndoRefused(created, /`git reset --soft <commit>`/);
  await assertUndoRefused(created, /`git update-ref -d refs\/heads\/main` makes the branch unborn/);
});

test('commit, undo, list and undo again', () => {
  const created = createTempRepo();
  repo = created;
  created.write('a.txt', 'base\n');
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);
  created.write('a.txt', 'changed\n');
  created.write('notes.md', '# Notes\n');
  created.git(['add', '-A']);
  const strategy = created.footprint(['strategy', '--output', 'plan.json', '--no-llm']);
  assert.equal(strategy.status, 0, strategy.stderr);

  const committed = created.footprint(['commit', '--strategy', 'plan.json', '--yes']);
  assert.equal(committed.status, 0, committed.stderr);
  assert.match(listRuns(created)[0] ?? '', /^\S+ \S+\s+commit-run\s+committed\s/);
  const undone = created.footprint(['undo']);
  assert.equal(undone.status, 0, undone.stderr);

  const rows = listRuns(created);
  assert.equal(rows.length, 1, rows.join('\n'));
  assert.match(rows[0] ?? '', /^\S+ \S+\s+commit-run\s+undone\s/);
  const stats = created.footprint(['fossils', 'stats', '--json']);
  const counted = JSON.parse(stats.stdout) as { suggestions: { commitRuns: number } };
  assert.equal(counted.suggestions.commitRuns, 0);
  const again = created.footprint(['undo']);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /was already undone at /);
  assert.match(again.stderr, /To commit the staged change again, run `footprint commit`\./);
});

test('second undo names npx commands', async () => {
  const { repo: created } = await committedTwoBatches();
  linkProjectCommand(created.dir);
  const env = { PATH: plainPath() };
  assert.equal(created.footprint(['undo'], { env }).status, 0);

  const again = created.footprint(['undo'], { env });

  assert.equal(again.status, 1);
  assert.ok(
    again.stderr.includes(
      'Nothing was changed. To commit the staged change again, run `npx footprint commit`. ' +
        '`npx footprint undo` undoes only the newest run. To move the branch further back, ' +
        'use `git reset --soft <commit>`.',
    ),
    again.stderr,
  );
});

test('undo refused on another branch', async () => {
  const { repo: created } = await committedTwoBatches();
  created.git(['checkout', '-qb', 'elsewhere']);

  await assertUndoRefused(
    created,
    /moved refs\/heads\/main, but HEAD is now on refs\/heads\/elsewhere/,
  );
  await assertUndoRefused(created, /with `git switch main`, then run `footprint undo` again\./);
});

test('undo advice with branch in worktree', async () => {
  const { repo: created, run } = await committedTwoBatches();
  created.git(['switch', '-qc', 'elsewhere']);
  const other = path.join(created.dir, 'other');
  created.git(['worktree', 'add', '-q', other, 'main']);

  await assertUndoRefused(created, /The worktree at \S+ has main checked out/);
  await assertUndoRefused(
    created,
    /`git -C \S+ switch --detach`, switch here with `git switch main`/,
  );
  // Each step of the advice works, and then undo does.
  assert.notEqual(created.gitResult(['switch', 'main']).status, 0);
  created.git(['-C', other, 'switch', '-q', '--detach']);
  created.git(['switch', '-q', 'main']);
  const result = await undo(created);
  assert.equal(result.from, run.finalHead);
});

test('undo refused without a run', async () => {
  const created = createTempRepo();
  repo = created;
  created.write('a.txt', 'base\n');
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);

  await assertUndoRefused(created, /No commit run is recorded/);
});

test('undo refused while locked', async () => {
  const { repo: created } = await committedTwoBatches();
  created.write('.git/refs/heads/main.lock', '');

  await assertUndoRefused(created, /main\.lock exists.*`rm .*main\.lock`/);
});

test('undo of a first commit makes the branch unborn', async () => {
  const { repo: created, start } = await committedTwoBatches({ unborn: true });

  const result = await undo(created);

  assert.equal(result.to, null);
  assert.equal(created.gitResult(['rev-parse', '-q', '--verify', 'HEAD']).status, 1);
  assert.equal(created.git(['symbolic-ref', 'HEAD']).trim(), 'refs/heads/main');
  assert.deepEqual(captureState(created), start);
  assertFsckClean(created);
});

test('undo to unborn branch names a working recovery', async () => {
  const { repo: created, run } = await committedTwoBatches({ unborn: true });

  const result = created.footprint(['undo', '--color', 'never']);

  assert.equal(result.status, 0, result.stderr);
  const last = run.finalHead;
  assert.doesNotMatch(result.stdout, /`git reflog` still lists/);
  assert.match(
    result.stdout,
    new RegExp(`\`git fsck --lost-found\` reports the last one, ${last}`),
  );
  assert.match(result.stdout, new RegExp(`\`git reset --soft ${last}\` brings the run back`));
  // Each claim of the message holds: git reflog fails, fsck lists the commit, reset restores it.
  assert.notEqual(created.gitResult(['reflog']).status, 0);
  const fsck = created.gitResult(['fsck', '--lost-found', '--no-progress']);
  assert.match(fsck.stdout, new RegExp(`dangling commit ${last}`));
  created.git(['reset', '--soft', last]);
  assert.equal(created.git(['rev-parse', 'HEAD']).trim(), last);
});

test('undo to orphan branch names reflog failure', async () => {
  const { repo: created, run } = await committedTwoBatches({ orphan: true });
  const headLog = readFileSync(path.join(created.dir, '.git', 'logs', 'HEAD'), 'utf8');
  assert.ok(headLog.includes(run.finalHead), headLog);

  const result = created.footprint(['undo', '--color', 'never']);

  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stdout, /lists nothing/);
  assert.match(result.stdout, /`git reflog` cannot list them: it fails while the branch has no/);
  assert.notEqual(created.gitResult(['reflog']).status, 0);
  assert.equal(created.git(['symbolic-ref', 'HEAD']).trim(), 'refs/heads/side');
});

test('undo twice on unborn branch', async () => {
  const { repo: created } = await committedTwoBatches({ unborn: true });
  assert.equal(created.footprint(['undo']).status, 0);

  const again = created.footprint(['undo', '--color', 'never']);

  assert.equal(again.status, 1);
  assert.match(again.stderr, /was already undone at /);
  assert.doesNotMatch(again.stderr, /git reset --soft/);
  assert.match(again.stderr, /The branch has no commits now, so there is nothing further back/);
});

test('list trusts runs older than reflog', async () => {
  const { repo: created } = await committedTwoBatches();
  // As `git reflog expire` does with old lines: only a later line is left.
  const later = { GIT_COMMITTER_DATE: '@4000000000 +0000' };
  created.git(['commit', '-q', '--allow-empty', '-m', 'chore: later'], { env: later });
  const reflog = path.join(created.dir, '.git', 'logs', 'refs', 'heads', 'main');
  const lines = readFileSync(reflog, 'utf8').trimEnd().split('\n');
  writeFileSync(reflog, `${lines.at(-1) ?? ''}\n`);

  const rows = listRuns(created);

  assert.equal(rows.length, 1, rows.join('\n'));
  assert.match(rows[0] ?? '', /^\S+ \S+\s+commit-run\s+committed\s/);
});

test('undo without reflog names the run', async () => {
  const { repo: created, run } = await committedTwoBatches({ noReflog: true });

  const result = created.footprint(['undo', '--color', 'never']);

  assert.equal(result.status, 0, result.stderr);
  assert.equal(created.gitResult(['reflog']).stdout, '');
  assert.doesNotMatch(result.stdout, /`git reflog` still lists/);
  assert.match(result.stdout, new RegExp(`last one, ${run.finalHead}`));
  assert.match(result.stdout, /`git gc` may delete them/);
  assert.match(result.stdout, new RegExp(`\`git reset --soft ${run.finalHead}\` brings the run`));
  created.git(['reset', '--soft', run.finalHead]);
  assert.equal(created.git(['log', '-2', '--format=%s']), 'feat: change b\nfix: change a\n');
});

test('undo on detached HEAD without reflog', async () => {
  const { repo: created, run } = await committedTwoBatches({ detached: true, noReflog: true });

  const result = created.footprint(['undo', '--color', 'never']);

  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stdout, /`git reflog` still lists/);
  assert.match(result.stdout, new RegExp(`last one, ${run.finalHead}`));
  assert.match(result.stdout, /`git gc` may delete them/);
});

test('undo with reflog says reflog lists them', async () => {
  await committedTwoBatches();

  const result = (repo as TempRepo).footprint(['undo', '--color', 'never']);

  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /`git reflog` still lists them/);
});

/** Adds a commit `feat: upstream` on branch `up`, which starts where the run started. */
function commitUpstream(created: TempRepo, start: string): string {
  created.git(['branch', 'up', start]);
  created.git(['switch', '-q', 'up']);
  created.write('up.txt', 'upstream\n');
  created.git(['add', 'up.txt']);
  created.git(['commit', '-qm', 'feat: upstream']);
  const upstream = created.git(['rev-parse', 'HEAD']).trim();
  created.git(['switch', '-q', 'main']);
  return upstream;
}

test('undo after rebase keeps upstream commits', async () => {
  const { repo: created, start } = await committedTwoBatches();
  created.git(['checkout', '--', 'a.txt']);
  const upstream = commitUpstream(created, start.head as string);
  // As `git pull --rebase` does: the run's commits are replayed on top of the upstream commit.
  created.git(['rebase', '-q', 'up']);

  await assertUndoRefused(created, new RegExp(`run \`git reset --soft ${upstream}\``));
  await assertUndoRefused(created, /feat: upstream/);
  await assertUndoRefused(created, /2 commits rewritten from the run/);
  created.git(['reset', '--soft', upstream]);
  assert.equal(created.git(['log', '-1', '--format=%s']).trim(), 'feat: upstream');
  assert.equal(created.git(['diff', '--cached', '--name-only']), 'a.txt\nb.txt\n');
});

test('undo after merge names dropped commits', async () => {
  const { repo: created, start, run } = await committedTwoBatches();
  created.git(['checkout', '--', 'a.txt']);
  const upstream = commitUpstream(created, start.head as string);
  created.git(['merge', '-q', '--no-edit', 'up']);

  await assertUndoRefused(created, new RegExp(`not at the run's last commit ${run.finalHead}`));
  await assertUndoRefused(created, new RegExp(`${upstream.slice(0, 12)} feat: upstream`));
  await assertUndoRefused(
    created,
    new RegExp(`\`git reset --soft ${start.head}\` would drop that commit too`),
  );
  await assertUndoRefused(created, /footprint suggests no command/);
});
