import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { installHooks } from '../../src/init/install.js';
import { createTempRepo, footprintBin, gitTestEnv, projectRoot } from '../helpers/repo.js';
import { installInRepo } from './install-in-repo.js';

test('init replaces a link to another hook', async () => {
  const other = createTempRepo();
  const repo = createTempRepo();
  try {
    // The other repository's hook names another footprint, so this init would rewrite it.
    await installHooks({
      cwd: other.dir,
      env: gitTestEnv(),
      packageRoot: projectRoot,
      footprintBin: '/opt/other/bin/footprint.js',
      node: process.execPath,
    });
    const otherHook = path.join(other.dir, '.git', 'hooks', 'pre-commit');
    const otherText = readFileSync(otherHook, 'utf8');
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    symlinkSync(otherHook, hook);

    const report = await installInRepo(repo);

    const step = report.steps.find((entry) => entry.file === hook);
    assert.equal(readFileSync(otherHook, 'utf8'), otherText);
    assert.equal(lstatSync(hook).isSymbolicLink(), false);
    assert.ok(readFileSync(hook, 'utf8').includes(`installed_footprint='${footprintBin}'`));
    assert.equal(step?.action, 'updated');
    assert.ok(step?.detail.startsWith(`the link to ${otherHook}, a footprint hook`), step?.detail);
  } finally {
    other.cleanup();
    repo.cleanup();
  }
});

test('init rewrites a link inside the folder', async () => {
  const repo = createTempRepo();
  try {
    await installHooks({
      cwd: repo.dir,
      env: gitTestEnv(),
      packageRoot: projectRoot,
      footprintBin: '/opt/other/bin/footprint.js',
      node: process.execPath,
    });
    const hooks = path.join(repo.dir, '.git', 'hooks');
    const hook = path.join(hooks, 'pre-commit');
    const target = path.join(hooks, 'team', 'pre-commit');
    mkdirSync(path.dirname(target));
    renameSync(hook, target);
    symlinkSync(path.join('team', 'pre-commit'), hook);

    await installInRepo(repo);

    assert.equal(lstatSync(hook).isSymbolicLink(), true);
    assert.ok(readFileSync(target, 'utf8').includes(`installed_footprint='${footprintBin}'`));
  } finally {
    repo.cleanup();
  }
});
