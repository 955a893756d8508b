import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTempRepo, footprintBin, projectRoot, type TempRepo } from '../helpers/repo.js';
import { commitBase, fakePrivateKey, listFossils, rawCommit } from './situation.js';

/**
 * The pre-commit framework (https://pre-commit.com), when installed. CI installs Debian's
 * package; it cannot install footprint as a `language: node` hook, because that runs
 * `npm install` from the network, so these tests run the manifest's hook as a
 * `repo: local` hook with `language: system` and footprint's own bin.
 */
const version = readPreCommitVersion();

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

/** The manifest's one hook as key and raw value; the file is flat YAML with one hook. */
function readManifestHook(): Map<string, string> {
  const text = readFileSync(path.join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8');
  const fields = new Map<string, string>();
  for (const match of text.matchAll(/^(?:- | {2})(\w+): (.+)$/gm)) {
    fields.set(match[1] ?? '', match[2] ?? '');
  }
  return fields;
}

/** A repo: local configuration with the manifest's fields, running this checkout's footprint. */
function localConfig(hook: Map<string, string>): string {
  const stages = knowsNewStageNames() ? hook.get('stages') : '[commit]';
  const entry = (hook.get('entry') ?? '').replace(
    /^footprint\b/,
    `'${process.execPath}' '${footprintBin}'`,
  );
  return [
    'repos:',
    '  - repo: local',
    '    hooks:',
    `      - id: ${hook.get('id')}`,
    `        name: ${hook.get('name')}`,
    `        entry: ${JSON.stringify(entry)}`,
    '        language: system',
    `        pass_filenames: ${hook.get('pass_filenames')}`,
    `        always_run: ${hook.get('always_run')}`,
    `        require_serial: ${hook.get('require_serial')}`,
    `        stages: ${stages}`,
    '',
  ].join('\n');
}

/** Keeps pre-commit's cache and log inside the test repository. */
function preCommitHome(repo: TempRepo): Record<string, string> {
  return { PRE_COMMIT_HOME: path.join(repo.dir, '.git', 'pre-commit-home') };
}

function preCommit(repo: TempRepo, args: string[]) {
  return spawnSync('pre-commit', args, {
    cwd: repo.dir,
    env: { ...process.env, ...preCommitHome(repo) },
    encoding: 'utf8',
  });
}

function stageTax(repo: TempRepo): void {
  commitBase(repo);
  repo.write('src/tax.js', 'export const rate = 0.2;\n');
  repo.git(['add', 'src/tax.js']);
}

test('pre-commit manifest has the hook fields', () => {
  const hook = readManifestHook();

  assert.equal(hook.get('id'), 'footprint');
  assert.equal(hook.get('entry'), 'footprint precommit');
  assert.equal(hook.get('language'), 'node');
  assert.equal(hook.get('pass_filenames'), 'false');
  assert.equal(hook.get('always_run'), 'true');
  assert.equal(hook.get('stages'), '[pre-commit]');
  assert.equal(hook.get('minimum_pre_commit_version'), '3.2.0');
});

test(
  'pre-commit validates the manifest',
  { skip: version === null && 'pre-commit is not installed' },
  () => {
    const repo = createTempRepo();
    try {
      let manifest = readFileSync(path.join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8');
      if (!knowsNewStageNames()) {
        // Older pre-commit checks the same schema with the old stage name.
        manifest = manifest
          .replace('[pre-commit]', '[commit]')
          .replace(/^ *minimum_pre_commit_version:.*\n/m, '');
      }
      repo.write('.pre-commit-hooks.yaml', manifest);

      const result = preCommit(repo, ['validate-manifest', '.pre-commit-hooks.yaml']);

      assert.equal(result.status, 0, result.stdout + result.stderr);
    } finally {
      repo.cleanup();
    }
  },
);

test(
  'pre-commit runs footprint and matches git',
  { skip: version === null && 'pre-commit is not installed' },
  () => {
    const hooked = createTempRepo();
    const plain = createTempRepo();
    try {
      hooked.write('.pre-commit-config.yaml', localConfig(readManifestHook()));
      const install = preCommit(hooked, ['install']);
      assert.equal(install.status, 0, install.stdout + install.stderr);
      for (const repo of [hooked, plain]) stageTax(repo);

      const result = hooked.gitResult(['commit', '-m', 'feat: tax rate'], {
        env: preCommitHome(hooked),
      });
      plain.git(['commit', '-q', '-m', 'feat: tax rate']);

      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout + result.stderr, /^footprint\.+Passed$/m);
      assert.equal(listFossils(hooked.dir).length, 1);
      assert.equal(rawCommit(hooked), rawCommit(plain));
    } finally {
      hooked.cleanup();
      plain.cleanup();
    }
  },
);

test(
  'pre-commit shows a blocked commit',
  { skip: version === null && 'pre-commit is not installed' },
  () => {
    const repo = createTempRepo();
    try {
      repo.write('.pre-commit-config.yaml', localConfig(readManifestHook()));
      assert.equal(preCommit(repo, ['install']).status, 0);
      commitBase(repo);
      repo.write('deploy/key.pem', fakePrivateKey());
      repo.git(['add', 'deploy/key.pem']);

      const result = repo.gitResult(['commit', '-m', 'chore: add key'], {
        env: { LC_ALL: 'C.UTF-8', ...preCommitHome(repo) },
      });
      const output = result.stdout + result.stderr;

      assert.equal(result.status, 1, output);
      assert.match(output, /^footprint\.+Failed$/m);
      assert.match(output, /deploy\/key\.pem:2 {2}private-key/);
      assert.equal(repo.git(['rev-list', '--count', 'HEAD']).trim(), '1');
    } finally {
      repo.cleanup();
    }
  },
);
