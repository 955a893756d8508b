import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';

import { createTempRepo, type TempRepo } from '../helpers/repo.js';

// An object id no repository holds, staged with `git update-index --cacheinfo`.
const GHOST_OID = '1234567890123456789012345678901234567890';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

function stageMissingBlob(options: { deleteOther: boolean }): TempRepo {
  const created = createTempRepo();
  created.write('a.txt', 'alpha\n');
  created.git(['add', 'a.txt']);
  created.git(['commit', '-qm', 'chore: start']);
  created.git(['update-index', '--add', '--cacheinfo', `100644,${GHOST_OID},ghost.txt`]);
  // A staged deletion beside the addition makes rename detection read the missing blob first.
  if (options.deleteOther) created.git(['rm', '-q', '--cached', 'a.txt']);
  return created;
}

for (const deleteOther of [false, true]) {
  const situation = deleteOther ? 'beside a deletion' : 'alone';
  test(`analyze names missing staged blob ${situation}`, () => {
    repo = stageMissingBlob({ deleteOther });

    const result = repo.footprint(['analyze', '--color', 'never']);

    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, new RegExp(`staged blob ${GHOST_OID} of ghost\\.txt is missing`));
    assert.match(result.stderr, /`git fsck --full`/);
    assert.match(result.stderr, /`git rm --cached -- :\/ghost\.txt`/);
    assert.match(result.stderr, /`git add -- :\/ghost\.txt`/);
    assert.doesNotMatch(result.stderr, /internal error|Crash report/);
  });
}

// git cannot write a tree from this index either ("invalid object ... for 'ghost.txt'"), so
// the hook blocks with the way out instead of letting git fail after it with less detail.
test('precommit blocks on missing staged blob', () => {
  repo = stageMissingBlob({ deleteOther: false });

  const result = repo.footprint(['precommit', '--color', 'never']);

  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, new RegExp(`staged blob ${GHOST_OID} of ghost\\.txt is missing`));
  assert.doesNotMatch(result.stderr, /internal error|Crash report/);
  assert.notEqual(repo.gitResult(['write-tree']).status, 0);
});
