import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  createTempRepo,
  footprintBin,
  gitTestEnv,
  projectRoot,
  type TempRepo,
} from '../helpers/repo.js';
import {
  COMMIT_ENV,
  commitBase,
  EDITOR_TAKING_THE_SUGGESTION,
  fakePrivateKey,
  listFossils,
  messageOf,
  rawCommit,
} from './situation.js';
import { fakeAwsAccessKeyId } from '../risk/secret-parts.js';

/**
 * lefthook from the project's devDependencies: the `lefthook` package, whose `bin` script runs
 * the binary of the platform package npm installed as its optional dependency
 * (`lefthook-linux-x64` and so on). Its postinstall script would run `lefthook install` in
 * this repository, so package.json's `allowScripts` denies it. npm versions that do not read
 * `allowScripts` still run it unless CI is set.
 */
interface Lefthook {
  /** Folder of the `lefthook` package. */
  packageDir: string;
  /** Folder of the platform package with the binary. */
  platformDir: string;
  /** Name of the platform package. */
  platformName: string;
  version: string;
  /** The package's `bin` script. */
  bin: string;
}

const lefthook = findLefthook();

function findLefthook(): Lefthook | string {
  const fromProject = createRequire(path.join(projectRoot, 'package.json'));
  const manifestPath = fromProject.resolve('lefthook/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    version: string;
    bin: Record<string, string>;
  };
  const packageDir = path.dirname(manifestPath);
  const bin = manifest.bin.lefthook;
  assert.ok(bin, `${manifestPath} declares no lefthook bin`);

  // The same package name lefthook's own bin script resolves.
  const platformName = `lefthook-${process.platform}-${process.arch}`;
  let platformManifest: string;
  try {
    platformManifest = createRequire(manifestPath).resolve(`${platformName}/package.json`);
  } catch {
    return `npm installed no ${platformName} package for this platform`;
  }
  return {
    packageDir,
    platformDir: path.dirname(platformManifest),
    platformName,
    version: manifest.version,
    bin: path.join(packageDir, bin),
  };
}

const skip = typeof lefthook === 'string' && lefthook;

function installed(): Lefthook {
  if (typeof lefthook === 'string') throw new Error(lefthook);
  return lefthook;
}

/** The `lefthook.yml` block of the README's lefthook recipe. */
function readDocumentedConfig(): string {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const block = /```yaml\n(# lefthook\.yml\n[\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'README.md has a ```yaml block that starts with # lefthook.yml');
  return block;
}

/** The `run` line of footprint's command under each hook of the documented configuration. */
function readRunLines(config: string): Map<string, string> {
  const runs = new Map<string, string>();
  let hook = '';
  let inFootprint = false;
  for (const line of config.split('\n')) {
    const top = /^([\w-]+):/.exec(line);
    if (top) hook = top[1] ?? '';
    if (/^ {4}\S/.test(line)) inFootprint = /^ {4}footprint:/.test(line);
    const run = /^ {6}run: (.+)$/.exec(line);
    if (run && inFootprint) runs.set(hook, run[1] ?? '');
  }
  return runs;
}

