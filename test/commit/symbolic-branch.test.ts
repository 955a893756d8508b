import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';

test('commit and undo through a symbolic branch', () => {
  const repo = createTempRepo();
  try {
    const quiet = { env: { FOOTPRINT: '0' } };
    repo.write('src/a.js', 'export const a = 1;\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'chore: start'], quiet);
    const start = repo.git(['rev-parse', 'HEAD']).trim();
    repo.git(['symbolic-ref', 'refs/heads/alias', 'refs/heads/main']);
    repo.git(['symbolic-ref', 'HEAD', 'refs/heads/alias']);
    repo.write('src/a.js', 'export const a = 2;\n');
    repo.git(['add', '-A']);
    const stagedTree = repo.git(['write-tree']).trim();

    const committed = repo.footprint(['commit', '--yes', '--no-llm']);

    assert.equal(committed.status, 0, committed.stderr);
    assert.equal(repo.git(['rev-parse', 'main^{tree}']).trim(), stagedTree);
    assert.equal(
      readFileSync(path.join(repo.dir, '.git', 'HEAD'), 'utf8'),
      'ref: refs/heads/alias\n',
    );
    assert.equal(repo.git(['symbolic-ref', 'refs/heads/alias']).trim(), 'refs/heads/main');

    const undone = repo.footprint(['undo']);

    assert.equal(undone.status, 0, undone.stderr);
    assert.equal(repo.git(['rev-parse', 'main']).trim(), start);
  } finally {
    repo.cleanup();
  }
});
