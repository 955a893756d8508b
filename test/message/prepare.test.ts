import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prepareCommitMessage } from '../../src/message/prepare.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const STATUS = '\n# Please enter the commit message for your changes.\n';

function prepare(repo: TempRepo, source: string, env: Record<string, string> = {}) {
  const messageFile = path.join(repo.dir, '.git', 'COMMIT_EDITMSG');
  return prepareCommitMessage({ cwd: repo.dir, env: gitTestEnv(env), messageFile, source });
}

function readMessage(repo: TempRepo): string {
  return readFileSync(path.join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'utf8');
}

function stageModule(repo: TempRepo): void {
  repo.write('src/tax.js', 'export const rate = 0.2;\n');
  repo.git(['add', 'src/tax.js']);
}

test('prepare fills an empty message', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '');

    assert.equal(outcome.action, 'filled');
    assert.match(readMessage(repo), /^feat\b[^\n]*\n\n# Please enter/);
  } finally {
    repo.cleanup();
  }
});

test('prepare keeps messages the user gave', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);
    for (const source of ['message', 'merge', 'squash', 'commit']) {
      repo.write('.git/COMMIT_EDITMSG', `given\n${STATUS}`);

      const outcome = await prepare(repo, source);

      assert.equal(outcome.action, 'skipped', source);
      assert.equal(readMessage(repo), `given\n${STATUS}`, source);
    }
  } finally {
    repo.cleanup();
  }
});

test('prepare does nothing without an editor', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '', { GIT_EDITOR: ':' });

    assert.equal(outcome.action, 'skipped');
    assert.equal(readMessage(repo), STATUS);
  } finally {
    repo.cleanup();
  }
});

test('prepare with nothing staged leaves the file', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '');

    assert.equal(outcome.action, 'skipped');
    assert.equal(outcome.reason, 'nothing is staged');
    assert.equal(readMessage(repo), STATUS);
  } finally {
    repo.cleanup();
  }
});