/** Removes the colour codes lefthook writes even without a terminal. */
function plainText(output: string): string {
  // eslint-disable-next-line no-control-regex
  return output.replace(/\x1b\[[0-9;]*m/g, '');
}

/**
 * Creates a repository set up as a lefthook user's: the README's `lefthook.yml`, lefthook and footprint
 * in `node_modules`, and the git hooks `lefthook install` writes.
 */
function createLefthookRepo(): TempRepo {
  const tool = installed();
  const repo = createTempRepo();
  repo.write('lefthook.yml', readDocumentedConfig());
  mkdirSync(path.join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(tool.packageDir, path.join(repo.dir, 'node_modules', 'lefthook'));
  symlinkSync(tool.platformDir, path.join(repo.dir, 'node_modules', tool.platformName));
  symlinkSync(footprintBin, path.join(repo.dir, 'node_modules', '.bin', 'footprint'));

  const install = spawnSync(process.execPath, [tool.bin, 'install'], {
    cwd: repo.dir,
    env: gitTestEnv(),
    encoding: 'utf8',
  });
  assert.equal(install.status, 0, install.stdout + install.stderr);
  for (const hook of ['pre-commit', 'pre-merge-commit', 'prepare-commit-msg']) {
    assert.ok(existsSync(path.join(repo.dir, '.git', 'hooks', hook)), `lefthook installed ${hook}`);
  }
  return repo;
}

function stageTax(repo: TempRepo): void {
  commitBase(repo);
  repo.write('src/tax.js', 'export const rate = 0.2;\n');
  repo.git(['add', 'src/tax.js']);
}

test('lefthook entry declares each hook', () => {
  const runs = readRunLines(readDocumentedConfig());

  assert.equal(runs.get('pre-commit'), 'node_modules/.bin/footprint precommit');
  assert.equal(runs.get('pre-merge-commit'), 'node_modules/.bin/footprint precommit --merge');
  assert.equal(
    runs.get('prepare-commit-msg'),
    'node_modules/.bin/footprint prepare-commit-msg "{1}" "{2}"',
  );
});

test('lefthook commit -m matches git', { skip }, () => {
  const hooked = createLefthookRepo();
  const plain = createTempRepo();
  try {
    for (const repo of [hooked, plain]) stageTax(repo);

    const result = hooked.gitResult(['commit', '-m', 'feat: tax rate'], { env: COMMIT_ENV });
    plain.git(['commit', '-q', '-m', 'feat: tax rate'], { env: COMMIT_ENV });
    const seen = plainText(result.stderr);

    assert.equal(result.status, 0, seen);
    assert.match(seen, new RegExp(`lefthook {2}v${installed().version} +hook: {2}pre-commit`));
    assert.match(seen, /^footprint · 1 file, \+1 −0 in 1 hunk · balanced$/m);
    assert.match(seen, /^✔ Commit passed: no risk findings\.$/m);
    assert.match(seen, /^✓ footprint \(/m);
    assert.match(seen, /hook: {2}prepare-commit-msg/);
    assert.equal(messageOf(hooked), 'feat: tax rate');
    assert.equal(rawCommit(hooked), rawCommit(plain));
    assert.equal(listFossils(hooked.dir).length, 1);
  } finally {
    hooked.cleanup();
    plain.cleanup();
  }
});

test('lefthook suggests the message', { skip }, () => {
  const hooked = createLefthookRepo();
  const plain = createTempRepo();
  try {
    for (const repo of [hooked, plain]) stageTax(repo);

    const env = { ...COMMIT_ENV, GIT_EDITOR: EDITOR_TAKING_THE_SUGGESTION };
    const result = hooked.gitResult(['commit'], { env });
    const seen = plainText(result.stderr);
    const suggested = /^ {2}b1 {2}(.+)$/m.exec(seen)?.[1];

    assert.equal(result.status, 0, seen);
    assert.equal(suggested, 'feat: add tax');
    assert.equal(messageOf(hooked), suggested);
    plain.git(['commit', '-q', '-m', suggested], { env: COMMIT_ENV });
    assert.equal(rawCommit(hooked), rawCommit(plain));

    // An amend brings its own message, which the hook leaves alone.
    const amend = hooked.gitResult(['commit', '--amend'], { env: COMMIT_ENV });
    plain.git(['commit', '-q', '--amend', '--no-edit'], { env: COMMIT_ENV });

    assert.equal(amend.status, 0, plainText(amend.stderr));
    assert.equal(rawCommit(hooked), rawCommit(plain));
  } finally {
    hooked.cleanup();
    plain.cleanup();
  }
});

test('lefthook stops a blocked commit', { skip }, () => {
  const repo = createLefthookRepo();
  try {
    commitBase(repo);
    const head = repo.git(['rev-parse', 'HEAD']);
    repo.write('deploy/key.pem', fakePrivateKey());
    repo.git(['add', 'deploy/key.pem']);

    const result = repo.gitResult(['commit', '-m', 'chore: add key'], { env: COMMIT_ENV });
    const seen = plainText(result.stderr);

    assert.equal(result.status, 1, seen);
    assert.match(seen, /deploy\/key\.pem:2 {2}private-key/);
    assert.match(seen, /^✖ Commit blocked by 1 finding \(private-key\)\.$/m);
    assert.match(seen, /^✗ footprint \(/m);
    assert.equal(repo.git(['rev-parse', 'HEAD']), head);
    assert.equal(repo.git(['diff', '--cached', '--name-only']), 'deploy/key.pem\n');
  } finally {
    repo.cleanup();
  }
});

test('lefthook blocks a clean merge with a key', { skip }, () => {
  const repo = createLefthookRepo();
  try {
    commitBase(repo);
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.write('src/keys.js', `export const keyId = "${fakeAwsAccessKeyId()}";\n`);
    repo.git(['add', 'src/keys.js']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'feat: key']);
    repo.git(['checkout', '-q', 'main']);
    repo.write('README.md', '# Shop\n\nA cart library for small shops.\n');
    repo.git(['commit', '-q', '--no-verify', '-am', 'docs: describe the shop']);
    const before = repo.git(['rev-parse', 'HEAD']);

    const result = repo.gitResult(['merge', '--no-ff', '-m', 'Merge feature', 'feature'], {
      env: COMMIT_ENV,
    });
    const seen = plainText(result.stderr);

    assert.equal(result.status, 1, seen);
    assert.match(seen, /hook: {2}pre-merge-commit/);
    assert.match(seen, /✖ Commit blocked by 1 finding \(provider-token\)/);
    assert.equal(repo.git(['rev-parse', 'HEAD']), before);
  } finally {
    repo.cleanup();
  }
});
