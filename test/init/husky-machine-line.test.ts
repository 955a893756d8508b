import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installHooks, type InstallReport } from '../../src/init/install.js';
import { uninstallHooks } from '../../src/init/uninstall.js';
import {
  createTempRepo,
  footprintBin,
  gitTestEnv,
  projectRoot,
  type TempRepo,
} from '../helpers/repo.js';

/** Sets up husky 9 as `npx husky` does: core.hooksPath `.husky/_` runs `.husky/pre-commit`. */
function activateHusky(repo: TempRepo, preCommit: string): void {
  repo.write('.husky/pre-commit', preCommit);
  repo.write('.husky/_/pre-commit', '#!/bin/sh\nsh -e .husky/pre-commit "$@"\n', 0o755);
  repo.git(['config', 'core.hooksPath', '.husky/_']);
}

function install(repo: TempRepo, bin = footprintBin): Promise<InstallReport> {
  return installHooks({
    cwd: repo.dir,
    env: gitTestEnv(),
    packageRoot: projectRoot,
    footprintBin: bin,
    node: process.execPath,
  });
}

/** Stages a file and runs `git commit` through the hooks. */
function commit(repo: TempRepo, env: NodeJS.ProcessEnv) {
  repo.write('a.txt', 'a\n');
  repo.git(['add', 'a.txt']);
  return spawnSync('git', ['commit', '-q', '-m', 'a'], {
    cwd: repo.dir,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('husky line names a missing footprint', async () => {
  const repo = createTempRepo();
  const gone = path.join(realpathSync(tmpdir()), 'footprint-gone', 'bin', 'footprint.js');
  try {
    repo.git(['commit', '-q', '--allow-empty', '-m', 'first']);
    activateHusky(repo, 'echo LINT\n');
    await install(repo, gone);

    const blocked = commit(repo, gitTestEnv());
    const skipped = commit(repo, gitTestEnv({ FOOTPRINT: '0' }));

    assert.equal(blocked.status, 1, blocked.stderr);
    assert.ok(blocked.stderr.includes(`footprint: ${gone} was not found`), blocked.stderr);
    assert.match(blocked.stderr, /Fix: npm install --save-dev footprint-cli && npx footprint init/);
    assert.match(blocked.stderr, /Skip once: FOOTPRINT=0 git commit \.\.\./);
    assert.doesNotMatch(blocked.stderr, /Cannot find module/);
    assert.equal(skipped.status, 0, skipped.stderr);
  } finally {
    repo.cleanup();
  }
});

test('husky line runs init node without PATH node', async () => {
  const repo = createTempRepo();
  const tools = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-tools-')));
  try {
    // A GUI client's PATH: git and the shell's tools, no node.
    for (const tool of ['git', 'sh', 'dirname', 'cat', 'sed', 'env', 'basename']) {
      const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
      symlinkSync(found.stdout.trim(), path.join(tools, tool));
    }
    repo.git(['commit', '-q', '--allow-empty', '-m', 'first']);
    activateHusky(repo, 'echo LINT\n');
    await install(repo);

    const result = commit(repo, gitTestEnv({ PATH: tools }));

    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /node: not found/);
    assert.equal(repo.git(['log', '-1', '--format=%s']), 'a\n');
    assert.match(result.stdout + result.stderr, /^footprint ·/m);
  } finally {
    repo.cleanup();
    rmSync(tools, { recursive: true, force: true });
  }
});

test('husky line replaces an earlier machine line', async () => {
  const repo = createTempRepo();
  try {
    const old = `[ "\${FOOTPRINT:-}" = 0 ] && [ ! -f '/old/footprint.js' ] || node '/old/footprint.js' precommit`;
    activateHusky(repo, `npx lint-staged\n${old}\n`);

    const report = await install(repo);

    const file = path.join(repo.dir, '.husky', 'pre-commit');
    const lines = readFileSync(file, 'utf8').split('\n');
    const step = report.steps.find((entry) => entry.file === file);
    assert.equal(lines.length, 3);
    assert.ok(lines[1]?.startsWith(`if [ -f '${footprintBin}' ]; then`), lines[1]);
    assert.equal(step?.action, 'updated');
    assert.match(step?.detail ?? '', /^footprint's earlier line replaced by/);
  } finally {
    repo.cleanup();
  }
});

test('husky line keeps CRLF line endings', async () => {
  const repo = createTempRepo();
  try {
    const original = 'echo one\r\nnpx lint-staged\r\n';
    activateHusky(repo, original);
    mkdirSync(path.join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(footprintBin, path.join(repo.dir, 'node_modules', '.bin', 'footprint'));

    await install(repo);
    const installed = readFileSync(path.join(repo.dir, '.husky', 'pre-commit'), 'utf8');
    await uninstallHooks({ cwd: repo.dir, env: gitTestEnv(), packageRoot: projectRoot });
    const restored = readFileSync(path.join(repo.dir, '.husky', 'pre-commit'), 'utf8');

    assert.equal(installed, `${original}footprint precommit\r\n`);
    assert.equal(restored, original);
  } finally {
    repo.cleanup();
  }
});

test('husky line keeps CRLF without final newline', async () => {
  const repo = createTempRepo();
  try {
    activateHusky(repo, 'echo one\r\nnpx lint-staged');
    mkdirSync(path.join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(footprintBin, path.join(repo.dir, 'node_modules', '.bin', 'footprint'));

    await install(repo);

    const installed = readFileSync(path.join(repo.dir, '.husky', 'pre-commit'), 'utf8');
    assert.equal(installed, 'echo one\r\nnpx lint-staged\r\nfootprint precommit');
  } finally {
    repo.cleanup();
  }
});
