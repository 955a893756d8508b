import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  commitStartingProject,
  fakePrivateKey,
  listFossils,
  stageTangledChange,
} from './project.js';

/** A repository with the hook installed by `footprint init` and a first commit. */
function createHookedRepo(): TempRepo {
  const repo = createTempRepo();
  const init = repo.footprint(['init']);
  assert.equal(init.status, 0, init.stderr);
  commitStartingProject(repo);
  return repo;
}

/** Runs `git commit` with a UTF-8 locale, so footprint prints its Unicode symbols. */
function commit(repo: TempRepo, args: string[], env: Record<string, string> = {}) {
  return repo.gitResult(['commit', ...args], { env: { LC_ALL: 'C.UTF-8', ...env } });
}

function head(repo: TempRepo): string {
  return repo.git(['rev-parse', 'HEAD']).trim();
}

test('hook prints the split of a tangled change and commits', () => {
  const repo = createHookedRepo();
  try {
    stageTangledChange(repo);
    const before = head(repo);

    const result = commit(repo, ['-m', 'add discounts, docs and a bump']);

    assert.equal(result.status, 0, result.stderr);
    assert.notEqual(head(repo), before);
    assert.match(result.stderr, /^footprint · 5 files, \+\d+ −\d+ in \d+ hunks · balanced$/m);
    assert.match(result.stderr, /Suggested split into \d+ commits:/);
    assert.match(result.stderr, /src\/discount\.js/);
    assert.match(result.stderr, /package-lock\.json/);
    assert.match(result.stderr, /✔ Commit passed/);
    assert.match(result.stderr, /run `git reset --soft [0-9a-f]{12}` after this commit, then/);
    assert.match(result.stderr, /^Fossil fossils\/\S+\.json · \d+ ms$/m);
    assert.equal(listFossils(repo).length, 1);
  } finally {
    repo.cleanup();
  }
});

test('hook blocks a private key with its path and line', () => {
  const repo = createHookedRepo();
  try {
    repo.write('deploy/key.pem', fakePrivateKey());
    repo.git(['add', 'deploy/key.pem']);
    const before = head(repo);

    const result = commit(repo, ['-m', 'add the key']);

    assert.equal(result.status, 1, result.stderr);
    assert.equal(head(repo), before);
    assert.match(result.stderr, /deploy\/key\.pem:2 {2}private-key/);
    assert.match(result.stderr, /✖ Commit blocked by 1 finding \(private-key\)/);
    assert.match(result.stderr, /FOOTPRINT_SKIP=private-key git commit/);
    assert.match(result.stderr, /git commit --no-verify/);
    assert.doesNotMatch(result.stderr, /MIIBOgIBAAJBAKj34/);
    assert.equal(listFossils(repo).length, 1);
  } finally {
    repo.cleanup();
  }
});

test('hook blocks a private key staged by commit -a', () => {
  const repo = createHookedRepo();
  try {
    repo.write('README.md', `# Shop\n${fakePrivateKey()}`);

    const result = commit(repo, ['-a', '-m', 'edit readme']);

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /README\.md:3 {2}private-key/);
  } finally {
    repo.cleanup();
  }
});

test('hook skips with FOOTPRINT=0', () => {
  const repo = createHookedRepo();
  try {
    repo.write('deploy/key.pem', fakePrivateKey());
    repo.git(['add', 'deploy/key.pem']);

    const result = commit(repo, ['-m', 'add the key'], { FOOTPRINT: '0' });

    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /footprint/);
    assert.equal(listFossils(repo).length, 0);
  } finally {
    repo.cleanup();
  }
});

test('hook lets the commit through after an internal error', () => {
  const repo = createHookedRepo();
  let reportPath: string | undefined;
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const before = head(repo);

    const result = commit(repo, ['-m', 'add a'], { FOOTPRINT_TEST_CRASH: '1' });
    reportPath = /Crash report: (\S+)/.exec(result.stderr)?.[1];

    assert.equal(result.status, 0, result.stderr);
    assert.notEqual(head(repo), before);
    assert.match(result.stderr, /⚠ footprint failed with an internal error\./);
    assert.match(result.stderr, /The commit goes ahead without checks/);
    assert.ok(reportPath !== undefined, result.stderr);
    assert.ok(existsSync(reportPath), reportPath);
    assert.match(
      readFileSync(reportPath, 'utf8'),
      /Simulated crash, because FOOTPRINT_TEST_CRASH=1/,
    );
  } finally {
    if (reportPath !== undefined) rmSync(reportPath, { force: true });
    repo.cleanup();
  }
});

test('hook blocks after an internal error when failClosed', () => {
  const repo = createHookedRepo();
  let reportPath: string | undefined;
  try {
    repo.write('footprint.config.json', JSON.stringify({ failClosed: true }));
    repo.git(['add', 'footprint.config.json']);
    const before = head(repo);

    const result = commit(repo, ['-m', 'fail closed'], { FOOTPRINT_TEST_CRASH: '1' });
    reportPath = /Crash report: (\S+)/.exec(result.stderr)?.[1];

    assert.equal(result.status, 1, result.stderr);
    assert.equal(head(repo), before);
    assert.match(result.stderr, /✖ footprint failed with an internal error\./);
    assert.match(result.stderr, /blocked because "failClosed" is true/);
  } finally {
    if (reportPath !== undefined) rmSync(reportPath, { force: true });
    repo.cleanup();
  }
});

test('hook checks the first commit of a repository', () => {
  const repo = createTempRepo();
  try {
    assert.equal(repo.footprint(['init']).status, 0);
    repo.write('src/index.js', 'export const answer = 42;\n');
    repo.git(['add', '-A']);

    const result = commit(repo, ['-m', 'first']);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /✔ Commit passed/);
  } finally {
    repo.cleanup();
  }
});

test('hook blocks on an invalid configuration', () => {
  const repo = createHookedRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ mode: 'reckless' }));
    repo.git(['add', 'footprint.config.json']);

    const result = commit(repo, ['-m', 'break the config']);

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /reckless/);
    assert.match(result.stderr, /Skip footprint once with FOOTPRINT=0 git commit/);
  } finally {
    repo.cleanup();
  }
});
