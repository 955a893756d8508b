import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matchesGlob } from '../../src/risk/path-glob.js';

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
  ];

  for (const { glob, path, matches } of cases) {
    test(`${glob} against ${path}`, () => {
      assert.equal(matchesGlob(path, glob), matches);
    });
  }
});
