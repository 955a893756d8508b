import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileGlobs, matchesAnyGlob, matchesGlob } from '../../src/risk/path-glob.js';

describe('matchesGlob', () => {
  const cases: Array<{ glob: string; path: string; matches: boolean }> = [
    { glob: 'test/fixtures/**', path: 'test/fixtures/a/b.pem', matches: true },
    { glob: 'test/fixtures/**', path: 'src/test/fixtures/a.pem', matches: false },
    { glob: '**/fixtures/*.pem', path: 'a/b/fixtures/x.pem', matches: true },
    { glob: '**/fixtures/*.pem', path: 'fixtures/x.pem', matches: true },
    { glob: 'src/*.ts', path: 'src/a/b.ts', matches: false },
    { glob: '*.pem', path: 'deep/folder/key.pem', matches: true },
    { glob: '*.pem', path: 'key.pem.txt', matches: false },
    { glob: 'key?.pem', path: 'key1.pem', matches: true },
    { glob: 'a.b', path: 'axb', matches: false },
    { glob: '/root.txt', path: 'root.txt', matches: true },
    { glob: 'vendor/', path: 'vendor/a.bin', matches: true },
    { glob: 'vendor/', path: 'lib/vendor/x/a.bin', matches: true },
    { glob: 'vendor/', path: 'vendor', matches: false },
    { glob: 'vendor/', path: 'myvendor/a.bin', matches: false },
    { glob: 'lib/vendor/', path: 'lib/vendor/a.bin', matches: true },
    { glob: 'lib/vendor/', path: 'src/lib/vendor/a.bin', matches: false },
    { glob: '/vendor/', path: 'vendor/a.bin', matches: true },
    { glob: '/vendor/', path: 'lib/vendor/a.bin', matches: false },
    { glob: '/a\\*b.txt', path: 'a*b.txt', matches: true },
    { glob: '/a\\*b.txt', path: 'axxb.txt', matches: false },
    { glob: '/keys-\\{a,b\\}.pem', path: 'keys-{a,b}.pem', matches: true },
    { glob: 'what\\?.md', path: 'docs/what?.md', matches: true },
    { glob: 'what\\?.md', path: 'docs/whatx.md', matches: false },
  ];

  for (const { glob, path, matches } of cases) {
    test(`${glob} against ${path}`, () => {
      assert.equal(matchesGlob(path, glob), matches);
    });
  }
});

describe('compileGlobs', () => {
  const globs = [
    '.env',
    '*.env',
    '.env.*',
    'id_rsa',
    'key?.pem',
    '**/.aws/credentials',
    '.docker/config.json',
    'src/*.ts',
    'docs**',
    '/root.txt',
  ];
  const paths = [
    '.env',
    'app/.env',
    'app/prod.env',
    'app/.env.local',
    'app/env',
    'home/.ssh/id_rsa',
    'home/.ssh/id_rsa.pub',
    'certs/key1.pem',
    'certs/key12.pem',
    'a/b/.aws/credentials',
    '.aws/credentials',
    '.docker/config.json',
    'x/.docker/config.json',
    'src/a.ts',
    'src/a/b.ts',
    'docs/guide/intro.md',
    'old/docs-site/page.md',
    'root.txt',
    'a/root.txt',
    'line\nbreak.env',
  ];

  for (const path of paths) {
    test(`list against ${JSON.stringify(path)}`, () => {
      const expected = globs.some((glob) => matchesGlob(path, glob));
      assert.equal(compileGlobs(globs).test(path), expected);
    });
  }

  test('name globs match the base name only', () => {
    const list = compileGlobs(['*.env']);

    assert.equal(list.test('config/prod.env'), true);
    assert.equal(list.test('prod.env/readme.md'), false);
  });

  test('a glob with ** crosses folders', () => {
    assert.equal(compileGlobs(['docs**']).test('docs/a/b.md'), true);
  });

  test('glob with a newline keeps its list', () => {
    assert.equal(matchesAnyGlob('x.txt', ['x.txt', 'y.txt']), true);
    assert.equal(matchesAnyGlob('x.txt', ['x.txt\ny.txt']), false);
    assert.equal(matchesAnyGlob('x.txt\ny.txt', ['x.txt\ny.txt']), true);
  });

  test('an empty list matches nothing', () => {
    assert.equal(compileGlobs([]).test('a'), false);
    assert.equal(compileGlobs([]).test(''), false);
  });
});
