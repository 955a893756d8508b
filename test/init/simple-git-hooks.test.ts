import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InstallReport } from '../../src/init/install.js';
import { createTempRepo } from '../helpers/repo.js';
import { installInRepo } from './install-in-repo.js';

function simpleGitHooksAdvice(report: InstallReport): string | undefined {
  return report.advice.find((text) => text.includes('simple-git-hooks'));
}

test('init notes simple-git-hooks in package.json', async () => {
  const repo = createTempRepo();
  try {
    const manifest = { name: 'app', 'simple-git-hooks': { 'pre-commit': 'npx lint-staged' } };
    repo.write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);

    const report = await installInRepo(repo);

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

    const report = await installInRepo(repo);

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

    const report = await installInRepo(repo);

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

    const report = await installInRepo(repo);

    assert.equal(report.target.kind, 'hooks-path');
    assert.equal(simpleGitHooksAdvice(report), undefined);
  } finally {
    repo.cleanup();
  }
});
