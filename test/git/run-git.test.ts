import assert from 'node:assert/strict';
import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';

import { discoverRepository } from '../../src/git/discover.js';
import { GitCommandError, gitEnvironment, runGit, runGitSync } from '../../src/git/run-git.js';
import type { RepositoryLayout } from '../../src/git/types.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const HOOK_VARIABLES = {
  GIT_DIR: '/nonexistent/.git',
  GIT_WORK_TREE: '/nonexistent',
  GIT_INDEX_FILE: '/nonexistent/index',
  GIT_PREFIX: 'sub/',
};

describe('runGit', () => {
  let repo: TempRepo;
  let layout: RepositoryLayout;
  const savedEnv = { ...process.env };

  before(async () => {
    repo = createTempRepo();
    repo.write('caf\u00e9.txt', 'caf\u00e9\n');
    repo.write('big.txt', 'x'.repeat(10_000));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'first']);
    layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
  });
  afterEach(() => {
    for (const key of Object.keys(HOOK_VARIABLES)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  });
  after(() => repo.cleanup());

  test('names the repository explicitly despite a hook environment', async () => {
    Object.assign(process.env, HOOK_VARIABLES);
    const gitDir = (await runGit(layout, ['rev-parse', '--absolute-git-dir'])).toString().trim();
    assert.equal(gitDir, layout.gitDir);
    const files = (await runGit(layout, ['ls-files'])).toString();
    assert.equal(files, 'big.txt\ncaf\u00e9.txt\n', 'unquoted UTF-8 path, GIT_INDEX_FILE ignored');
  });

  test('reads the layout index file', async () => {
    const temporary = path.join(repo.dir, '.git', 'temporary-index');
    repo.git(['read-tree', '--empty'], { env: { GIT_INDEX_FILE: temporary } });
    const files = await runGit({ ...layout, indexFile: temporary }, ['ls-files']);
    assert.equal(files.length, 0);
  });

  test('never refreshes the index', async () => {
    const indexPath = path.join(repo.dir, '.git', 'index');
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(repo.dir, 'big.txt'), future, future);
    const before = readFileSync(indexPath);

    await runGit(layout, ['status', '--porcelain']);
    assert.ok(readFileSync(indexPath).equals(before), 'index unchanged by git status');
    await runGit(layout, ['diff', '--stat']);
    assert.ok(readFileSync(indexPath).equals(before), 'index unchanged by git diff');
    await runGit(layout, ['diff', 'HEAD', '--stat']);
    assert.ok(readFileSync(indexPath).equals(before), 'index unchanged by git diff HEAD');

    repo.git(['diff', '--stat']);
    assert.equal(readFileSync(indexPath).equals(before), false, 'plain git diff refreshes it');
  });

  test('passes input', async () => {
    const oid = (await runGit(layout, ['hash-object', '--stdin'], { input: 'hello\n' })).toString();
    assert.equal(oid.trim(), 'ce013625030ba8dba906f756967f9e9ca394464a');
  });

  test('failure carries command, exit code and stderr', async () => {
    await assert.rejects(runGit(layout, ['cat-file', '-t', 'no-such-object']), (error) => {
      assert.ok(error instanceof GitCommandError);
      assert.equal(error.exitCode, 128);
      assert.match(error.command, /^git cat-file -t no-such-object$/);
      assert.match(error.stderr, /no-such-object/);
      assert.match(error.message, /git cat-file -t no-such-object failed with exit code 128/);
      return true;
    });
  });

  test('output over maxBuffer fails', async () => {
    const args = ['cat-file', 'blob', 'HEAD:big.txt'];
    await assert.rejects(runGit(layout, args, { maxBuffer: 1000 }), /more than 1000 bytes/);
    assert.equal((await runGit(layout, args)).length, 10_000);
  });

  test('synchronous variant', () => {
    Object.assign(process.env, HOOK_VARIABLES);
    const head = runGitSync(layout, ['rev-parse', 'HEAD']).toString().trim();
    assert.equal(head, repo.git(['rev-parse', 'HEAD']).trim());
    assert.throws(() => runGitSync(layout, ['cat-file', '-t', 'nope']), GitCommandError);
  });

  test('bare repository', async () => {
    const bare = createTempRepo({ bare: true });
    try {
      const bareLayout = await discoverRepository({ cwd: bare.dir, env: gitTestEnv() });
      const output = await runGit(bareLayout, ['rev-parse', '--is-bare-repository']);
      assert.equal(output.toString().trim(), 'true');
    } finally {
      bare.cleanup();
    }
  });
});

describe('gitEnvironment', () => {
  const layout: RepositoryLayout = {
    worktree: '/repo',
    gitDir: '/repo/.git/worktrees/topic',
    commonDir: '/repo/.git',
    indexFile: '/repo/.git/worktrees/topic/index',
    isLinkedWorktree: true,
    isSubmodule: false,
  };

  test('keeps configuration variables and drops repository ones', () => {
    const env = gitEnvironment(layout, {
      PATH: '/usr/bin',
      ...HOOK_VARIABLES,
      GIT_EXEC_PATH: '/usr/lib/git-core',
      GIT_CONFIG_GLOBAL: '/home/me/.gitconfig',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'diff.renames',
      GIT_CONFIG_VALUE_0: 'false',
      GIT_REFLOG_ACTION: 'commit',
    });
    assert.deepEqual(env, {
      PATH: '/usr/bin',
      GIT_EXEC_PATH: '/usr/lib/git-core',
      GIT_CONFIG_GLOBAL: '/home/me/.gitconfig',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'diff.renames',
      GIT_CONFIG_VALUE_0: 'false',
      GIT_INDEX_FILE: '/repo/.git/worktrees/topic/index',
      GIT_COMMON_DIR: '/repo/.git',
      GIT_OPTIONAL_LOCKS: '0',
      LC_ALL: 'C',
    });
  });
});
