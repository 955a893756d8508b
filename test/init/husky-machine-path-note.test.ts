import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InstallReport } from '../../src/init/install.js';
import { createTempRepo } from '../helpers/repo.js';
import { installInRepo } from './install-in-repo.js';

function machinePathAdvice(report: InstallReport): string | undefined {
  return report.advice.find((text) => text.includes('a path on this machine only'));
}

test('husky machine path line gets note', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await installInRepo(repo);

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
    repo.write('.husky/pre-merge-commit', 'footprint precommit --merge\n');
    repo.write('.husky/prepare-commit-msg', 'footprint prepare-commit-msg "$@"\n');
    repo.write('.husky/post-commit', 'footprint fossils record-outcome\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await installInRepo(repo);

    const preCommit = readFileSync(path.join(repo.dir, '.husky', 'pre-commit'), 'utf8');
    assert.equal(preCommit, 'npx lint-staged\nfootprint precommit\n');
    assert.equal(machinePathAdvice(report), undefined);
  } finally {
    repo.cleanup();
  }
});
