import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { assertPassed, commitBase, createTwins, listFossils, rawCommit } from './situation.js';

const FILE_PROTOCOL = {
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'protocol.file.allow',
  GIT_CONFIG_VALUE_0: 'always',
};

/** Adds `library` as a submodule at `lib/` and commits it in the superproject. */
function addSubmodule(repo: TempRepo, library: TempRepo): string {
  commitBase(repo);
  repo.git(['submodule', 'add', '-q', library.dir, 'lib'], { env: FILE_PROTOCOL });
  repo.git(['commit', '-q', '-m', 'chore: add lib'], { env: { FOOTPRINT: '0' } });
  return path.join(repo.dir, 'lib');
}

test('commit inside a submodule runs its hooks and matches git', () => {
  const library = createTempRepo();
  const twins = createTwins();
  try {
    commitBase(library);
    const results = twins.both((repo) => {
      const sub = addSubmodule(repo, library);
      if (repo === twins.hooked) {
        const init = repo.footprint(['init', '--cwd', 'lib']);
        assert.equal(init.status, 0, init.stderr);
      }
      repo.write('lib/src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['-C', sub, 'add', 'src/tax.js']);
      return repo.gitResult(['-C', sub, 'commit', '-m', 'feat: tax rate'], {
        env: { LC_ALL: 'C.UTF-8', GIT_EDITOR: 'true' },
      });
    });
    const hookedSub = path.join(twins.hooked.dir, 'lib');

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /footprint · 1 file,/);
    assert.ok(existsSync(path.join(twins.hooked.dir, '.git/modules/lib/hooks/pre-commit')));
    assert.equal(listFossils(hookedSub).length, 1);
    assert.equal(
      twins.hooked.git(['-C', hookedSub, 'cat-file', 'commit', 'HEAD']),
      twins.plain.git(['-C', path.join(twins.plain.dir, 'lib'), 'cat-file', 'commit', 'HEAD']),
    );
    assert.equal(rawCommit(twins.hooked), rawCommit(twins.plain));
  } finally {
    twins.cleanup();
    library.cleanup();
  }
});
