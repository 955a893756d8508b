import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, test } from 'node:test';

import { encodeGitPath } from '../../src/git/path-bytes.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

// Names in Latin-1, as old repositories contain them. None of these bytes is valid UTF-8.
const RESUME = Buffer.from('r\xe9sum\xe9.txt', 'latin1');
const MENU = Buffer.from('caf\xe9/menu.txt', 'latin1');
const NAIVE = Buffer.from('docs/na\xefve.md', 'latin1');

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

function writeBytePath(created: TempRepo, relative: Buffer, content: string): void {
  const full = Buffer.concat([Buffer.from(`${created.dir}/`), relative]);
  mkdirSync(full.subarray(0, full.lastIndexOf(0x2f)), { recursive: true });
  writeFileSync(full, content);
}

/** Runs git and returns stdout as bytes, so that names come back exactly as git stores them. */
function gitBytes(created: TempRepo, args: string[]): Buffer {
  const result = spawnSync('git', args, { cwd: created.dir, env: gitTestEnv() });
  assert.equal(result.status, 0, result.stderr.toString());
  return result.stdout;
}

/** Returns the hex of every path in a commit's tree, from `git ls-tree -r -z --name-only`. */
function treePaths(created: TempRepo, commit: string): string[] {
  const output = gitBytes(created, ['ls-tree', '-r', '-z', '--name-only', commit]);
  const names: string[] = [];
  let start = 0;
  for (let end = output.indexOf(0); end >= 0; end = output.indexOf(0, start)) {
    names.push(output.subarray(start, end).toString('hex'));
    start = end + 1;
  }
  return names.sort();
}

function startRepository(): TempRepo {
  const created = createTempRepo();
  writeBytePath(created, RESUME, 'cv\n');
  writeBytePath(created, MENU, 'soup\n');
  writeBytePath(created, NAIVE, 'note\n');
  created.write('README.md', 'hello\n');
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);
  return created;
}

test('commit keeps untouched Latin-1 names', async () => {
  repo = startRepository();
  const before = treePaths(repo, 'HEAD');
  repo.write('README.md', 'hello\nchange\n');
  repo.git(['add', 'README.md']);
  const stagedTree = repo.git(['write-tree']).trim();

  const result = repo.footprint(['commit', '--yes', '--color', 'never']);

  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(treePaths(repo, 'HEAD'), before);
  assert.equal(repo.git(['rev-parse', 'HEAD^{tree}']).trim(), stagedTree);
  assert.equal(repo.git(['diff', '--cached', '--name-only']), '');
});

test('commit stores staged Latin-1 names as bytes', async () => {
  repo = startRepository();
  writeBytePath(repo, RESUME, 'cv\nmore\n');
  writeBytePath(repo, MENU, 'soup\nbread\n');
  writeBytePath(repo, Buffer.from('caf\xe9/wine.txt', 'latin1'), 'red\n');
  repo.git(['add', '-A']);
  const stagedTree = repo.git(['write-tree']).trim();
  const expected = treePaths(repo, stagedTree);

  const result = repo.footprint(['commit', '--yes', '--color', 'never']);

  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(treePaths(repo, 'HEAD'), expected);
  assert.equal(repo.git(['rev-parse', 'HEAD^{tree}']).trim(), stagedTree);
  assert.equal(repo.git(['diff', '--cached', '--name-only']), '');
  assert.equal(repo.gitResult(['fsck', '--no-progress']).status, 0);
});

test('strategy records git write-tree id', async () => {
  repo = startRepository();
  writeBytePath(repo, NAIVE, 'note\nmore\n');
  repo.git(['add', '-A']);
  const stagedTree = repo.git(['write-tree']).trim();

  const result = repo.footprint(['strategy', '--json']);

  assert.equal(result.status, 0, result.stderr);
  const strategy = JSON.parse(result.stdout) as { footprint: { stagedTree: string | null } };
  assert.equal(strategy.footprint.stagedTree, stagedTree);
});

test('analyze json keeps path bytes', async () => {
  repo = startRepository();
  writeBytePath(repo, RESUME, 'cv\nmore\n');
  repo.git(['add', '-A']);

  const result = repo.footprint(['analyze', '--json']);

  assert.equal(result.status, 0, result.stderr);
  // A byte that is not UTF-8 is written as an escaped lone surrogate, U+DC00 plus the byte.
  assert.match(result.stdout, /"r\\udce9sum\\udce9\.txt"/);
  assert.doesNotMatch(result.stdout, /\ufffd|\\ufffd/);
  const analysis = JSON.parse(result.stdout) as { footprint: { files: { path: string }[] } };
  const paths = analysis.footprint.files.map((file) => encodeGitPath(file.path).toString('hex'));
  assert.deepEqual(paths, [RESUME.toString('hex')]);
});
