import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { validateErrorDocument } from '../../src/schemas-runtime/validators.js';
import { captureIo } from '../cli/cli-io.js';
import { reinitRepo } from '../git/fixtures.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

async function run(repo: TempRepo, ...argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

test('validate rejects what commit refuses', async () => {
  const repo = createTempRepo();
  try {
    const quiet = { env: { FOOTPRINT: '0' } };
    repo.write('c.txt', 'base\n');
    repo.write('d.txt', 'one\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'base'], quiet);
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('c.txt', 'side\n');
    repo.git(['commit', '-q', '-am', 'side'], quiet);
    repo.git(['checkout', '-q', '-']);
    repo.write('c.txt', 'main\n');
    repo.git(['commit', '-q', '-am', 'main'], quiet);
    assert.throws(
      () => repo.git(['merge', '-q', 'side'], quiet),
      /git merge -q side failed with 1/,
    );
    repo.write('d.txt', 'two\n');
    repo.git(['add', 'd.txt']);
    // strategy --output writes nothing during a merge, so the plan comes from standard output.
    const written = await run(repo, 'strategy', '--no-llm');
    assert.equal(written.code, 0, written.stderr);
    repo.write('plan.json', written.stdout);

    const result = await run(repo, 'validate', '--strategy', 'plan.json', '--json');
    const document = JSON.parse(result.stdout) as {
      valid: boolean;
      problems: Array<{ code: string; message: string }>;
    };

    assert.equal(result.code, 1, result.stderr);
    assert.equal(document.valid, false);
    const problem = document.problems.find((entry) => entry.code === 'uncommittable');
    assert.ok(problem, JSON.stringify(document.problems));
    assert.match(problem.message, /^A merge is in progress, so footprint commit makes no commits/);
  } finally {
    repo.cleanup();
  }
});

/** Makes a repository with one commit and a staged change, and writes plan.json for it. */
async function plannedRepo(initOptions: string[] = []): Promise<TempRepo> {
  const repo = createTempRepo();
  if (initOptions.length > 0) reinitRepo(repo, initOptions);
  repo.write('a.txt', 'a\n');
  repo.git(['add', 'a.txt']);
  repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
  repo.write('a.txt', 'a\nb\n');
  repo.git(['add', 'a.txt']);
  const written = await run(repo, 'strategy', '--output', 'plan.json', '--no-llm');
  assert.equal(written.code, 0, written.stderr);
  return repo;
}

test('validate rejects sha256 objects', async () => {
  const repo = await plannedRepo(['--object-format=sha256']);
  try {
    const result = await run(repo, 'validate', '--strategy', 'plan.json');

    assert.equal(result.code, 1, result.stdout);
    assert.ok(
      result.stdout.includes(
        'uncommittable  This repository uses sha256 object ids (extensions.objectFormat), ' +
          'and isomorphic-git, which footprint writes commits with, writes SHA-1 objects only. ' +
          'Make the commits with git itself.',
      ),
      result.stdout,
    );
    assert.equal(result.stdout.includes('✔'), false, result.stdout);
  } finally {
    repo.cleanup();
  }
});

test('validate rejects a reftable', async () => {
  const repo = await plannedRepo();
  try {
    mkdirSync(path.join(repo.dir, '.git', 'reftable'));

    const result = await run(repo, 'validate', '--strategy', 'plan.json');

    assert.equal(result.code, 1, result.stdout);
    assert.ok(
      result.stdout.includes('uncommittable  This repository keeps its refs in a reftable'),
      result.stdout,
    );
  } finally {
    repo.cleanup();
  }
});

test('validate rejects a branch lock', async () => {
  const repo = await plannedRepo();
  try {
    const lock = path.join(repo.dir, '.git', 'refs', 'heads', 'main.lock');
    writeFileSync(lock, '');

    const result = await run(repo, 'validate', '--strategy', 'plan.json');

    assert.equal(result.code, 1, result.stdout);
    assert.ok(result.stdout.includes(`uncommittable  ${lock} exists`), result.stdout);
    assert.ok(result.stdout.includes(`remove the lock with \`rm ${lock}\``), result.stdout);
  } finally {
    repo.cleanup();
  }
});

test('validate names two locks', async () => {
  const repo = await plannedRepo();
  try {
    const headLock = path.join(repo.dir, '.git', 'HEAD.lock');
    const branchLock = path.join(repo.dir, '.git', 'refs', 'heads', 'main.lock');
    writeFileSync(headLock, '');
    writeFileSync(branchLock, '');

    const result = await run(repo, 'validate', '--strategy', 'plan.json');

    assert.equal(result.code, 1, result.stdout);
    assert.ok(
      result.stdout.includes(
        `${headLock} and ${branchLock} exist, so another git process is running, or one was ` +
          'killed while it held the locks.',
      ),
      result.stdout,
    );
    assert.ok(
      result.stdout.includes(`remove the locks with \`rm ${headLock} ${branchLock}\``),
      result.stdout,
    );
  } finally {
    repo.cleanup();
  }
});

test('strategy output refuses during a merge', async () => {
  const repo = createTempRepo();
  try {
    const quiet = { env: { FOOTPRINT: '0' } };
    repo.write('c.txt', 'base\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'base'], quiet);
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('side.txt', 'side\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'side'], quiet);
    repo.git(['checkout', '-q', '-']);
    repo.write('main.txt', 'main\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'main'], quiet);
    repo.git(['merge', '-q', '--no-commit', 'side'], quiet);

    const result = await run(repo, 'strategy', '--output', 'plan.json', '--no-llm');

    assert.equal(result.code, 1, result.stderr);
    assert.equal(
      result.stderr,
      '✖ A merge is in progress, and footprint commit does not make merge commits, so there ' +
        'is nothing to split and no strategy was written. Finish it with `git commit` or ' +
        'abort it with `git merge --abort`.\n',
    );
    assert.equal(existsSync(path.join(repo.dir, 'plan.json')), false);

    const json = await run(repo, 'strategy', '--output', 'plan.json', '--no-llm', '--json');
    assert.equal(json.code, 1, json.stderr);
    assert.deepEqual(validateErrorDocument(JSON.parse(json.stdout)), []);
  } finally {
    repo.cleanup();
  }
});

test('strategy output refuses with nothing staged', async () => {
  const repo = createTempRepo();
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
    repo.write('plan.json', '');

    const result = await run(repo, 'strategy', '--output', 'plan.json', '--no-llm');

    assert.equal(result.code, 1, result.stderr);
    assert.equal(
      result.stderr,
      '✖ Nothing is staged, so there is nothing to split and no strategy was written. ' +
        'Stage changes with `git add` first.\n',
    );
    assert.equal(readFileSync(path.join(repo.dir, 'plan.json'), 'utf8'), '');
  } finally {
    repo.cleanup();
  }
});

test('printed strategy notes nothing staged', async () => {
  const repo = createTempRepo();
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });

    const result = await run(repo, 'strategy', '--no-llm');

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /"batches": \[\]/);
    assert.equal(
      result.stderr,
      'ℹ Nothing is staged, so this strategy has no batches. Stage changes with `git add` ' +
        'first, then write it again.\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('validate rejects a missing identity', async () => {
  const repo = await plannedRepo();
  try {
    repo.git(['config', 'user.useConfigOnly', 'true']);
    const env = gitTestEnv();
    for (const name of Object.keys(env)) {
      if (/^GIT_(AUTHOR|COMMITTER)_/.test(name)) delete env[name];
    }
    const { io, stdout } = captureIo({ cwd: repo.dir, env: { ...env, EMAIL: '' } });

    const code = await main(['validate', '--strategy', 'plan.json'], io);

    assert.equal(code, 1, stdout.text);
    assert.match(stdout.text, /uncommittable {2}git cannot tell who the author of the commits is/);
    assert.match(stdout.text, /git config --global user\.email you@example\.com/);
  } finally {
    repo.cleanup();
  }
});

test('validate rejects an unknown gpg.format', async () => {
  const repo = await plannedRepo();
  try {
    repo.git(['config', 'commit.gpgSign', 'true']);
    repo.git(['config', 'gpg.format', 'pgp']);

    const result = await run(repo, 'validate', '--strategy', 'plan.json');

    assert.equal(result.code, 1, result.stdout);
    assert.match(
      result.stdout,
      /uncommittable {2}commit\.gpgSign is true, but gpg\.format is "pgp", which is not openpgp/,
    );
  } finally {
    repo.cleanup();
  }
});

test('validate passes a signed setup', async () => {
  const repo = await plannedRepo();
  try {
    repo.git(['config', 'commit.gpgSign', 'true']);
    repo.git(['config', 'gpg.format', 'ssh']);

    const result = await run(repo, 'validate', '--strategy', 'plan.json');

    assert.equal(result.code, 0, result.stdout);
    assert.equal(result.stdout.includes('uncommittable'), false, result.stdout);
  } finally {
    repo.cleanup();
  }
});
