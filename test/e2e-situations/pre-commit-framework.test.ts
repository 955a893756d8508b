import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import {
  createTempRepo,
  footprintBin,
  gitTestEnv,
  projectRoot,
  type TempRepo,
} from '../helpers/repo.js';
import { commitBase, fakePrivateKey, listFossils, rawCommit } from './situation.js';

/**
 * The pre-commit framework (https://pre-commit.com), when installed; CI installs Debian's
 * package. The tests add footprint's `.pre-commit-hooks.yaml` as users do: a
 * `.pre-commit-config.yaml` from the README that names a git repository and a tag, here a
 * file:// repository in a temp folder that contains this checkout's manifest.
 */
const version = readPreCommitVersion();
const skip = version === null && 'pre-commit is not installed';
const RELEASE_TAG = 'v0.1.0';

function readPreCommitVersion(): number[] | null {
  const result = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(result.stdout ?? '');
  return result.status === 0 && match ? match.slice(1).map(Number) : null;
}

/** pre-commit before 3.2.0 calls the pre-commit stage `commit`. */
function knowsNewStageNames(): boolean {
  const [major = 0, minor = 0] = version ?? [];
  return major > 3 || (major === 3 && minor >= 2);
}

function readManifest(): string {
  return readFileSync(path.join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8');
}

/** Returns the manifest in the form the installed pre-commit accepts, since versions before 3.2.0 call the stage `commit`. */
function manifestForInstalledVersion(): string {
  if (knowsNewStageNames()) return readManifest();
  return readManifest()
    .replace('stages: [pre-commit]', 'stages: [commit]')
    .replace(/^ *minimum_pre_commit_version:.*\n/m, '');
}

/** The manifest's one hook as key and raw value; the file is flat YAML with one hook. */
function readManifestHook(): Map<string, string> {
  const fields = new Map<string, string>();
  for (const match of readManifest().matchAll(/^(?:- | {2})(\w+): (.+)$/gm)) {
    fields.set(match[1] ?? '', match[2] ?? '');
  }
  return fields;
}

/** Returns the README's `.pre-commit-config.yaml` with the repository and tag filled in. */
function documentedConfig(repositoryUrl: string, tag: string): string {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const block = /```yaml\n(# \.pre-commit-config\.yaml\n[\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'README.md has a ```yaml block that starts with # .pre-commit-config.yaml');
  assert.match(block, /<URL of footprint's git repository>/);
  assert.match(block, /<a release tag>/);
  return block
    .replace("<URL of footprint's git repository>", repositoryUrl)
    .replace('<a release tag>', tag);
}

/** Creates a git repository that contains footprint's manifest, tagged as a release. */
function createHookRepository(): TempRepo {
  const source = createTempRepo();
  source.write('.pre-commit-hooks.yaml', manifestForInstalledVersion());
  source.git(['add', '.pre-commit-hooks.yaml']);
  source.git(['commit', '-q', '-m', 'chore: release']);
  source.git(['tag', RELEASE_TAG]);
  return source;
}

/** Keeps pre-commit's cache and log inside the test repository. */
function preCommitHome(repo: TempRepo): Record<string, string> {
  return { PRE_COMMIT_HOME: path.join(repo.dir, '.git', 'pre-commit-home') };
}

/**
 * Creates a project that uses the pre-commit framework: footprint in `node_modules/.bin`, the
 * README's configuration pointing at `source`, and pre-commit's git hook installed.
 */
function createUserRepo(source: TempRepo): TempRepo {
  const repo = createTempRepo();
  mkdirSync(path.join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(footprintBin, path.join(repo.dir, 'node_modules', '.bin', 'footprint'));
  repo.write(
    '.pre-commit-config.yaml',
    documentedConfig(pathToFileURL(source.dir).href, RELEASE_TAG),
  );
  const install = spawnSync('pre-commit', ['install'], {
    cwd: repo.dir,
    env: gitTestEnv(preCommitHome(repo)),
    encoding: 'utf8',
  });
  assert.equal(install.status, 0, install.stdout + install.stderr);
  return repo;
}

function stageTax(repo: TempRepo): void {
  commitBase(repo);
  repo.write('src/tax.js', 'export const rate = 0.2;\n');
  repo.git(['add', 'src/tax.js']);
}

test('pre-commit manifest has the hook fields', () => {
  const hook = readManifestHook();

  assert.equal(hook.get('id'), 'footprint');
  assert.equal(hook.get('entry'), 'node_modules/.bin/footprint precommit');
  assert.equal(hook.get('language'), 'system');
  assert.equal(hook.get('pass_filenames'), 'false');
  assert.equal(hook.get('always_run'), 'true');
  assert.equal(hook.get('require_serial'), 'true');
  assert.equal(hook.get('stages'), '[pre-commit]');
  assert.equal(hook.get('minimum_pre_commit_version'), '3.2.0');
});

test('pre-commit validates the manifest', { skip }, () => {
  const repo = createTempRepo();
  try {
    repo.write('.pre-commit-hooks.yaml', manifestForInstalledVersion());

    const result = spawnSync('pre-commit', ['validate-manifest', '.pre-commit-hooks.yaml'], {
      cwd: repo.dir,
      env: gitTestEnv(preCommitHome(repo)),
      encoding: 'utf8',
    });

    assert.equal(result.status, 0, result.stdout + result.stderr);
  } finally {
    repo.cleanup();
  }
});

test(
  'pre-commit hook from a tag matches git',
  {
    skip,
  },
  () => {
    const source = createHookRepository();
    const hooked = createUserRepo(source);
    const plain = createTempRepo();
    try {
      for (const repo of [hooked, plain]) stageTax(repo);

      const result = hooked.gitResult(['commit', '-m', 'feat: tax rate'], {
        env: { LC_ALL: 'C.UTF-8', ...preCommitHome(hooked) },
      });
      plain.git(['commit', '-q', '-m', 'feat: tax rate']);
      const seen = result.stdout + result.stderr;

      assert.equal(result.status, 0, seen);
      assert.match(seen, /^footprint\.+Passed$/m);
      // `verbose: true` in the README's configuration shows footprint's report on a pass too.
      assert.match(seen, /^footprint · 1 file, \+1 −0 in 1 hunk · balanced$/m);
      assert.match(seen, /^✔ Commit passed: no risk findings\.$/m);
      assert.equal(listFossils(hooked.dir).length, 1);
      assert.equal(rawCommit(hooked), rawCommit(plain));
    } finally {
      source.cleanup();
      hooked.cleanup();
      plain.cleanup();
    }
  },
);

test('pre-commit shows a commit that footprint blocks', { skip }, () => {
  const source = createHookRepository();
  const repo = createUserRepo(source);
  try {
    commitBase(repo);
    repo.write('deploy/key.pem', fakePrivateKey());
    repo.git(['add', 'deploy/key.pem']);

    const result = repo.gitResult(['commit', '-m', 'chore: add key'], {
      env: { LC_ALL: 'C.UTF-8', ...preCommitHome(repo) },
    });
    const seen = result.stdout + result.stderr;

    assert.equal(result.status, 1, seen);
    assert.match(seen, /^footprint\.+Failed$/m);
    assert.match(seen, /deploy\/key\.pem:2 {2}private-key/);
    assert.equal(repo.git(['rev-list', '--count', 'HEAD']).trim(), '1');
    assert.equal(repo.git(['diff', '--cached', '--name-only']), 'deploy/key.pem\n');
  } finally {
    source.cleanup();
    repo.cleanup();
  }
});

test('pre-commit installed over footprint runs both once', { skip }, () => {
  const repo = createTempRepo();
  try {
    const config = [
      'repos:',
      '  - repo: local',
      '    hooks:',
      '      - id: mark',
      '        name: mark',
      "        entry: sh -c 'echo PRE-COMMIT-HOOK-RAN >&2'",
      '        language: system',
      '        verbose: true',
      '',
    ].join('\n');
    repo.write('.pre-commit-config.yaml', config);
    commitBase(repo);
    const env = gitTestEnv();
    const preCommit = (args: string[]) =>
      spawnSync('pre-commit', args, { cwd: repo.dir, env, encoding: 'utf8' });
    // pre-commit first, then footprint (which chains it), then pre-commit again, which keeps
    // footprint's hook as pre-commit.legacy and runs it.
    assert.equal(preCommit(['install']).status, 0);
    assert.equal(repo.footprint(['init']).status, 0);
    assert.equal(preCommit(['install']).status, 0);
    repo.write('notes.txt', 'a note\n');
    repo.git(['add', 'notes.txt']);

    const result = repo.gitResult(['commit', '-m', 'docs: add a note']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.split('PRE-COMMIT-HOOK-RAN').length - 1, 1, result.stderr);
    assert.match(result.stderr, /✔ Commit passed/);
  } finally {
    repo.cleanup();
  }
});
