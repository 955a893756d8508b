import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { isUserError } from '../../src/errors.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitInProcess, commitRun, listObjectFiles } from './commit-fixtures.js';

const IDENTITY_VARIABLES = [
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_COMMITTER_DATE',
];

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

function stagedRepo(): TempRepo {
  const created = createTempRepo();
  repo = created;
  created.write('a.txt', 'base\n');
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);
  created.write('a.txt', 'changed\n');
  created.git(['add', '-A']);
  return created;
}

const lastCommit = (created: TempRepo, format: string): string =>
  created.git(['log', '-1', `--format=${format}`]).trim();

test('identity from repository config', async () => {
  const created = stagedRepo();
  created.git(['config', 'user.name', 'Config Person']);
  created.git(['config', 'user.email', 'config@example.com']);

  await commitRun(created, { unsetEnv: IDENTITY_VARIABLES });

  assert.equal(lastCommit(created, '%an <%ae>'), 'Config Person <config@example.com>');
  assert.equal(lastCommit(created, '%cn <%ce>'), 'Config Person <config@example.com>');
});

test('identity from global config file', async () => {
  const created = stagedRepo();
  const global = path.join(created.dir, '.git', 'global-config');
  created.git(['config', '--file', global, 'user.name', 'Global Person']);
  created.git(['config', '--file', global, 'user.email', 'global@example.com']);

  await commitRun(created, { unsetEnv: IDENTITY_VARIABLES, env: { GIT_CONFIG_GLOBAL: global } });

  assert.equal(lastCommit(created, '%an <%ae>'), 'Global Person <global@example.com>');
});

test('author and committer variables win', async () => {
  const created = stagedRepo();
  created.git(['config', 'user.name', 'Config Person']);
  created.git(['config', 'user.email', 'config@example.com']);

  await commitRun(created, {
    env: {
      GIT_AUTHOR_NAME: 'Env Author',
      GIT_AUTHOR_EMAIL: 'env-author@example.com',
      GIT_AUTHOR_DATE: 'Thu, 01 Jan 2026 12:00:00 +0100',
      GIT_COMMITTER_DATE: '@1767268800 -0230',
    },
  });

  assert.equal(lastCommit(created, '%an <%ae>'), 'Env Author <env-author@example.com>');
  assert.equal(lastCommit(created, '%ad'), 'Thu Jan 1 12:00:00 2026 +0100');
  assert.equal(lastCommit(created, '%cn <%ce>'), 'Test Committer <committer@example.com>');
  assert.equal(lastCommit(created, '%ct %cI'), '1767268800 2026-01-01T09:30:00-02:30');
});

test('missing identity refuses', async () => {
  const created = stagedRepo();
  created.git(['config', 'user.useConfigOnly', 'true']);
  const head = created.git(['rev-parse', 'HEAD']).trim();
  const objects = listObjectFiles(created);

  await assert.rejects(
    commitInProcess(created, { unsetEnv: IDENTITY_VARIABLES }),
    (error: unknown) => {
      assert.ok(isUserError(error));
      assert.equal(error.exitCode, 1);
      assert.match(error.message, /cannot tell who the (author|committer)/);
      assert.match(error.message, /git config --global user\.email/);
      return true;
    },
  );
  assert.equal(created.git(['rev-parse', 'HEAD']).trim(), head);
  assert.deepEqual(listObjectFiles(created), objects);
});

test('invalid author date names the variable', async () => {
  const created = stagedRepo();
  const head = created.git(['rev-parse', 'HEAD']).trim();

  await assert.rejects(
    commitInProcess(created, { env: { GIT_AUTHOR_DATE: 'yesterday' } }),
    (error: unknown) => {
      assert.ok(isUserError(error));
      assert.equal(error.exitCode, 1);
      assert.match(error.message, /GIT_AUTHOR_DATE is "yesterday", which git cannot read/);
      assert.match(error.message, /Unset GIT_AUTHOR_DATE or set it to a date such as/);
      assert.doesNotMatch(error.message, /user\.name/);
      return true;
    },
  );
  assert.equal(created.git(['rev-parse', 'HEAD']).trim(), head);
});

test('invalid committer date names the variable', async () => {
  const created = stagedRepo();

  await assert.rejects(
    commitInProcess(created, { env: { GIT_COMMITTER_DATE: 'not a date' } }),
    (error: unknown) => {
      assert.ok(isUserError(error));
      assert.match(error.message, /GIT_COMMITTER_DATE is "not a date", which git cannot read/);
      assert.doesNotMatch(error.message, /GIT_AUTHOR_DATE/);
      return true;
    },
  );
});
