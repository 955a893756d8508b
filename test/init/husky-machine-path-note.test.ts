import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { installHooks, type InstallReport } from '../../src/init/install.js';
import { createTempRepo, gitTestEnv, projectRoot, type TempRepo } from '../helpers/repo.js';

const FOOTPRINT_BIN = path.join(projectRoot, 'bin', 'footprint.js');

function install(repo: TempRepo): Promise<InstallReport> {
  return installHooks({
    cwd: repo.dir,
    env: gitTestEnv(),
    packageRoot: projectRoot,
    footprintBin: FOOTPRINT_BIN,
    node: process.execPath,
  });
}

function machinePathAdvice(report: InstallReport): string | undefined {
  return report.advice.find((text) => text.includes('a path on this machine only'));
}

test('husky machine path line gets note', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);

    assert.match(machinePathAdvice(report) ?? '', /^The husky hooks run .*footprint\.js/);
  } finally {
    repo.cleanup();
  }
});

test('husky clone without node_modules gets no note', async () => {
  const repo = createTempRepo();
  try {
    // A fresh clone of a project that installs footprint. Its committed husky files run the
    // project's footprint, and node_modules is not installed yet.
    repo.write('.husky/pre-commit', 'npx lint-staged\nfootprint precommit\n');
    repo.write('.husky/prepare-commit-msg', 'footprint prepare-commit-msg "$@"\n');
    repo.write('.husky/post-commit', 'footprint fossils record-outcome\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);

    const preCommit = readFileSync(path.join(repo.dir, '.husky', 'pre-commit'), 'utf8');
    assert.equal(preCommit, 'npx lint-staged\nfootprint precommit\n');
    assert.equal(machinePathAdvice(report), undefined);
  } finally {
    repo.cleanup();
  }
});
