import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTempRepo } from '../helpers/repo.js';
import { installInRepo } from './install-in-repo.js';

/**
 * husky pre-commit files with a command that exits only when it fails, and where footprint's
 * line goes. Such an exit blocks the commit anyway, so footprint's line goes below it.
 */
const CASES = [
  {
    name: 'below lint-staged || exit 1',
    hook: '#!/usr/bin/env sh\nnpx lint-staged || exit 1\nexit 0\n',
    expected: '#!/usr/bin/env sh\nnpx lint-staged || exit 1\nfootprint precommit\nexit 0\n',
    action: 'inserted',
    detail: '`footprint precommit` as line 3, after lint-staged',
  },
  {
    name: 'below lint-staged || exit',
    hook: 'npx lint-staged || exit\nnpm test\n',
    expected: 'npx lint-staged || exit\nfootprint precommit\nnpm test\n',
    action: 'inserted',
    detail: '`footprint precommit` as line 2, after lint-staged',
  },
  {
    name: 'below lint-staged || exit $?',
    hook: 'npx lint-staged || exit $?\n',
    expected: 'npx lint-staged || exit $?\nfootprint precommit\n',
    action: 'appended',
    detail: '`footprint precommit` after lint-staged',
  },
  {
    name: 'below a group exiting 1',
    hook: 'npx lint-staged || { echo "lint failed; fix it" >&2; exit 1; }\nexit 0\n',
    expected:
      'npx lint-staged || { echo "lint failed; fix it" >&2; exit 1; }\n' +
      'footprint precommit\nexit 0\n',
    action: 'inserted',
    detail: '`footprint precommit` as line 2, after lint-staged',
  },
  {
    name: 'below npm test || exit 1',
    hook: 'npm test || exit 1\nexit 0\n',
    expected: 'npm test || exit 1\nfootprint precommit\nexit 0\n',
    action: 'inserted',
    detail: '`footprint precommit` as line 2, before the final exit',
  },
];

for (const { name, hook, expected, action, detail } of CASES) {
  test(`husky line ${name}`, async () => {
    const repo = createTempRepo();
    try {
      repo.write('.husky/pre-commit', hook);
      repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
      repo.git(['config', 'core.hooksPath', '.husky/_']);

      const report = await installInRepo(repo);

      const file = path.join(repo.dir, '.husky', 'pre-commit');
      const step = report.steps.find((entry) => entry.file === file);
      assert.equal(readFileSync(file, 'utf8'), expected);
      assert.equal(step?.action, action);
      assert.equal(step?.detail, detail);
    } finally {
      repo.cleanup();
    }
  });
}

/** Commands that may end the script when they succeed, so footprint's line stays above them. */
const ENDING_CASES = [
  {
    name: 'above lint-staged || exit 0',
    hook: 'npx lint-staged || exit 0\nnpm test\n',
    expected: 'footprint precommit\nnpx lint-staged || exit 0\nnpm test\n',
  },
  {
    name: 'above a group exiting 0',
    hook: 'npx lint-staged || { echo skipped; exit 0; }\nnpm test\n',
    expected: 'footprint precommit\nnpx lint-staged || { echo skipped; exit 0; }\nnpm test\n',
  },
  {
    name: 'above lint-staged && exit 0',
    hook: 'npx lint-staged && exit 0 || exit 1\nnpm test\n',
    expected: 'footprint precommit\nnpx lint-staged && exit 0 || exit 1\nnpm test\n',
  },
];

const ENDING_DETAIL = '`footprint precommit` as line 1, above a command that may end the script';

for (const { name, hook, expected } of ENDING_CASES) {
  test(`husky line ${name}`, async () => {
    const repo = createTempRepo();
    try {
      repo.write('.husky/pre-commit', hook);
      repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
      repo.git(['config', 'core.hooksPath', '.husky/_']);

      const report = await installInRepo(repo);

      const file = path.join(repo.dir, '.husky', 'pre-commit');
      const step = report.steps.find((entry) => entry.file === file);
      assert.equal(readFileSync(file, 'utf8'), expected);
      assert.equal(step?.action, 'inserted');
      assert.equal(step?.detail, ENDING_DETAIL);
    } finally {
      repo.cleanup();
    }
  });
}
