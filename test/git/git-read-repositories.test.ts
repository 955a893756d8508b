import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';

import { openRepository } from '../../src/git/open.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { gitStagedEntries } from './staged-expect.js';

describe('partial clone', () => {
  let origin: TempRepo;
  let cloneDir: string;
  afterEach(() => {
    origin.cleanup();
    rmSync(path.dirname(cloneDir), { recursive: true, force: true });
  });

  it('reads blobs git has not fetched yet', async () => {
    origin = createTempRepo();
    origin.git(['config', 'uploadpack.allowFilter', 'true']);
    origin.write('in/c.txt', 'a\nb\nc\n');
    origin.write('out/b.txt', 'one\ntwo\nthree\n');
    origin.git(['add', '-A']);
    origin.git(['commit', '-q', '-m', 'base']);

    cloneDir = path.join(
      realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-test-'))),
      'clone',
    );
    const env = gitTestEnv();
    const git = (args: string[]): string =>
      execFileSync('git', args, { cwd: cloneDir, env, encoding: 'utf8' });
    execFileSync(
      'git',
      ['clone', '-q', '--no-checkout', '--filter=blob:none', `file://${origin.dir}`, cloneDir],
      { env },
    );
    // Only the promisor remote marks this clone as partial; out/b.txt's blob is not here yet.
    git(['sparse-checkout', 'set', '--cone', 'in']);
    git(['checkout', '-q', 'main']);
    const outBlob = git(['rev-parse', 'HEAD:out/b.txt']).trim();
    const missing = git(['cat-file', '--batch-check', '--batch-all-objects']).includes(outBlob);
    assert.equal(missing, false, 'the blob of out/b.txt is not in the clone');
    git(['rm', '-q', '--cached', '--sparse', 'out/b.txt']);

    const reader = await openRepository({ cwd: cloneDir, env });
    try {
      const change = await reader.readStagedChange();
      assert.deepEqual(change.entries, gitStagedEntries({ cwd: cloneDir }));
      assert.deepEqual(
        change.entries.map((entry) => `${entry.status} ${entry.path}`),
        ['deleted out/b.txt'],
      );
      const blob = await reader.readBlob(outBlob);
      assert.equal(blob.toString('utf8'), 'one\ntwo\nthree\n');
    } finally {
      await reader.close();
    }
  });
});

describe('replace refs', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  for (const packed of [false, true]) {
    it(`read as git diff --cached does${packed ? ', packed' : ''}`, async () => {
      repo = createTempRepo();
      repo.write('a.txt', lines(10));
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'one']);
      repo.write('a.txt', lines(20));
      repo.git(['commit', '-q', '-am', 'two']);
      repo.write('b.txt', lines(30));
      repo.git(['add', 'b.txt']);
      repo.git(['replace', 'HEAD', 'HEAD~1']);
      if (packed) repo.git(['pack-refs', '--all']);

      const reader = await openRepository({ cwd: repo.dir, env: gitTestEnv() });
      try {
        const change = await reader.readStagedChange();
        const expected = gitStagedEntries({ cwd: repo.dir });
        assert.deepEqual(change.entries, expected);
        assert.deepEqual(
          change.entries.map((entry) => `${entry.status} ${entry.path}`),
          ['modified a.txt', 'added b.txt'],
        );
      } finally {
        await reader.close();
      }
    });
  }
});

function lines(count: number): string {
  return Array.from({ length: count }, (_, index) => `${index + 1}\n`).join('');
}
