import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';

describe('damaged index', () => {
  test('analyze names the index and the fix', () => {
    const repo = createTempRepo();
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
    writeFileSync(
      path.join(repo.dir, '.git', 'index'),
      Buffer.from('DIRC\0\0\0\u0002garbage', 'latin1'),
    );

    const result = repo.footprint(['analyze', '--no-llm']);

    assert.equal(result.status, 2);
    assert.match(result.stderr, /git cannot read the index: .*index file smaller than expected/);
    assert.match(result.stderr, /git reset/);
    assert.doesNotMatch(result.stderr, /Crash report/);
  });

  test('unknown entry format names the fix', () => {
    const repo = createTempRepo();
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
    const index = Buffer.concat([
      Buffer.from('DIRC\0\0\0\u0002\0\0\0\u0001', 'latin1'),
      Buffer.from('garbage'.repeat(20), 'latin1'),
    ]);
    writeFileSync(path.join(repo.dir, '.git', 'index'), index);

    const analyze = repo.footprint(['analyze', '--no-llm']);
    const precommit = repo.footprint(['precommit', '--no-llm']);

    assert.equal(analyze.status, 2);
    assert.match(analyze.stderr, /git cannot read the index/);
    assert.doesNotMatch(analyze.stderr, /Crash report/);
    assert.equal(precommit.status, 2);
    assert.doesNotMatch(precommit.stderr, /Crash report/);
  });

  test('prepare-commit-msg warns without a crash report', () => {
    const repo = createTempRepo();
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
    writeFileSync(
      path.join(repo.dir, '.git', 'index'),
      Buffer.from('DIRC\0\0\0\u0002garbage', 'latin1'),
    );
    const messageFile = path.join(repo.dir, '.git', 'COMMIT_EDITMSG');
    writeFileSync(messageFile, '');

    const result = repo.footprint(['prepare-commit-msg', messageFile]);

    assert.equal(result.status, 0);
    assert.match(result.stderr, /git cannot read the index/);
    assert.doesNotMatch(result.stderr, /Crash report/);
  });

  test('other git failures are not matched', async () => {
    const { describeDamagedIndex } = await import('../../src/git/damaged-index.js');
    const { GitCommandError } = await import('../../src/git/run-git.js');

    const other = new GitCommandError('git cat-file', 128, 'fatal: not a valid object name');
    const damaged = new GitCommandError(
      'git diff-index',
      128,
      'error: bad signature 0x00000000\nfatal: index file corrupt',
    );

    assert.equal(describeDamagedIndex(other), null);
    assert.match(describeDamagedIndex(damaged)?.message ?? '', /bad signature 0x00000000/);
    assert.equal(describeDamagedIndex(damaged)?.exitCode, 2);
  });
});
