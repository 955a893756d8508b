import { test } from 'node:test';
import assert from 'node:assert/strict';
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

function simpleGitHooksAdvice(report: InstallReport): string | undefined {
  return report.advice.find((text) => text.includes('simple-git-hooks'));
}

test('init notes simple-git-hooks in package.json', async () => {
  const repo = createTempRepo();
  try {
    const manifest = { name: 'app', 'simple-git-hooks': { 'pre-commit': 'npx lint-staged' } };
    repo.write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);

    const report = await install(repo);

    const advice = simpleGitHooksAdvice(report) ?? '';
    assert.match(advice, /^This project configures simple-git-hooks \(package\.json\)/);
    assert.match(advice, /deletes the others, so footprint would stop running/);
    assert.match(advice, /Run `footprint init --uninstall`/);
    assert.match(advice, /then run `npx simple-git-hooks`\.$/);
  } finally {
    repo.cleanup();
  }
});

test('init notes a simple-git-hooks config file', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.simple-git-hooks.json', '{ "pre-commit": "npx lint-staged" }\n');

    const report = await install(repo);

    assert.match(
      simpleGitHooksAdvice(report) ?? '',
      /configures simple-git-hooks \(\.simple-git-hooks\.json\)/,
    );
  } finally {
    repo.cleanup();
  }
});

test('init without simple-git-hooks adds no note', async () => {
  const repo = createTempRepo();
  try {
    repo.write('package.json', '{ "name": "app", "devDependencies": {} }\n');

    const report = await install(repo);

    assert.equal(simpleGitHooksAdvice(report), undefined);
  } finally {
    repo.cleanup();
  }
});

test('init into another hooks path skips the note', async () => {
  const repo = createTempRepo();
  try {
    repo.write('package.json', '{ "simple-git-hooks": { "pre-commit": "npm test" } }\n');
    repo.git(['config', 'core.hooksPath', '.githooks']);

    const report = await install(repo);

    assert.equal(report.target.kind, 'hooks-path');
    assert.equal(simpleGitHooksAdvice(report), undefined);
  } finally {
    repo.cleanup();
  }
});
