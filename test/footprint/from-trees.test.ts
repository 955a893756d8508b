import assert from 'node:assert/strict';
import { chmodSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { buildFootprint } from '../../src/footprint/build.js';
import { TreeRepository, buildFootprintFromTrees } from '../../src/footprint/from-trees.js';
import type { FootprintWithContent } from '../../src/footprint/types.js';
import { openRepository } from '../../src/git/open.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const MAX_DIFF_BYTES = 2048;
const SUBMODULE = '1'.repeat(40);

function numbered(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`).join('');
}

/** Commits a base state, then stages a change of every kind the footprint reports. */
function stageEveryKind(repo: TempRepo): void {
  repo.write('.gitattributes', '*.dat binary\ngen/** linguist-generated\n');
  repo.write('src/app.ts', numbered('const line', 30));
  repo.write('src/move-me.js', numbered('export const value', 20));
  repo.write('tool.sh', '#!/bin/sh\necho tool\n');
  repo.write('link', 'a file\n');
  repo.write('data.dat', 'plain text\n');
  repo.write('crlf.txt', 'one\r\ntwo\r\n');
  repo.write('big.txt', numbered('a large file line', 200));
  repo.write('gone.md', '# Gone\n');
  repo.write('gen/schema.ts', 'export type A = 1;\n');
  repo.write('package.json', '{ "name": "x", "version": "1.0.0" }\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base']);

  repo.write('src/app.ts', numbered('const line', 30).replace('line 3\n', 'line three\n'));
  rmSync(path.join(repo.dir, 'src/move-me.js'));
  repo.write('lib/moved.js', numbered('export const value', 20).replace('value 4\n', 'four\n'));
  chmodSync(path.join(repo.dir, 'tool.sh'), 0o755);
  rmSync(path.join(repo.dir, 'link'));
  symlinkSync('src/app.ts', path.join(repo.dir, 'link'));
  repo.write('data.dat', 'changed text\n');
  repo.write('crlf.txt', 'one\r\nTWO\r\n');
  repo.write('big.txt', numbered('a large file line', 201));
  rmSync(path.join(repo.dir, 'gone.md'));
  repo.write('gen/schema.ts', 'export type A = 2;\n');
  repo.write('package.json', '{ "name": "x", "version": "1.1.0" }\n');
  repo.write('new/added.ts', 'export const added = true;\n');
  repo.git(['add', '-A']);
  repo.git(['update-index', '--add', '--cacheinfo', `160000,${SUBMODULE},vendor/lib`]);
}

describe('buildFootprintFromTrees', () => {
  let repo: TempRepo;
  let staged: FootprintWithContent;
  let fromTrees: FootprintWithContent;
  let baseTree: string;
  let targetTree: string;
  let statusBefore: string;

  before(async () => {
    repo = createTempRepo();
    stageEveryKind(repo);
    const reader = await openRepository({ cwd: repo.dir, env: gitTestEnv() });
    try {
      staged = await buildFootprint(reader, await reader.readStagedChange(), {
        maxDiffBytes: MAX_DIFF_BYTES,
      });
    } finally {
      await reader.close();
    }

    repo.git(['commit', '-q', '-m', 'every kind']);
    baseTree = repo.git(['rev-parse', 'HEAD~1^{tree}']).trim();
    targetTree = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
    statusBefore = repo.git(['status', '--porcelain']) + repo.git(['rev-parse', 'HEAD']);
    fromTrees = await buildFootprintFromTrees({
      cwd: repo.dir,
      env: gitTestEnv(),
      baseTree,
      targetTree,
      maxDiffBytes: MAX_DIFF_BYTES,
    });
  });

  after(() => repo.cleanup());

  it('equals the footprint of the same change staged', () => {
    assert.deepEqual(fromTrees.footprint.files, staged.footprint.files);
    assert.deepEqual(fromTrees.footprint.totals, staged.footprint.totals);
  });

  it('keeps the same content for analysis', () => {
    assert.deepEqual([...fromTrees.content.keys()], [...staged.content.keys()]);
    assert.deepEqual(fromTrees.content, staged.content);
  });

  it('reports the two trees', () => {
    assert.equal(fromTrees.footprint.headTree, baseTree);
    assert.equal(fromTrees.footprint.stagedTree, targetTree);
    assert.equal(staged.footprint.stagedTree, targetTree);
  });

  it('covers every kind of change', () => {
    const byPath = new Map(fromTrees.footprint.files.map((file) => [file.path, file]));
    assert.equal(byPath.get('lib/moved.js')?.status, 'renamed');
    assert.equal(byPath.get('link')?.status, 'type-changed');
    assert.equal(byPath.get('data.dat')?.opaque, 'binary');
    assert.equal(byPath.get('big.txt')?.opaque, 'too-large');
    assert.equal(byPath.get('vendor/lib')?.opaque, 'gitlink');
    assert.equal(byPath.get('gen/schema.ts')?.category, 'generated');
    assert.equal(byPath.get('gone.md')?.status, 'deleted');
  });

  it('reports the HEAD it is given', async () => {
    const base = repo.git(['rev-parse', 'HEAD~1']).trim();
    const repository = await TreeRepository.open({ cwd: repo.dir, env: gitTestEnv() });
    try {
      const input = await repository.buildFootprint({
        baseTree,
        targetTree,
        maxDiffBytes: MAX_DIFF_BYTES,
        head: { oid: base, ref: null, detached: true },
      });
      assert.deepEqual(input.footprint.head, { oid: base, ref: null, detached: true });
      assert.equal(input.footprint.operation, null);
    } finally {
      repository.close();
    }
  });

  it('never changes the repository', () => {
    const statusAfter = repo.git(['status', '--porcelain']) + repo.git(['rev-parse', 'HEAD']);
    assert.equal(statusAfter, statusBefore);
  });
});
