import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { installInRepo } from './install-in-repo.js';

/**
 * Writes the committed files of a husky project that installs footprint, as a fresh clone has
 * them: no node_modules and core.hooksPath unset.
 */
function writeHuskyProject(repo: TempRepo, scripts: Record<string, string>): void {
  const manifest = {
    name: 'shop',
    version: '1.0.0',
    scripts,
    devDependencies: { 'footprint-cli': '^0.1.0', husky: '^9.1.7', 'lint-staged': '^16.4.0' },
  };
  repo.write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  repo.write('.husky/pre-commit', 'npx lint-staged\nfootprint precommit\n');
}

test('fresh husky clone advises npm install', async () => {
  const repo = createTempRepo();
  try {
    writeHuskyProject(repo, { prepare: 'husky' });
    repo.write('package-lock.json', '{}\n');

    const report = await installInRepo(repo);

    assert.deepEqual(report.notes, [
      'git does not run .husky hooks yet because core.hooksPath is unset, and node_modules has ' +
        'no footprint for them to run. Run `npm install`: it installs footprint, and the ' +
        '`prepare` script (`husky`) then activates the hooks.',
    ]);
    assert.equal(
      readFileSync(path.join(repo.dir, '.husky', 'pre-commit'), 'utf8'),
      'npx lint-staged\nfootprint precommit\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('fresh husky clone names the lockfile manager', async () => {
  const repo = createTempRepo();
  try {
    writeHuskyProject(repo, { prepare: 'husky' });
    repo.write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");

    const report = await installInRepo(repo);

    assert.deepEqual(report.notes, [
      'git does not run .husky hooks yet because core.hooksPath is unset, and node_modules has ' +
        'no footprint for them to run. Run `pnpm install`: it installs footprint, and the ' +
        '`prepare` script (`husky`) then activates the hooks.',
    ]);
  } finally {
    repo.cleanup();
  }
});

test('fresh husky clone runs the project footprint', async () => {
  const repo = createTempRepo();
  try {
    writeHuskyProject(repo, { prepare: 'husky' });
    repo.write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");

    const report = await installInRepo(repo);

    assert.equal(
      readFileSync(path.join(repo.dir, '.husky', 'prepare-commit-msg'), 'utf8'),
      'footprint prepare-commit-msg "$@"\n',
    );
    assert.equal(report.advice.filter((text) => text.includes('does not install')).length, 0);
  } finally {
    repo.cleanup();
  }
});

test('fresh husky clone without prepare script', async () => {
  const repo = createTempRepo();
  try {
    writeHuskyProject(repo, { test: 'node --test' });
    repo.write('yarn.lock', '# yarn lockfile v1\n');

    const report = await installInRepo(repo);

    assert.deepEqual(report.notes, [
      'git does not run .husky hooks yet because core.hooksPath is unset, and node_modules has ' +
        'no footprint for them to run. Run `yarn install`, which installs footprint, then ' +
        '`npx husky` to activate them.',
    ]);
  } finally {
    repo.cleanup();
  }
});

test('husky clone with footprint installed advises npx husky', async () => {
  const repo = createTempRepo();
  try {
    writeHuskyProject(repo, { prepare: 'husky' });
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);

    const report = await installInRepo(repo);

    assert.deepEqual(report.notes, [
      'git does not run .husky hooks yet because core.hooksPath is unset. Run `npx husky` to ' +
        'activate them.',
    ]);
  } finally {
    repo.cleanup();
  }
});

test('missing husky runtime names the lockfile manager', async () => {
  const repo = createTempRepo();
  try {
    writeHuskyProject(repo, { prepare: 'husky' });
    repo.write('bun.lock', '{}\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await installInRepo(repo);

    assert.deepEqual(report.notes, [
      'git runs no hook in this worktree yet: core.hooksPath is .husky/_, which husky writes ' +
        `and git does not track, and ${path.join(repo.dir, '.husky', '_')} has no pre-commit. ` +
        'Run `bun install` here: it installs footprint, and the `prepare` script that ' +
        '`husky init` adds writes .husky/_. Without that script, run `npx husky` after it.',
    ]);
  } finally {
    repo.cleanup();
  }
});
