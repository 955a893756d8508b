import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { CommitRun } from '../../src/commit/types.js';
import { validateFossil } from '../../src/schemas-runtime/validate-fossil.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  assertFsckClean,
  batch,
  captureState,
  commitInProcess,
  commitRun,
  hunksOf,
  planStrategy,
  writeStrategy,
  type UntouchedState,
} from './commit-fixtures.js';

const numbered = (count: number, edit: (line: number) => string | null = () => null): string =>
  Array.from({ length: count }, (_, index) => edit(index + 1) ?? `line ${index + 1}\n`).join('');

const APP_BEFORE = numbered(20);
const APP_STAGED = numbered(21, (line) => {
  if (line === 2) return 'line 2 fixed\n';
  if (line === 15) return 'line 15 extended\n';
  if (line === 21) return 'line 21 added\n';
  return null;
});
const APP_UNSTAGED = APP_STAGED.replace('line 10\n', 'line 10 not staged\n');
const CRLF_BEFORE = 'a\r\nb\r\nc\r\nd\r\ne';
const CRLF_STAGED = 'A\r\nb\r\nc\r\nd\r\ne changed';
const NAME_BEFORE = numbered(12);
const NAME_STAGED = numbered(12, (line) => (line === 6 ? 'line 6 edited\n' : null));
const MESSAGES = ['fix(app): correct line 2', 'refactor: move the name file', 'feat(app): extend'];

/**
 * One run over a staged change with a hunk-split file, a CRLF file without a final newline
 * split by hunks, a rename with an edit, a deletion and an addition, plus unstaged edits and
 * an untracked file.
 */
