import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, footprintBin, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const UNSAVED = 'line 1\nunsaved work, not staged\n';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('notes.md', 'line 1\n');
  repo.git(['add', 'notes.md']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'docs: notes']);
  repo.write('notes.md', UNSAVED);
  repo.write('a.js', 'export const a = 1;\n');
  repo.git(['add', 'a.js']);
});

afterEach(() => {
  repo.cleanup();
});

async function strategyTo(output: string, cwd = repo.dir) {
  const { io, stdout, stderr } = captureIo({ cwd, env: gitTestEnv() });
  const code = await main(['strategy', '--no-llm', '--output', output], io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function readText(relativePath: string): string {
  return readFileSync(path.join(repo.dir, relativePath), 'utf8');
}

describe('strategy --output', () => {
  test('rejects a tracked file with unstaged edits', async () => {
    const result = await strategyTo('notes.md');

    assert.equal(result.code, 2, result.stderr);
    assert.equal(readText('notes.md'), UNSAVED);
    assert.match(result.stderr, /--output notes\.md is a file in git's index/);
    assert.match(
      result.stderr,
      /Pass a path that git does not track, such as --output fossils\/strategy\.json/,
    );
  });

  test('rejects a nested repository file', async () => {
    const nested = path.join(repo.dir, 'vendor', 'lib');
    mkdirSync(nested, { recursive: true });
    spawnSync('git', ['init', '-q', nested]);
    writeFileSync(path.join(nested, '__init__.py'), '');
    spawnSync('git', ['-C', nested, 'add', '__init__.py']);

    const tracked = await strategyTo('vendor/lib/__init__.py');
    const untracked = await strategyTo('vendor/lib/plan.json');

    assert.equal(tracked.code, 2, tracked.stderr);
    assert.equal(readText('vendor/lib/__init__.py'), '');
    assert.match(tracked.stderr, /vendor\/lib\/__init__\.py is a file in git's index/);
    assert.equal(untracked.code, 0, untracked.stderr);
  });

  test('rejects an intent-to-add file', async () => {
    repo.write('draft.md', 'not staged yet\n');
    repo.git(['add', '-N', 'draft.md']);

    const result = await strategyTo('draft.md');

    assert.equal(result.code, 2, result.stderr);
    assert.equal(readText('draft.md'), 'not staged yet\n');
    assert.match(result.stderr, /draft\.md is a file in git's index/);
  });

  test('rejects a staged file deleted from disk', async () => {
    repo.write('gone.md', 'staged\n');
    repo.git(['add', 'gone.md']);
    rmSync(path.join(repo.dir, 'gone.md'));

    const result = await strategyTo('gone.md');

    assert.equal(result.code, 2, result.stderr);
    assert.equal(existsSync(path.join(repo.dir, 'gone.md')), false);
    assert.match(result.stderr, /gone\.md is a file in git's index/);
  });

  test('rejects the index file', async () => {
    const index = path.join(repo.dir, '.git', 'index');
    const before = readFileSync(index);

    const result = await strategyTo('.git/index');

    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(readFileSync(index), before);
    assert.equal(repo.git(['status', '--porcelain']), 'A  a.js\n M notes.md\n');
    assert.match(result.stderr, /--output \.git\/index is inside the git directory /);
  });

  test('rejects a new file in the git directory', async () => {
    const result = await strategyTo('.git/plans/plan.json');

    assert.equal(result.code, 2, result.stderr);
    assert.equal(existsSync(path.join(repo.dir, '.git', 'plans')), false);
    assert.match(result.stderr, /inside the git directory/);
  });

  test('rejects a link into the git directory', async () => {
    symlinkSync(path.join('.git', 'HEAD'), path.join(repo.dir, 'head-link'));
    const before = readText('.git/HEAD');

    const result = await strategyTo('head-link');

    assert.equal(result.code, 2, result.stderr);
    assert.equal(readText('.git/HEAD'), before);
    assert.match(result.stderr, /--output head-link is inside the git directory/);
  });

  test('rejects a nested repository git directory', async () => {
    mkdirSync(path.join(repo.dir, 'vendor', 'lib', '.git'), { recursive: true });

    const result = await strategyTo('vendor/lib/.git/plan.json');

    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /inside the git directory \S*vendor\/lib\/\.git/);
  });

  test('rejects linked worktree git directories', async () => {
    repo.git(['commit', '-q', '--no-verify', '-m', 'feat: a']);
    const worktree = `${repo.dir}-linked`;
    repo.git(['worktree', 'add', '-q', '-b', 'side', worktree]);
    try {
      writeFileSync(path.join(worktree, 'b.js'), 'export const b = 2;\n');
      repo.git(['-C', worktree, 'add', 'b.js']);

      const own = await strategyTo('.git-own.json', worktree);
      const perWorktree = path.join(repo.dir, '.git', 'worktrees', path.basename(worktree));
      const inGitDir = await strategyTo(path.join(perWorktree, 'plan.json'), worktree);
      const inCommonDir = await strategyTo(path.join(repo.dir, '.git', 'plan.json'), worktree);

      assert.equal(own.code, 0, own.stderr);
      assert.equal(inGitDir.code, 2, inGitDir.stderr);
      assert.match(inGitDir.stderr, /inside the git directory/);
      assert.equal(inCommonDir.code, 2, inCommonDir.stderr);
      assert.match(inCommonDir.stderr, /inside the git directory/);
      assert.equal(existsSync(path.join(repo.dir, '.git', 'plan.json')), false);
    } finally {
      repo.git(['worktree', 'remove', '--force', worktree]);
    }
  });

  test('rejects untracked non-strategy file', async () => {
    repo.write('todo.txt', 'my own notes\n');

    const result = await strategyTo('todo.txt');

    assert.equal(result.code, 2, result.stderr);
    assert.equal(readText('todo.txt'), 'my own notes\n');
    assert.match(
      result.stderr,
      /--output todo\.txt already exists and is not a footprint strategy/,
    );
    assert.match(result.stderr, /move todo\.txt away first/);
  });

  test('rejects a folder', async () => {
    mkdirSync(path.join(repo.dir, 'plans'));

    const result = await strategyTo('plans');

    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /--output plans is a folder\. .*--output plans\/strategy\.json/);
  });

  test('replaces an earlier strategy file', async () => {
    const first = await strategyTo('plan.json');
    repo.write('b.js', 'export const b = 2;\n');
    repo.git(['add', 'b.js']);
    const stagedTree = repo.git(['write-tree']).trim();

    const second = await strategyTo('plan.json');

    assert.equal(first.code, 0, first.stderr);
    assert.equal(second.code, 0, second.stderr);
    const strategy = JSON.parse(readText('plan.json')) as { stagedTree: string };
    assert.equal(strategy.stagedTree, stagedTree);
  });

  test('rejects a hand-edited strategy', async () => {
    assert.equal((await strategyTo('plan.json')).code, 0);
    const edited = readText('plan.json').replace(
      /"message": "[^"]*"/,
      '"message": "docs: my words"',
    );
    repo.write('plan.json', edited);

    const result = await strategyTo('plan.json');

    assert.equal(result.code, 2);
    assert.match(result.stderr, /--output plan\.json holds a strategy that was edited since/);
    assert.match(
      result.stderr,
      /Move it away first, for example with `mv plan\.json plan\.json\.old`/,
    );
    assert.equal(readText('plan.json'), edited);
  });

  test('mv advice skips names in use', async () => {
    assert.equal((await strategyTo('plan.json')).code, 0);
    repo.write('plan.json', readText('plan.json').replace(/"message": "/, '"message": "edited '));
    repo.write('plan.json.old', 'precious\n');
    mkdirSync(path.join(repo.dir, 'plan.json.old.1'));

    const result = await strategyTo('plan.json');

    assert.equal(result.code, 2);
    assert.ok(
      result.stderr.includes('for example with `mv plan.json plan.json.old.2`, or pass another'),
      result.stderr,
    );
    assert.equal(readText('plan.json.old'), 'precious\n');
  });

  test('rejects a strategy it did not write', async () => {
    assert.equal((await strategyTo('plan.json')).code, 0);
    repo.write('copy.json', readText('plan.json'));

    const result = await strategyTo('copy.json');

    assert.equal(result.code, 2);
    assert.match(result.stderr, /--output copy\.json holds a strategy/);
  });

  test('rejects a name ending in a slash', async () => {
    const result = await strategyTo('out/');

    assert.equal(result.code, 2);
    assert.match(result.stderr, /--output out\/ is a folder/);
    assert.equal(existsSync(path.join(repo.dir, 'out')), false);
  });

  test('names a file in the way of a folder', async () => {
    const result = await strategyTo('a.js/plan.json');

    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /a file is in the way of one of its folders, EEXIST|a part of the path is a file, not a folder, ENOTDIR/,
    );
  });

  test('names a folder that refuses children', { skip: !existsSync('/proc/self') }, () => {
    // A child process with a time limit, because the failure this guards against is a hang.
    const output = '/proc/footprint-missing/plan.json';
    const result = spawnSync(process.execPath, [footprintBin, 'strategy', '--output', output], {
      cwd: repo.dir,
      env: gitTestEnv(),
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });

    assert.equal(result.signal, null);
    assert.equal(result.status, 2, result.stderr);
    assert.match(
      result.stderr,
      /Cannot write the strategy to \/proc\/footprint-missing\/plan\.json/,
    );
  });

  test('writes when the record cannot be kept', async () => {
    mkdirSync(path.join(repo.dir, '.git', 'footprint', 'written-strategies.json'), {
      recursive: true,
    });

    const result = await strategyTo('plan.json');

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /could not record that it wrote plan\.json \(EISDIR\)/);
    assert.equal((JSON.parse(readText('plan.json')) as { kind: string }).kind, 'strategy');
  });

  test('writes into an empty file', async () => {
    repo.write('empty.json', '', 0o600);

    const result = await strategyTo('empty.json');

    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(readText('empty.json')) as { kind: string }).kind, 'strategy');
    assert.equal(statSync(path.join(repo.dir, 'empty.json')).mode & 0o777, 0o600);
  });

  test('replaces the file by a rename', async () => {
    assert.equal((await strategyTo('plan.json')).code, 0);
    const before = statSync(path.join(repo.dir, 'plan.json')).ino;

    const result = await strategyTo('plan.json');

    assert.equal(result.code, 0, result.stderr);
    assert.notEqual(statSync(path.join(repo.dir, 'plan.json')).ino, before);
    const leftovers = readdirSync(repo.dir).filter((name) => name.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });
});
