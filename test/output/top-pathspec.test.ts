import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

import { shellPathspec, topPathspec } from '../../src/output/top-pathspec.js';
import { createTempRepo, gitTestEnv } from '../helpers/repo.js';

/** Expected pathspecs by case name: the path and what topPathspec writes for it. */
const FORMS: Array<[string, string, string]> = [
  ['plain path', 'src/app.ts', ':/src/app.ts'],
  ['leading dot', '.env', ':/.env'],
  ['non-ASCII start', 'été/notes.md', ':/été/notes.md'],
  ['space inside', 'my notes.md', ':/my notes.md'],
  ['colon inside', 'a:b.txt', ':/a:b.txt'],
  ['leading exclamation mark', '!todo.txt', ':(top,literal)!todo.txt'],
  ['leading caret', '^todo.txt', ':(top,literal)^todo.txt'],
  ['leading colon', ':todo.txt', ':(top,literal):todo.txt'],
  ['leading underscore', '_config.yml', ':(top,literal)_config.yml'],
  ['leading at sign', '@scope/pkg.json', ':(top,literal)@scope/pkg.json'],
  ['bracket inside', 'src/[id].ts', ':(top,literal)src/[id].ts'],
  ['star inside', 'a*.txt', ':(top,literal)a*.txt'],
  ['question mark inside', 'a?.txt', ':(top,literal)a?.txt'],
  ['backslash inside', 'a\\b.txt', ':(top,literal)a\\b.txt'],
];

for (const [name, file, expected] of FORMS) {
  test(`topPathspec writes ${name}`, () => {
    assert.equal(topPathspec(file), expected);
  });
}

test('shellPathspec leaves plain pathspec bare', () => {
  assert.equal(shellPathspec('deploy/key.pem'), ':/deploy/key.pem');
});

test('shellPathspec quotes the long form', () => {
  assert.equal(shellPathspec("it's [id].env"), `':(top,literal)it'\\''s [id].env'`);
});

/**
 * Paths whose pathspec git could misread: every leading ASCII punctuation character that a
 * file name may start with, and each glob character. Each has a sibling that a glob would match.
 */
const TRICKY_PATHS = [
  ...[...'!"#$%&\'()+,-.:;<=>@^_`{|}~ '].map((character) => `${character}x.txt`),
  'x[y].txt',
  'x*.txt',
  'x?.txt',
  'x\\y.txt',
  'x\ny.txt',
  'dir/sub dir/é.txt',
];

test('each pathspec unstages one path', () => {
  const repo = createTempRepo();
  try {
    for (const file of [...TRICKY_PATHS, 'x.txt', 'xy.txt', 'xx.txt', 'y.txt']) {
      repo.write(file, 'x\n');
    }
    repo.write('src/lib/keep.txt', 'x\n');
    repo.git(['add', '-A']);
    const all = stagedPaths();
    const folder = path.join(repo.dir, 'src', 'lib');

    for (const file of TRICKY_PATHS) {
      const command = `git reset -q -- ${shellPathspec(file)}`;
      const result = spawnSync('sh', ['-c', command], { cwd: folder, env: gitTestEnv() });
      assert.equal(result.status, 0, `${command}: ${String(result.stderr)}`);
      const left = all.filter((staged) => staged !== file);
      assert.deepEqual(stagedPaths(), left, command);
      repo.git(['add', '-A']);
    }
  } finally {
    repo.cleanup();
  }

  function stagedPaths(): string[] {
    return repo.git(['diff', '--cached', '--name-only', '-z']).split('\0').filter(Boolean);
  }
});
