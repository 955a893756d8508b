import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InstallReport } from '../../src/init/install.js';
import { createTempRepo, projectRoot } from '../helpers/repo.js';
import { installInRepo } from './install-in-repo.js';

const FOOTPRINT_BIN = path.join(projectRoot, 'bin', 'footprint.js');

/** Returns the advice about footprint's hooks in a core.hooksPath folder that git commits. */
function hooksFolderAdvice(report: InstallReport): string[] {
  return report.advice.filter((text) => text.includes('.githooks'));
}

test('untracked hooks folder gets machine path note', async () => {
  const repo = createTempRepo();
  try {
    repo.git(['config', 'core.hooksPath', '.githooks']);

    const report = await installInRepo(repo);

    const hook = readFileSync(path.join(repo.dir, '.githooks', 'pre-commit'), 'utf8');
    assert.ok(hook.includes(`installed_footprint='${FOOTPRINT_BIN}'\n`));
    assert.deepEqual(hooksFolderAdvice(report), [
      `footprint's hooks in .githooks run ${FOOTPRINT_BIN}, a path on this machine only, ` +
        'because the project does not install footprint, and git does not ignore .githooks, ' +
        'so it can be committed. For a teammate without footprint at that path, ' +
        '.githooks/pre-commit stops every commit with "footprint: the footprint command was ' +
        'not found". Before committing .githooks, run `npm install --save-dev footprint-cli` ' +
        "and `npx footprint init` again, so the hooks run the project's footprint.",
    ]);
  } finally {
    repo.cleanup();
  }
});

test('tracked hooks folder gets machine path note', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.githooks/pre-commit', '#!/bin/sh\necho "team hook"\n', 0o755);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'shared hooks']);
    repo.git(['config', 'core.hooksPath', '.githooks']);

    const report = await installInRepo(repo);

    assert.deepEqual(hooksFolderAdvice(report), [
      `footprint's hooks in .githooks run ${FOOTPRINT_BIN}, a path on this machine only, ` +
        'because the project does not install footprint, and git tracks .githooks. For a ' +
        'teammate without footprint at that path, .githooks/pre-commit stops every commit ' +
        'with "footprint: the footprint command was not found". Before committing .githooks, ' +
        'run `npm install --save-dev footprint-cli` and `npx footprint init` again, so the ' +
        "hooks run the project's footprint.",
    ]);
  } finally {
    repo.cleanup();
  }
});

test('hooks folder note repeats on rerun', async () => {
  const repo = createTempRepo();
  try {
    repo.git(['config', 'core.hooksPath', '.githooks']);
    await installInRepo(repo);

    const report = await installInRepo(repo);

    assert.equal(report.changed, false);
    assert.equal(hooksFolderAdvice(report).length, 1);
  } finally {
    repo.cleanup();
  }
});

test('hooks folder with local footprint notes npm install', async () => {
  const repo = createTempRepo();
  try {
    repo.write(
      'package.json',
      '{ "name": "shop", "devDependencies": { "footprint-cli": "0.1.0" } }\n',
    );
    repo.write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.write('.gitignore', 'node_modules\n');
    repo.git(['config', 'core.hooksPath', '.githooks']);

    const report = await installInRepo(repo);

    assert.deepEqual(hooksFolderAdvice(report), [
      "footprint's hooks in .githooks run the project's footprint from node_modules/.bin, with " +
        `${FOOTPRINT_BIN} and this machine's node only as a last resort, and git does not ` +
        'ignore .githooks, so it can be committed. For a teammate who has not installed the ' +
        'dependencies, .githooks/pre-commit stops every commit with "footprint: the footprint ' +
        'command was not found", so teammates run `pnpm install` before they commit.',
    ]);
  } finally {
    repo.cleanup();
  }
});

test('hooks folder with local footprint notes once', async () => {
  const repo = createTempRepo();
  try {
    repo.write(
      'package.json',
      '{ "name": "shop", "devDependencies": { "footprint-cli": "0.1.0" } }\n',
    );
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.githooks']);
    await installInRepo(repo);

    const report = await installInRepo(repo);

    assert.deepEqual(hooksFolderAdvice(report), []);
  } finally {
    repo.cleanup();
  }
});

test('ignored hooks folder gets no note', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.gitignore', '.githooks/\n');
    repo.git(['config', 'core.hooksPath', '.githooks']);

    const report = await installInRepo(repo);

    assert.ok(existsSync(path.join(repo.dir, '.githooks', 'pre-commit')));
    assert.deepEqual(hooksFolderAdvice(report), []);
  } finally {
    repo.cleanup();
  }
});

test('hooks folder outside the worktree gets no note', async () => {
  const repo = createTempRepo();
  const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-outside-hooks-')));
  try {
    repo.git(['config', 'core.hooksPath', outside]);

    const report = await installInRepo(repo);

    assert.ok(existsSync(path.join(outside, 'pre-commit')));
    assert.equal(report.target.kind, 'hooks-path');
    assert.deepEqual(
      report.advice.filter((text) => text.includes('a path on this machine only')),
      [],
    );
  } finally {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  }
});

test('own hook running footprint gets no note', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.githooks/pre-commit', '#!/bin/sh\nnpx footprint precommit\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.githooks']);

    const report = await installInRepo(repo);

    assert.deepEqual(hooksFolderAdvice(report), []);
  } finally {
    repo.cleanup();
  }
});

test('hooks symlinked into worktree get note', async () => {
  const repo = createTempRepo();
  try {
    const hooks = path.join(repo.dir, '.git', 'hooks');
    rmSync(hooks, { recursive: true, force: true });
    mkdirSync(path.join(repo.dir, '.githooks'));
    symlinkSync(path.join('..', '.githooks'), hooks);

    const report = await installInRepo(repo);

    assert.ok(existsSync(path.join(repo.dir, '.githooks', 'pre-commit')));
    assert.equal(hooksFolderAdvice(report).length, 1);
    assert.match(hooksFolderAdvice(report)[0] ?? '', /^footprint's hooks in \.githooks run /);
  } finally {
    repo.cleanup();
  }
});
