import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createTempRepo,
  footprintBin,
  gitTestEnv,
  plainPath,
  projectRoot,
  type TempRepo,
} from '../helpers/repo.js';
import { commitStartingProject, stageTangledChange } from './project.js';

/**
 * Environment of a user whose shell has no `footprint` on PATH. npm gets no registry but
 * 127.0.0.1 and no network, so npx only runs what it finds locally.
 */
function userEnv(): Record<string, string> {
  return {
    LC_ALL: 'C.UTF-8',
    PATH: plainPath(),
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_update_notifier: 'false',
  };
}

/**
 * Copies the built package into `project`'s node_modules, as npm installs it. The modules that
 * the bundle leaves out come from this project's node_modules, which npm would have installed.
 */
function installIntoProject(project: string): string {
  const packageRoot = path.join(project, 'node_modules', 'footprint-cli');
  for (const entry of [
    'package.json',
    'bin',
    'hooks',
    'schemas',
    'dist/main.cjs',
    'dist/footprint.cjs',
  ]) {
    cpSync(path.join(projectRoot, entry), path.join(packageRoot, entry), { recursive: true });
  }
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(packageRoot, 'node_modules'));
  mkdirSync(path.join(project, 'node_modules', '.bin'), { recursive: true });
  const bin = path.join(packageRoot, 'bin', 'footprint.js');
  symlinkSync(bin, path.join(project, 'node_modules', '.bin', 'footprint'));
  return bin;
}

/** Runs `bin` with `args` in `folder` as the user's shell would, and checks it exits 0. */
function runFootprint(bin: string, folder: string, args: string[]): void {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: folder,
    env: gitTestEnv(userEnv()),
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
}

/** The split a hook printed: its commit count and the two commands that make it. */
interface Advice {
  count: number;
  undo: string;
  footprint: string;
}

/** Commits the staged change in `folder` through the hook and returns the printed advice. */
function commitWithAdvice(folder: string): Advice {
  const result = spawnSync('git', ['commit', '-m', 'tangled'], {
    cwd: folder,
    env: gitTestEnv(userEnv()),
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);

  const split = /Suggested split into (\d+) commits/.exec(result.stderr);
  const advice = /run `([^`]+)` after this commit, then\s+`([^`]+)`\./.exec(result.stderr);
  assert.ok(split !== null, result.stderr);
  assert.ok(advice !== null, result.stderr);
  return { count: Number(split[1]), undo: advice[1] ?? '', footprint: advice[2] ?? '' };
}

/** Runs a printed command in a POSIX shell in `folder`, as a user pastes it, and returns it. */
function paste(folder: string, command: string) {
  return spawnSync('sh', ['-c', command], {
    cwd: folder,
    env: gitTestEnv(userEnv()),
    encoding: 'utf8',
  });
}

/**
 * Runs the two printed commands in `folder`, the footprint one with `--yes` because no one
 * is there to confirm, and checks the commits they make. Returns what footprint printed.
 */
function followAdvice(folder: string, advice: Advice): string {
  const tree = revParse(folder, 'HEAD^{tree}');
  const start = revParse(folder, 'HEAD~1');

  assert.equal(paste(folder, advice.undo).status, 0);
  const commitRun = paste(folder, `${advice.footprint} --yes --no-llm`);
  assert.equal(commitRun.status, 0, commitRun.stderr);
  assert.equal(revParse(folder, 'HEAD^{tree}'), tree);
  assert.equal(revParse(folder, `HEAD~${advice.count}`), start);
  return commitRun.stdout + commitRun.stderr;
}

function revParse(folder: string, rev: string): string {
  const result = spawnSync('git', ['rev-parse', rev], { cwd: folder, encoding: 'utf8' });
  return result.stdout.trim();
}

/** Returns `repo` with its files and git commands in the linked worktree `worktree`. */
function inWorktree(repo: TempRepo, worktree: string): TempRepo {
  return {
    ...repo,
    dir: worktree,
    git(args) {
      const result = spawnSync('git', args, { cwd: worktree, env: gitTestEnv(), encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout;
    },
    write(relativePath, content) {
      const file = path.join(worktree, relativePath);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    },
  };
}

test('clone install advises its path', () => {
  const repo = createTempRepo();
  try {
    runFootprint(footprintBin, repo.dir, ['init']);
    commitStartingProject(repo);
    stageTangledChange(repo);

    const advice = commitWithAdvice(repo.dir);
    const output = followAdvice(repo.dir, advice);

    assert.equal(advice.footprint, `node ${footprintBin} commit`);
    assert.match(output, new RegExp(`Undo with \`node ${footprintBin} undo\`\\.`));
  } finally {
    repo.cleanup();
  }
});

test('project install advises npx', () => {
  const repo = createTempRepo();
  try {
    commitStartingProject(repo);
    repo.write('.gitignore', 'node_modules\n');
    repo.git(['add', '.gitignore']);
    repo.git(['commit', '-q', '-m', 'ignore node_modules']);
    runFootprint(installIntoProject(repo.dir), repo.dir, ['init']);
    stageTangledChange(repo);

    const advice = commitWithAdvice(repo.dir);
    const output = followAdvice(repo.dir, advice);

    assert.equal(advice.footprint, 'npx footprint commit');
    assert.match(output, /Undo with `npx footprint undo`\./);
  } finally {
    repo.cleanup();
  }
});

test('linked worktree advises the main install', () => {
  const repo = createTempRepo();
  const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-worktree-')));
  try {
    commitStartingProject(repo);
    repo.write('.gitignore', 'node_modules\n');
    repo.git(['add', '.gitignore']);
    repo.git(['commit', '-q', '-m', 'ignore node_modules']);
    const bin = installIntoProject(repo.dir);
    runFootprint(bin, repo.dir, ['init']);
    const worktree = path.join(outside, 'feature');
    repo.git(['worktree', 'add', '-q', '-b', 'feature', worktree]);
    stageTangledChange(inWorktree(repo, worktree));

    const advice = commitWithAdvice(worktree);
    followAdvice(worktree, advice);

    assert.equal(advice.footprint, `node ${bin} commit`);
  } finally {
    rmSync(outside, { recursive: true, force: true });
    repo.cleanup();
  }
});
