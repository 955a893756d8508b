import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openRepository } from '../../src/git/open.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const PATHS = [
  'package.json',
  '.github/dependabot.yml',
  '.github/missing.yml',
  'missing/renovate.json',
  '.github',
  'link.json',
  'large.json',
];

/** Reads PATHS from HEAD's tree with one reader, at most 64 bytes per file. */
async function readHeadFiles(repo: TempRepo, reader: 'native' | 'cli') {
  const opened = await openRepository({
    cwd: repo.dir,
    env: gitTestEnv({ FOOTPRINT_READER: reader }),
  });
  try {
    const { headTree } = await opened.readStagedChange();
    assert.ok(headTree, 'HEAD has a tree');
    assert.ok(opened.readTreeFiles, `${reader} reader reads tree files`);
    const files = await opened.readTreeFiles(headTree, PATHS, 64);
    return new Map([...files].map(([name, content]) => [name, content.toString('utf8')]));
  } finally {
    await opened.close();
  }
}

for (const reader of ['native', 'cli'] as const) {
  describe(`readTreeFiles with ${reader} reader`, () => {
    let repo: TempRepo;
    let files: Map<string, string>;

    before(async () => {
      repo = createTempRepo();
      repo.write('package.json', '{"name":"head"}\n');
      repo.write('.github/dependabot.yml', 'version: 2\n');
      repo.write('large.json', `${'x'.repeat(100)}\n`);
      symlinkSync('package.json', path.join(repo.dir, 'link.json'));
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'base']);
      // Staged and working tree versions differ from HEAD's, which is the one read.
      repo.write('package.json', '{"name":"staged"}\n');
      repo.git(['add', 'package.json']);
      repo.write('.github/dependabot.yml', 'version: 3\n');
      files = await readHeadFiles(repo, reader);
    });
    after(() => repo.cleanup());

    test('reads the HEAD version', () => {
      assert.equal(files.get('package.json'), '{"name":"head"}\n');
    });

    test('reads a nested file', () => {
      assert.equal(files.get('.github/dependabot.yml'), 'version: 2\n');
    });

    test('leaves out missing paths', () => {
      assert.equal(files.has('.github/missing.yml'), false);
      assert.equal(files.has('missing/renovate.json'), false);
    });

    test('leaves out a folder', () => {
      assert.equal(files.has('.github'), false);
    });

    test('leaves out a symlink', () => {
      assert.equal(files.has('link.json'), false);
    });

    test('leaves out a large file', () => {
      assert.equal(files.has('large.json'), false);
    });

    test('returns only found files', () => {
      assert.equal(files.size, 2);
    });
  });
}
