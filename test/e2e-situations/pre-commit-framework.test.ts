import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
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

/** pre-commit before 3.2.0 calls the pre-commit stage `commit` and rejects `pre-commit`. */
function knowsNewStageNames(): boolean {
  const [major = 0, minor = 0] = version ?? [];
  return major > 3 || (major === 3 && minor >= 2);
}

function readManifest(): string {
  return readFileSync(path.join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8');
}

/** The manifest's one hook as key and raw value; the file is flat YAML with one hook. */
function readManifestHook(): Map<string, string> {
  const fields = new Map<string, string>();
  for (const match of readManifest().matchAll(/^(?:- | {2})(\w+): (.+)$/gm)) {
    fields.set(match[1] ?? '', match[2] ?? '');
  }
  return fields;
}

/** Returns the README's `.pre-commit-config.yaml` blocks, the repository form first. */
function readDocumentedConfigs(): string[] {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n(# \.pre-commit-config\.yaml\n[\s\S]*?)```/g)];
  return blocks.map((block) => block[1] ?? '');
}

/** Returns the README's repository form of the configuration, repository and tag filled in. */
function documentedConfig(repositoryUrl: string, tag: string): string {
  const block = readDocumentedConfigs()[0];
  assert.ok(block, 'README.md has a ```yaml block that starts with # .pre-commit-config.yaml');
  assert.match(block, /<URL of footprint's git repository>/);
  assert.match(block, /<a release tag>/);
  return block
    .replace("<URL of footprint's git repository>", repositoryUrl)
    .replace('<a release tag>', tag);
}

/**
 * Returns the README's local hook, with the stage name that its comment gives for pre-commit
 * before 3.2.0 when the installed version is older.
 */
function documentedLocalConfig(): string {
  const block = readDocumentedConfigs().find((text) => /- repo: local\n/.test(text));
  assert.ok(block, 'README.md has a .pre-commit-config.yaml block with `repo: local`');
  const stages = /^( +stages: )\[pre-commit\] # before pre-commit 3\.2\.0: (\[commit\])$/m;
  assert.match(block, stages);
  if (knowsNewStageNames()) return block;
  return block.replace(stages, '$1$2');
}

/** Creates a git repository that contains footprint's manifest, tagged as a release. */
function createHookRepository(): TempRepo {
  const source = createTempRepo();
  source.write('.pre-commit-hooks.yaml', readManifest());
  source.git(['add', '.pre-commit-hooks.yaml']);
  source.git(['commit', '-q', '-m', 'chore: release']);
  source.git(['tag', RELEASE_TAG]);
  return source;
}

/** Keeps pre-commit's cache and log inside the test repository. */
function preCommitHome(repo: TempRepo): Record<string, string> {
  return { PRE_COMMIT_HOME: path.join(repo.dir, '.git', 'pre-commit-home') };
}

/** Runs the pre-commit command in a repository, with its cache inside the repository. */
function runPreCommit(repo: TempRepo, args: string[]): SpawnSyncReturns<string> {
  return spawnSync('pre-commit', args, {
    cwd: repo.dir,
    env: gitTestEnv(preCommitHome(repo)),
    encoding: 'utf8',
  });
}

/**
 * Creates a project that uses the pre-commit framework: footprint in `node_modules/.bin`, the
 * given configuration, and pre-commit's pre-commit and commit-msg git hooks installed, as
 * teams that check Conventional Commits messages with pre-commit have them.
 */
function createUserRepo(config: string): TempRepo {
  const repo = createTempRepo();
  mkdirSync(path.join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(footprintBin, path.join(repo.dir, 'node_modules', '.bin', 'footprint'));
  repo.write('.pre-commit-config.yaml', config);
  const args = ['install', '--hook-type', 'pre-commit', '--hook-type', 'commit-msg'];
  const install = runPreCommit(repo, args);
  assert.equal(install.status, 0, install.stdout + install.stderr);
  return repo;
}

/** Creates a project with the README's repository form pointing at a tagged copy of footprint. */
function createUserRepoFromTag(source: TempRepo): TempRepo {
  return createUserRepo(documentedConfig(pathToFileURL(source.dir).href, RELEASE_TAG));
}

/** Counts the lines of footprint's summary header, one per footprint run. */
function countSummaries(output: string): number {
  return output.match(/^footprint · /gm)?.length ?? 0;
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
  // pre-commit 3.0 and 3.1 reject the name `pre-commit`, and 4.x still accepts `commit`.
  assert.equal(hook.get('stages'), '[commit]');
  assert.equal(hook.get('minimum_pre_commit_version'), undefined);
});

test('pre-commit validates the manifest', { skip }, () => {
  const repo = createTempRepo();
  try {
    repo.write('.pre-commit-hooks.yaml', readManifest());

    const result = runPreCommit(repo, ['validate-manifest', '.pre-commit-hooks.yaml']);

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
    const hooked = createUserRepoFromTag(source);
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
      // The commit-msg hook is installed too, and footprint runs at the pre-commit stage only.
      assert.equal(countSummaries(seen), 1, seen);
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
  const repo = createUserRepoFromTag(source);
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

test('pre-commit local recipe runs once', { skip }, () => {
  const repo = createUserRepo(documentedLocalConfig());
  try {
    stageTax(repo);

    const result = repo.gitResult(['commit', '-m', 'feat: tax rate'], {
      env: { LC_ALL: 'C.UTF-8', ...preCommitHome(repo) },
    });
    const seen = result.stdout + result.stderr;

    assert.equal(result.status, 0, seen);
    assert.match(seen, /^footprint\.+Passed$/m);
    assert.equal(countSummaries(seen), 1, seen);
    assert.equal(listFossils(repo.dir).length, 1);
  } finally {
    repo.cleanup();
  }
});

test('pre-commit local recipe skips batch commits', { skip }, () => {
  const repo = createUserRepo(documentedLocalConfig());
  try {
    stageTax(repo);
    repo.write('README.md', '# Shop\n\nA cart library. Run `npm test` to check it.\n');
    repo.git(['add', 'README.md']);
    const env = { LC_ALL: 'C.UTF-8', ...preCommitHome(repo) };
    const plan = repo.footprint(['analyze', '--json'], { env });
    assert.equal(plan.status, 0, plan.stderr);
    const batches = (JSON.parse(plan.stdout) as { batches: unknown[] }).batches;
    assert.equal(batches.length, 2, plan.stdout);

    // `footprint commit` runs git's commit-msg hook for each batch, so pre-commit runs too.
    const result = repo.footprint(['commit', '--yes'], { env });

    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.equal(repo.git(['rev-list', '--count', 'HEAD']).trim(), '3');
    assert.equal(countSummaries(result.stdout + result.stderr), 0, result.stderr);
    assert.equal(listFossils(repo.dir).length, 0);
  } finally {
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

/** Returns the README's local hook without its `stages` line, so it runs at every stage. */
function localConfigWithoutStages(): string {
  return documentedLocalConfig().replace(/^ +stages: .*\n/m, '');
}

function readHook(repo: TempRepo, name: string): string | null {
  const file = path.join(repo.dir, '.git', 'hooks', name);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

test('pre-commit stage guard skips commit-msg', { skip }, () => {
  const repo = createUserRepo(localConfigWithoutStages());
  try {
    stageTax(repo);

    const result = repo.gitResult(['commit', '-m', 'feat: tax rate'], {
      env: { LC_ALL: 'C.UTF-8', ...preCommitHome(repo) },
    });
    const seen = result.stdout + result.stderr;

    assert.equal(result.status, 0, seen);
    assert.equal(countSummaries(seen), 1, seen);
    assert.equal(listFossils(repo.dir).length, 1);
    assert.match(seen, /footprint skipped at pre-commit's commit-msg stage/);
  } finally {
    repo.cleanup();
  }
});

test('init leaves framework footprint hook', { skip }, () => {
  const repo = createUserRepo(documentedLocalConfig());
  try {
    const init = repo.footprint(['init'], { env: preCommitHome(repo) });

    assert.equal(init.status, 0, init.stderr);
    assert.match(init.stdout, /\.pre-commit-config\.yaml runs footprint/);
    assert.match(readHook(repo, 'pre-commit') ?? '', /File generated by pre-commit/);
    assert.equal(readHook(repo, 'pre-commit.footprint-chained'), null);
    assert.match(readHook(repo, 'prepare-commit-msg') ?? '', /# footprint-hook:/);

    stageTax(repo);
    const result = repo.gitResult(['commit', '-m', 'feat: tax rate'], {
      env: { LC_ALL: 'C.UTF-8', ...preCommitHome(repo) },
    });
    const seen = result.stdout + result.stderr;
    assert.equal(result.status, 0, seen);
    assert.equal(countSummaries(seen), 1, seen);
    assert.equal(listFossils(repo.dir).length, 1);

    const uninstall = repo.footprint(['init', '--uninstall']);
    assert.equal(uninstall.status, 0, uninstall.stderr);
    assert.match(uninstall.stdout, /pre-commit still runs footprint/);
    assert.match(uninstall.stdout, /line 5 of \.pre-commit-config\.yaml/);
  } finally {
    repo.cleanup();
  }
});

test('init --force chains framework hook', { skip }, () => {
  const repo = createUserRepo(documentedLocalConfig());
  try {
    const init = repo.footprint(['init', '--force'], { env: preCommitHome(repo) });

    assert.equal(init.status, 0, init.stderr);
    assert.match(readHook(repo, 'pre-commit') ?? '', /# footprint-hook:/);
    assert.match(readHook(repo, 'pre-commit.footprint-chained') ?? '', /generated by pre-commit/);
  } finally {
    repo.cleanup();
  }
});

test('uninstall removes footprint from legacy', { skip }, () => {
  const repo = createUserRepo(
    [
      'repos:',
      '  - repo: local',
      '    hooks:',
      '      - id: mark',
      '        name: mark',
      "        entry: sh -c 'echo PRE-COMMIT-HOOK-RAN >&2'",
      '        language: system',
      '        stages: [commit]',
      '        verbose: true',
      '',
    ].join('\n'),
  );
  try {
    commitBase(repo);
    assert.equal(repo.footprint(['init']).status, 0);
    assert.equal(runPreCommit(repo, ['install']).status, 0);
    assert.match(readHook(repo, 'pre-commit.legacy') ?? '', /# footprint-hook:/);

    const again = repo.footprint(['init']);
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /pre-commit\.legacy/);

    const uninstall = repo.footprint(['init', '--uninstall']);

    assert.equal(uninstall.status, 0, uninstall.stderr);
    assert.match(uninstall.stdout, /pre-commit\.legacy: removed/);
    assert.equal(readHook(repo, 'pre-commit.legacy'), null);
    assert.equal(readHook(repo, 'pre-commit.footprint-chained'), null);
    assert.match(readHook(repo, 'pre-commit') ?? '', /File generated by pre-commit/);
    repo.write('notes.txt', 'a note\n');
    repo.git(['add', 'notes.txt']);
    const result = repo.gitResult(['commit', '-m', 'docs: add a note'], {
      env: { LC_ALL: 'C.UTF-8', ...preCommitHome(repo) },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.split('PRE-COMMIT-HOOK-RAN').length - 1, 1, result.stderr);
    assert.equal(countSummaries(result.stdout + result.stderr), 0, result.stderr);
  } finally {
    repo.cleanup();
  }
});
