import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { discoverRepository } from '../../src/git/discover.js';
import type { RepositoryLayout } from '../../src/git/types.js';
import { isUserError } from '../../src/errors.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** Asks git where the repository is, from `cwd` with `env`, as absolute paths. */
function layoutFromGit(cwd: string, env: Record<string, string> = {}) {
  const run = (args: string[]): string | null => {
    const result = spawnSync('git', args, { cwd, env: gitTestEnv(env), encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : null;
  };
  const resolve = (value: string | null) => (value === null ? null : path.resolve(cwd, value));
  return {
    gitDir: run(['rev-parse', '--absolute-git-dir']),
    commonDir: resolve(run(['rev-parse', '--git-common-dir'])),
    worktree: run(['rev-parse', '--show-toplevel']),
    indexFile: resolve(run(['rev-parse', '--git-path', 'index'])),
  };
}

function safeRealpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

async function discover(cwd: string, env: Record<string, string> = {}): Promise<RepositoryLayout> {
  return discoverRepository({ cwd, env: gitTestEnv(env) });
}

/** Checks the discovered layout against git's own output for the same folder and variables. */
async function assertMatchesGit(
  cwd: string,
  env: Record<string, string> = {},
): Promise<RepositoryLayout> {
  const layout = await discover(cwd, env);
  const expected = layoutFromGit(cwd, env);
  assert.equal(layout.gitDir, expected.gitDir, 'gitDir');
  assert.equal(layout.commonDir, realpathSync(expected.commonDir as string), 'commonDir');
  assert.equal(layout.worktree, expected.worktree, 'worktree');
  assert.equal(
    path.join(safeRealpath(path.dirname(layout.indexFile)), path.basename(layout.indexFile)),
    path.join(
      safeRealpath(path.dirname(expected.indexFile as string)),
      path.basename(expected.indexFile as string),
    ),
    'indexFile',
  );
  return layout;
}

function commitOneFile(repo: TempRepo): void {
  repo.write('src/deep/file.txt', 'content\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'first']);
}

describe('discoverRepository', () => {
  let repo: TempRepo;
  const extraDirs: string[] = [];

  before(() => {
    repo = createTempRepo();
    commitOneFile(repo);
  });
  after(() => {
    repo.cleanup();
    for (const dir of extraDirs) rmSync(dir, { recursive: true, force: true });
  });

  function scratchDir(): string {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-discover-')));
    extraDirs.push(dir);
    return dir;
  }

  test('worktree root', async () => {
    const layout = await assertMatchesGit(repo.dir);
    assert.equal(layout.worktree, repo.dir);
    assert.equal(layout.gitDir, path.join(repo.dir, '.git'));
    assert.equal(layout.commonDir, layout.gitDir);
    assert.equal(layout.indexFile, path.join(repo.dir, '.git', 'index'));
    assert.equal(layout.isLinkedWorktree, false);
    assert.equal(layout.isSubmodule, false);
  });

  test('subfolder', async () => {
    const layout = await assertMatchesGit(path.join(repo.dir, 'src', 'deep'));
    assert.equal(layout.worktree, repo.dir);
  });

  test('linked worktree', async () => {
    const worktree = path.join(scratchDir(), 'linked');
    repo.git(['worktree', 'add', '-q', worktree]);
    const layout = await assertMatchesGit(path.join(worktree, 'src'));
    assert.equal(layout.worktree, worktree);
    assert.equal(layout.gitDir, path.join(repo.dir, '.git', 'worktrees', 'linked'));
    assert.equal(layout.commonDir, path.join(repo.dir, '.git'));
    assert.equal(layout.indexFile, path.join(layout.gitDir, 'index'));
    assert.equal(layout.isLinkedWorktree, true);
    assert.equal(layout.isSubmodule, false);
  });

  test('GIT_COMMON_DIR with GIT_DIR of a linked worktree', async () => {
    const worktree = path.join(scratchDir(), 'by-env');
    repo.git(['worktree', 'add', '-q', worktree]);
    const gitDir = path.join(repo.dir, '.git', 'worktrees', 'by-env');
    const env = {
      GIT_DIR: gitDir,
      GIT_COMMON_DIR: path.join(repo.dir, '.git'),
      GIT_WORK_TREE: worktree,
    };
    const layout = await assertMatchesGit(repo.dir, env);
    assert.equal(layout.gitDir, gitDir);
    assert.equal(layout.commonDir, path.join(repo.dir, '.git'));
    assert.equal(layout.worktree, worktree);
    assert.equal(layout.isLinkedWorktree, true);
  });

  test('.git file from --separate-git-dir', async () => {
    const dir = scratchDir();
    const work = path.join(dir, 'work');
    const store = path.join(dir, 'store.git');
    spawnSync('git', ['init', '-q', `--separate-git-dir=${store}`, work], { env: gitTestEnv() });
    const layout = await assertMatchesGit(work);
    assert.equal(layout.gitDir, store);
    assert.equal(layout.worktree, work);
    assert.equal(layout.isLinkedWorktree, false);
  });

  test('.git symlink', async () => {
    const dir = scratchDir();
    const work = path.join(dir, 'work');
    const moved = path.join(dir, 'elsewhere.git');
    spawnSync('git', ['init', '-q', work], { env: gitTestEnv() });
    renameSync(path.join(work, '.git'), moved);
    symlinkSync(moved, path.join(work, '.git'));
    const layout = await assertMatchesGit(work);
    assert.equal(layout.gitDir, moved);
    assert.equal(layout.worktree, work);
  });

  test('bare repository', async () => {
    const bare = createTempRepo({ bare: true });
    try {
      const layout = await assertMatchesGit(bare.dir);
      assert.equal(layout.worktree, null);
      assert.equal(layout.gitDir, bare.dir);
    } finally {
      bare.cleanup();
    }
  });

  test('inside the .git folder', async () => {
    const layout = await assertMatchesGit(path.join(repo.dir, '.git', 'refs'));
    assert.equal(layout.worktree, null);
    assert.equal(layout.gitDir, path.join(repo.dir, '.git'));
  });

  test('GIT_DIR and GIT_WORK_TREE relative to cwd', async () => {
    const cwd = path.join(repo.dir, 'src');
    const layout = await assertMatchesGit(cwd, { GIT_DIR: '../.git', GIT_WORK_TREE: '..' });
    assert.equal(layout.gitDir, path.join(repo.dir, '.git'));
    assert.equal(layout.worktree, repo.dir);
  });

  test('GIT_DIR alone makes cwd the worktree', async () => {
    const cwd = path.join(repo.dir, 'src');
    const layout = await assertMatchesGit(cwd, { GIT_DIR: path.join(repo.dir, '.git') });
    assert.equal(layout.worktree, cwd);
  });

  test('GIT_INDEX_FILE relative to the worktree root', async () => {
    const cwd = path.join(repo.dir, 'src');
    const layout = await assertMatchesGit(cwd, { GIT_INDEX_FILE: 'temporary-index' });
    assert.equal(layout.indexFile, path.join(repo.dir, 'temporary-index'));
  });

  test('GIT_INDEX_FILE relative with GIT_DIR and no worktree', async () => {
    const bare = createTempRepo({ bare: true });
    try {
      const cwd = path.join(repo.dir, 'src');
      const env = { GIT_DIR: bare.dir, GIT_INDEX_FILE: 'temporary-index' };
      bare.git(['config', 'core.bare', 'true']);
      const layout = await assertMatchesGit(cwd, env);
      assert.equal(layout.worktree, null);
      assert.equal(layout.indexFile, path.join(cwd, 'temporary-index'));
    } finally {
      bare.cleanup();
    }
  });

  test('GIT_INDEX_FILE absolute', async () => {
    const file = path.join(repo.dir, '.git', 'index.lock');
    const layout = await discover(repo.dir, { GIT_INDEX_FILE: file });
    assert.equal(layout.indexFile, file);
  });

  test('core.worktree', async () => {
    const dir = scratchDir();
    const gitDir = path.join(dir, 'meta.git');
    const work = path.join(dir, 'files');
    mkdirSync(work);
    spawnSync('git', ['init', '-q', '--bare', gitDir], { env: gitTestEnv() });
    spawnSync('git', ['--git-dir', gitDir, 'config', 'core.bare', 'false'], { env: gitTestEnv() });
    spawnSync('git', ['--git-dir', gitDir, 'config', 'core.worktree', '../files'], {
      env: gitTestEnv(),
    });
    const layout = await assertMatchesGit(dir, { GIT_DIR: gitDir });
    assert.equal(layout.worktree, work);
  });

  test('core.bare in a .git folder', async () => {
    const other = createTempRepo();
    try {
      other.git(['config', 'core.bare', 'true']);
      const layout = await discover(other.dir);
      assert.equal(layout.worktree, null);
      assert.equal(layout.gitDir, path.join(other.dir, '.git'));
    } finally {
      other.cleanup();
    }
  });

  test('not a repository', async () => {
    const dir = scratchDir();
    await assert.rejects(discover(dir, { GIT_CEILING_DIRECTORIES: path.dirname(dir) }), (error) => {
      assert.ok(isUserError(error));
      assert.match(error.message, new RegExp(dir));
      assert.match(error.message, /--cwd/);
      return true;
    });
  });

  test('GIT_DIR that is not a repository', async () => {
    const dir = scratchDir();
    await assert.rejects(discover(repo.dir, { GIT_DIR: dir }), (error) => {
      assert.ok(isUserError(error));
      assert.match(error.message, /GIT_DIR/);
      return true;
    });
  });

  test('GIT_CEILING_DIRECTORIES stops the walk', async () => {
    const cwd = path.join(repo.dir, 'src', 'deep');
    await assert.rejects(discover(cwd, { GIT_CEILING_DIRECTORIES: repo.dir }), /not inside/);
  });
});

describe('discoverRepository in a submodule', () => {
  let superproject: TempRepo;
  let library: TempRepo;

  before(() => {
    library = createTempRepo();
    commitOneFile(library);
    superproject = createTempRepo();
    commitOneFile(superproject);
    superproject.git([
      '-c',
      'protocol.file.allow=always',
      'submodule',
      'add',
      '-q',
      library.dir,
      'lib',
    ]);
    superproject.git(['commit', '-q', '-m', 'add submodule']);
  });
  after(() => {
    superproject.cleanup();
    library.cleanup();
  });

  test('submodule worktree', async () => {
    const cwd = path.join(superproject.dir, 'lib', 'src');
    const layout = await assertMatchesGit(cwd);
    assert.equal(layout.worktree, path.join(superproject.dir, 'lib'));
    assert.equal(layout.gitDir, path.join(superproject.dir, '.git', 'modules', 'lib'));
    assert.equal(layout.isSubmodule, true);
    assert.equal(layout.isLinkedWorktree, false);
  });

  test('superproject', async () => {
    const layout = await assertMatchesGit(superproject.dir);
    assert.equal(layout.isSubmodule, false);
  });
});