describe('commit run of a hand-split strategy', () => {
  let repo: TempRepo;
  let start: UntouchedState;
  let run: CommitRun;
  let commits: string[];

  before(async () => {
    repo = createTempRepo();
    repo.write('src/app.ts', APP_BEFORE);
    repo.write('crlf.txt', CRLF_BEFORE);
    repo.write('old/name.txt', NAME_BEFORE);
    repo.write('remove.txt', 'to be removed\n');
    repo.write('docs/guide.md', '# Guide\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-qm', 'chore: start']);

    repo.write('src/app.ts', APP_STAGED);
    repo.write('crlf.txt', CRLF_STAGED);
    repo.git(['rm', '-q', 'old/name.txt']);
    repo.write('new/name.txt', NAME_STAGED);
    repo.git(['rm', '-q', 'remove.txt']);
    repo.write('src/new.ts', 'export const added = true;\n');
    repo.write('docs/guide.md', '# Guide\n\nMore.\n');
    repo.git(['add', '-A']);
    repo.write('src/app.ts', APP_UNSTAGED);
    repo.write('docs/guide.md', '# Guide\n\nMore, not staged.\n');
    repo.write('untracked.txt', 'left alone\n');

    const { strategy, files } = await planStrategy(repo);
    const app = hunksOf(files, 'src/app.ts');
    const crlf = hunksOf(files, 'crlf.txt');
    assert.equal(app.length, 3);
    assert.equal(crlf.length, 2);
    const file = writeStrategy(repo, strategy, [
      batch('b1', MESSAGES[0] as string, [
        { path: 'src/app.ts', hunks: [app[0]!] },
        { path: 'crlf.txt', hunks: [crlf[0]!] },
      ]),
      batch('b2', MESSAGES[1] as string, [{ path: 'new/name.txt' }, { path: 'remove.txt' }]),
      batch('b3', MESSAGES[2] as string, [
        { path: 'src/app.ts', hunks: [app[1]!, app[2]!] },
        { path: 'crlf.txt', hunks: [crlf[1]!] },
        { path: 'src/new.ts' },
        { path: 'docs/guide.md' },
      ]),
    ]);

    start = captureState(repo);
    run = await commitRun(repo, { strategyFile: file });
    commits = run.commits.map((commit) => commit.oid);
  });

  after(() => repo.cleanup());

  test('log shows the batches in order', () => {
    const log = repo.git(['log', '--reverse', '--format=%s', `${start.head}..HEAD`]);
    assert.deepEqual(log.trim().split('\n'), MESSAGES);
    assert.equal(repo.git(['rev-parse', 'HEAD']).trim(), commits[2]);
    assert.equal(repo.git(['rev-parse', 'HEAD~3']).trim(), start.head);
  });

  test('diff from old HEAD equals staged diff', () => {
    const diff = repo.git(['diff', '--binary', start.head as string, 'HEAD']);
    assert.equal(diff, start.stagedDiff);
  });

  test('last tree equals staged tree', () => {
    assert.equal(repo.git(['rev-parse', 'HEAD^{tree}']).trim(), run.plan.stagedTree);
    assert.equal(repo.git(['diff', '--cached', '--name-only']), '');
  });

  test('first commit takes first hunks only', () => {
    const first = commits[0] as string;
    const app = APP_BEFORE.replace('line 2\n', 'line 2 fixed\n');
    assert.equal(repo.git(['show', `${first}:src/app.ts`]), app);
    assert.equal(repo.git(['show', `${first}:crlf.txt`]), 'A\r\nb\r\nc\r\nd\r\ne');
    assert.equal(repo.git(['show', `${first}:old/name.txt`]), NAME_BEFORE);
    assert.equal(repo.git(['show', `${first}:remove.txt`]), 'to be removed\n');
    assert.equal(repo.gitResult(['cat-file', '-e', `${first}:src/new.ts`]).status, 128);
    assert.equal(repo.git(['show', `${first}:docs/guide.md`]), '# Guide\n');
  });

  test('second commit moves the renamed path', () => {
    const second = commits[1] as string;
    const status = repo.git(['diff-tree', '-r', '-M', '--name-status', `${second}~1`, second]);
    const [renamed, deleted] = status.trim().split('\n');
    assert.match(renamed ?? '', /^R\d{3}\told\/name\.txt\tnew\/name\.txt$/);
    assert.equal(deleted, 'D\tremove.txt');
    assert.equal(repo.git(['show', `${second}:new/name.txt`]), NAME_STAGED);
    assert.equal(
      repo.git(['show', `${second}:src/app.ts`]),
      APP_BEFORE.replace('line 2\n', 'line 2 fixed\n'),
    );
  });

  test('third commit completes split files', () => {
    const third = commits[2] as string;
    assert.equal(repo.git(['show', `${third}:src/app.ts`]), APP_STAGED);
    assert.equal(repo.git(['show', `${third}:crlf.txt`]), CRLF_STAGED);
    assert.equal(repo.git(['show', `${third}:src/new.ts`]), 'export const added = true;\n');
  });

  test('fsck is clean', () => {
    assertFsckClean(repo);
  });

  test('index and unstaged edits untouched', () => {
    assert.equal(captureState(repo).index, start.index);
    assert.equal(repo.git(['diff', '--binary']), start.unstagedDiff);
    assert.equal(readFileSync(path.join(repo.dir, 'src/app.ts'), 'utf8'), APP_UNSTAGED);
    assert.equal(readFileSync(path.join(repo.dir, 'untracked.txt'), 'utf8'), 'left alone\n');
  });

  test('status shows nothing staged', () => {
    const lines = repo.git(['status', '--porcelain=v1']).trimEnd().split('\n');
    const staged = lines.filter((line) => line[0] !== ' ' && line[0] !== '?');
    assert.deepEqual(staged, []);
    assert.ok(lines.includes(' M src/app.ts'), lines.join('\n'));
    assert.ok(lines.includes(' M docs/guide.md'), lines.join('\n'));
  });

  test('reflog has one line per ref', () => {
    const expected = `commit (footprint): ${MESSAGES[2]}`;
    assert.equal(repo.git(['reflog', '-1', '--format=%gs', 'HEAD']).trim(), expected);
    assert.equal(repo.git(['reflog', '-1', '--format=%gs', 'main']).trim(), expected);
    assert.equal(repo.git(['reflog', '-1', '--format=%H', 'main@{1}']).trim(), start.head);
  });

  test('commits carry the test identity', () => {
    const format = '%an <%ae> %ad|%cn <%ce> %cd';
    const lines = repo
      .git(['log', '--format=' + format, '--date=unix', '-3'])
      .trim()
      .split('\n');
    for (const line of lines) {
      assert.equal(
        line,
        'Test Author <author@example.com> 1767225600|Test Committer <committer@example.com> 1767225600',
      );
    }
  });

  test('fossil records the run', () => {
    assert.ok(existsSync(run.fossilPath));
    const fossil = JSON.parse(readFileSync(run.fossilPath, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(validateFossil('commit-run', fossil), []);
    const payload = fossil['payload'] as Record<string, unknown>;
    assert.equal(payload['startHead'], start.head);
    assert.equal(payload['finalHead'], commits[2]);
    assert.equal(payload['ref'], 'refs/heads/main');
    assert.equal(payload['stagedTree'], run.plan.stagedTree);
    const recorded = payload['commits'] as Array<{ oid: string; batch: string; message: string }>;
    assert.deepEqual(
      recorded.map((commit) => [commit.oid, commit.batch, commit.message]),
      commits.map((oid, index) => [oid, `b${index + 1}`, `${MESSAGES[index]}\n`]),
    );
  });
});

describe('commit run of the planned strategy', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    repo.write('src/cart.js', 'export const total = () => 0;\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-qm', 'chore: start']);
    repo.write('src/cart.js', 'export const total = (items) => items.length;\n');
    repo.write('README.md', '# Cart\n');
    repo.git(['add', '-A']);
  });

  after(() => repo.cleanup());

  test('dry run writes nothing', async () => {
    const state = captureState(repo);
    const objects = readdirSync(path.join(repo.dir, '.git', 'objects')).sort();

    const { outcome } = await commitInProcess(repo, { dryRun: true });

    assert.equal(outcome.kind, 'planned');
    if (outcome.kind === 'planned') assert.ok(outcome.plan.commits.length > 0);
    assert.deepEqual(readdirSync(path.join(repo.dir, '.git', 'objects')).sort(), objects);
    assert.equal(existsSync(path.join(repo.dir, 'fossils')), false);
    const after = captureState(repo);
    assert.deepEqual(after, state);
  });

  test('commits every planned batch', async () => {
    const state = captureState(repo);
    const { strategy } = await planStrategy(repo);

    const run = await commitRun(repo);

    const subjects = repo.git(['log', '--reverse', '--format=%s', `${state.head}..HEAD`]);
    assert.deepEqual(
      subjects.trim().split('\n'),
      strategy.batches.map((item) => item.message),
    );
    assert.equal(run.plan.strategy.kind, 'planned');
    assert.equal(repo.git(['diff', '--binary', state.head as string, 'HEAD']), state.stagedDiff);
    assertFsckClean(repo);
  });
});
