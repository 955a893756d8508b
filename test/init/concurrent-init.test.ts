import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { installHooks } from '../../src/init/install.js';
import { HOOKS_LOCK_NAME, withHooksLock } from '../../src/init/hooks-lock.js';
import { uninstallHooks } from '../../src/init/uninstall.js';
import { createTempRepo, footprintBin, gitTestEnv, projectRoot } from '../helpers/repo.js';
import { installInRepo } from './install-in-repo.js';

interface Run {
  status: number | null;
  output: string;
  timedOut: boolean;
}

/**
 * Runs a command in its own process group and kills the whole group after `timeoutMs`, so a
 * hook that starts itself again and again cannot outlive the test.
 */
function runGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    }, options.timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output, timedOut });
    });
  });
}

const USER_HOOK = (id: number) => `#!/bin/sh\necho "USER-HOOK ${id}"\n`;
const REPOSITORIES = 10;
const PARALLEL_INITS = 4;

test('concurrent inits keep the user hook', { timeout: 240_000 }, async () => {
  for (let id = 0; id < REPOSITORIES; id++) {
    const repo = createTempRepo();
    try {
      repo.write('.git/hooks/pre-commit', USER_HOOK(id), 0o755);
      const env = gitTestEnv();
      const runs = await Promise.all(
        Array.from({ length: PARALLEL_INITS }, () =>
          runGroup(process.execPath, [footprintBin, 'init'], {
            cwd: repo.dir,
            env,
            timeoutMs: 60_000,
          }),
        ),
      );
      const hooks = path.join(repo.dir, '.git', 'hooks');
      const chained = path.join(hooks, 'pre-commit.footprint-chained');

      for (const run of runs) assert.equal(run.status, 0, run.output);
      assert.equal(readFileSync(chained, 'utf8'), USER_HOOK(id), `repository ${id}`);
      assert.match(readFileSync(path.join(hooks, 'pre-commit'), 'utf8'), /^# footprint-hook:/m);
      assert.equal(existsSync(path.join(hooks, HOOKS_LOCK_NAME)), false);

      repo.write('a.txt', 'a\n');
      repo.git(['add', 'a.txt']);
      const commit = await runGroup('git', ['commit', '-q', '-m', 'a'], {
        cwd: repo.dir,
        env: { ...env, FOOTPRINT: '0' },
        timeoutMs: 30_000,
      });
      assert.equal(commit.timedOut, false, `git commit hung in repository ${id}`);
      assert.equal(commit.status, 0, commit.output);
      assert.match(commit.output, new RegExp(`USER-HOOK ${id}`));
    } finally {
      repo.cleanup();
    }
  }
});

test('hook skips a chained copy of itself', { timeout: 60_000 }, async () => {
  const repo = createTempRepo();
  try {
    await installInRepo(repo);
    const hooks = path.join(repo.dir, '.git', 'hooks');
    copyFileSync(path.join(hooks, 'pre-commit'), path.join(hooks, 'pre-commit.footprint-chained'));

    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const commit = await runGroup('git', ['commit', '-q', '-m', 'a'], {
      cwd: repo.dir,
      env: { ...gitTestEnv(), FOOTPRINT: '0' },
      timeoutMs: 30_000,
    });

    assert.equal(commit.timedOut, false);
    assert.equal(commit.status, 0, commit.output);
    assert.match(
      commit.output,
      /footprint: skipped \S*pre-commit\.footprint-chained, a copy of footprint's own hook/,
    );
    assert.match(commit.output, /Fix: delete it, or put the hook it replaced there\./);
  } finally {
    repo.cleanup();
  }
});

test('init removes a chained copy of itself', async () => {
  const repo = createTempRepo();
  try {
    await installInRepo(repo);
    const hooks = path.join(repo.dir, '.git', 'hooks');
    const chained = path.join(hooks, 'pre-commit.footprint-chained');
    copyFileSync(path.join(hooks, 'pre-commit'), chained);

    const report = await installInRepo(repo);

    const step = report.steps.find((entry) => entry.file === chained);
    assert.equal(existsSync(chained), false);
    assert.equal(step?.action, 'removed');
    assert.match(step?.detail ?? '', /^a copy of footprint's own hook, not a hook of yours/);
  } finally {
    repo.cleanup();
  }
});

test('init chains a user hook over a copy', async () => {
  const repo = createTempRepo();
  try {
    await installInRepo(repo);
    const hooks = path.join(repo.dir, '.git', 'hooks');
    const chained = path.join(hooks, 'pre-commit.footprint-chained');
    copyFileSync(path.join(hooks, 'pre-commit'), chained);
    repo.write('.git/hooks/pre-commit', USER_HOOK(1), 0o755);

    await installInRepo(repo);

    assert.equal(readFileSync(chained, 'utf8'), USER_HOOK(1));
    assert.match(readFileSync(path.join(hooks, 'pre-commit'), 'utf8'), /^# footprint-hook:/m);
  } finally {
    repo.cleanup();
  }
});

test('uninstall does not restore a copy', async () => {
  const repo = createTempRepo();
  try {
    await installInRepo(repo);
    const hooks = path.join(repo.dir, '.git', 'hooks');
    const chained = path.join(hooks, 'pre-commit.footprint-chained');
    copyFileSync(path.join(hooks, 'pre-commit'), chained);

    const report = await uninstallHooks({
      cwd: repo.dir,
      env: gitTestEnv(),
      packageRoot: projectRoot,
    });

    const actions = report.steps.map((step) => `${path.basename(step.file)} ${step.action}`);
    assert.equal(existsSync(path.join(hooks, 'pre-commit')), false);
    assert.equal(existsSync(chained), false);
    assert.ok(actions.includes('pre-commit removed'), actions.join(', '));
    assert.ok(actions.includes('pre-commit.footprint-chained removed'), actions.join(', '));
    assert.equal(actions.includes('pre-commit restored'), false);
  } finally {
    repo.cleanup();
  }
});

test('init waits for a held lock', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.git/hooks/pre-commit', USER_HOOK(2), 0o755);
    const lock = path.join(repo.dir, '.git', 'hooks', HOOKS_LOCK_NAME);
    writeFileSync(lock, '1\n');
    // Deleting the lock after 300 ms releases it, as a finished init does.
    setTimeout(() => rmSync(lock, { force: true }), 300);

    const report = await installHooks({
      cwd: repo.dir,
      env: gitTestEnv(),
      packageRoot: projectRoot,
      footprintBin,
      node: process.execPath,
    });

    const chained = path.join(repo.dir, '.git', 'hooks', 'pre-commit.footprint-chained');
    assert.equal(readFileSync(chained, 'utf8'), USER_HOOK(2));
    assert.equal(report.changed, true);
    assert.equal(existsSync(lock), false);
  } finally {
    repo.cleanup();
  }
});

test('held lock error names the lock', async () => {
  const repo = createTempRepo();
  try {
    const hooks = path.join(repo.dir, '.git', 'hooks');
    const lock = path.join(hooks, HOOKS_LOCK_NAME);
    writeFileSync(lock, '1\n');

    const message = await withHooksLock(hooks, { create: false, waitMs: 100 }, () =>
      Promise.resolve('ran'),
    ).then(
      () => assert.fail('the action ran while another init held the lock'),
      (error: unknown) => (error as Error).message,
    );

    assert.ok(message.startsWith(`${lock} exists, so another footprint init`), message);
    assert.match(message, new RegExp(`If no init is running, .*delete ${lock}`));
    assert.equal(readFileSync(lock, 'utf8'), '1\n');
  } finally {
    repo.cleanup();
  }
});
