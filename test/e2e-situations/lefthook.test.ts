import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { createTempRepo, footprintBin, projectRoot, type TempRepo } from '../helpers/repo.js';
import {
  COMMIT_ENV,
  commitBase,
  fakePrivateKey,
  listFossils,
  messageOf,
  rawCommit,
} from './situation.js';

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

/**
 * Writes a git hook that runs a lefthook `run` line as lefthook 2 does: `{N}` becomes git's
 * Nth argument, `{0}` all of them joined by spaces, and a placeholder without an argument
 * stays as it is; then `sh -c` runs the line from the worktree root.
 */
function writeLefthookHook(repo: TempRepo, hook: string, run: string): void {
  const script = [
    `#!${process.execPath}`,
    "const { spawnSync } = require('node:child_process');",
    'const args = process.argv.slice(2);',
    `const line = ${JSON.stringify(run)}.replace(/\\{(\\d+)\\}/g, (whole, n) =>`,
    "  n === '0' ? args.join(' ') : (args[Number(n) - 1] ?? whole));",
    "const result = spawnSync('sh', ['-c', line], { stdio: 'inherit' });",
    'process.exit(result.status ?? 1);',
    '',
  ].join('\n');
  repo.write(`.git/hooks/${hook}`, script, 0o755);
}

function createLefthookRepo(): TempRepo {
  const repo = createTempRepo();
  repo.write('node_modules/.bin/.keep', '');
  symlinkSync(footprintBin, path.join(repo.dir, 'node_modules', '.bin', 'footprint'));
  for (const [hook, run] of readRunLines(readDocumentedConfig()))
    writeLefthookHook(repo, hook, run);
  return repo;
}

function stageTax(repo: TempRepo): void {
  commitBase(repo);
  repo.write('src/tax.js', 'export const rate = 0.2;\n');
  repo.git(['add', 'src/tax.js']);
}

test('lefthook entry declares both hooks', () => {
  const runs = readRunLines(readDocumentedConfig());

  assert.equal(runs.get('pre-commit'), 'node_modules/.bin/footprint precommit');
  assert.equal(
    runs.get('prepare-commit-msg'),
    'node_modules/.bin/footprint prepare-commit-msg "{1}" "{2}"',
  );
});

test('lefthook entry passes, fills the message and matches git', () => {
  const hooked = createLefthookRepo();
  const plain = createTempRepo();
  try {
    for (const repo of [hooked, plain]) stageTax(repo);

    const withMessage = hooked.gitResult(['commit', '-m', 'feat: tax rate'], { env: COMMIT_ENV });
    plain.git(['commit', '-q', '-m', 'feat: tax rate'], { env: COMMIT_ENV });

    assert.equal(withMessage.status, 0, withMessage.stderr);
    assert.match(withMessage.stderr, /✔ Commit passed/);
    assert.equal(rawCommit(hooked), rawCommit(plain));

    hooked.write('src/vat.js', 'export const vat = 0.1;\n');
    hooked.git(['add', 'src/vat.js']);
    const withEditor = hooked.gitResult(['commit'], { env: COMMIT_ENV });
    assert.equal(withEditor.status, 0, withEditor.stderr);
    assert.match(messageOf(hooked), /^feat\b/);
    assert.equal(listFossils(hooked.dir).length, 2);
  } finally {
    hooked.cleanup();
    plain.cleanup();
  }
});

test('lefthook entry blocks a private key', () => {
  const repo = createLefthookRepo();
  try {
    commitBase(repo);
    repo.write('deploy/key.pem', fakePrivateKey());
    repo.git(['add', 'deploy/key.pem']);

    const result = repo.gitResult(['commit', '-m', 'chore: add key'], { env: COMMIT_ENV });

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /deploy\/key\.pem:2 {2}private-key/);
  } finally {
    repo.cleanup();
  }
});

const lefthook = spawnSync('lefthook', ['version'], { encoding: 'utf8' });

test(
  'lefthook itself runs the entry',
  { skip: lefthook.status !== 0 && 'lefthook is not on PATH' },
  () => {
    const repo = createTempRepo();
    try {
      repo.write('lefthook.yml', readDocumentedConfig());
      repo.write('node_modules/.bin/.keep', '');
      symlinkSync(footprintBin, path.join(repo.dir, 'node_modules', '.bin', 'footprint'));
      const install = spawnSync('lefthook', ['install'], { cwd: repo.dir, encoding: 'utf8' });
      assert.equal(install.status, 0, install.stdout + install.stderr);
      stageTax(repo);

      const result = repo.gitResult(['commit'], { env: COMMIT_ENV });

      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout + result.stderr, /✔ Commit passed/);
      assert.match(messageOf(repo), /^feat\b/);
    } finally {
      repo.cleanup();
    }
  },
);
