import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { discoverRepository } from '../../src/git/discover.js';
import { decodeGitPath } from '../../src/git/path-bytes.js';
import { learnHistory } from '../../src/learn/learn.js';
import { loadModel } from '../../src/learn/load-model.js';
import type { LoggedCommit } from '../../src/learn/log-parser.js';
import { listTreePaths } from '../../src/learn/list-tree-paths.js';
import { isPartialClone } from '../../src/learn/partial-clone.js';
import { walkCommits } from '../../src/learn/walk-history.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { commitHistory } from './history-fixture.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

function learn() {
  return learnHistory({
    cwd: repo.dir,
    env: gitTestEnv(),
    maxCommits: 2000,
    since: null,
    full: false,
  });
}

/** Removes a loose blob, as a damaged or filtered clone lacks it. */
function removeBlob(spec: string): void {
  const oid = repo.git(['rev-parse', spec]).trim();
  rmSync(path.join(repo.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
}

const THREE_VERSIONS = [
  { message: 'feat: x one', files: { 'x.ts': 'one', 'y.ts': 'one' } },
  { message: 'feat: x two', files: { 'x.ts': 'two', 'y.ts': 'two' } },
  { message: 'feat: x three', files: { 'x.ts': 'three', 'y.ts': 'three' } },
];

describe('history walk', () => {
  test('one git log reads every commit in order', async () => {
    const oids = commitHistory(repo, THREE_VERSIONS).reverse();
    const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
    const seen: LoggedCommit[] = [];
    const report = await walkCommits(layout, {
      oids,
      withLines: true,
      onCommit: (c) => seen.push(c),
    });

    assert.deepEqual(
      seen.map((commit) => commit.oid),
      oids,
    );
    assert.deepEqual(report.pathsOnly, []);
    // Each version rewrites both lines of each file.
    assert.deepEqual(seen[0]?.files, [
      { path: 'x.ts', additions: 2, deletions: 2 },
      { path: 'y.ts', additions: 2, deletions: 2 },
    ]);
    assert.equal(seen[0]?.hunks, 2);
    assert.equal(seen[2]?.hunks, 2, 'the first commit adds two files');
  });

  test('missing blob reads those commits with paths only', async () => {
    commitHistory(repo, THREE_VERSIONS);
    removeBlob('HEAD~1:x.ts');
    const result = await learn();
    const model = await loadModel(repo.dir, createDefaultConfig());

    assert.equal(result.commits, 3);
    assert.equal(result.pathsOnlyCommits, 2, 'the commit that wrote the blob and the next');
    assert.equal(model?.hotspot('x.ts')?.changes, 3);
    assert.equal(model?.coChange('x.ts', 'y.ts')?.support, 3);
  });

  test('partial clone reads paths only', async () => {
    commitHistory(repo, THREE_VERSIONS);
    repo.git(['config', 'core.repositoryformatversion', '1']);
    repo.git(['config', 'extensions.partialClone', 'origin']);
    repo.git(['config', 'remote.origin.url', path.join(repo.dir, 'no-such-remote')]);
    const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
    const result = await learn();

    assert.equal(await isPartialClone(layout), true);
    assert.equal(result.commits, 3);
    assert.equal(result.pathsOnlyCommits, 3);
  });

  test('promisor remote marks a partial clone', async () => {
    commitHistory(repo, THREE_VERSIONS.slice(0, 1));
    const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
    assert.equal(await isPartialClone(layout), false);

    repo.git(['config', 'remote.origin.promisor', 'true']);
    assert.equal(await isPartialClone(layout), true);
  });
});

describe('history of non-UTF-8 path names', () => {
  /** `caf<e9>.js` and `th<e9>.js`, with a Latin-1 `é` that is not valid UTF-8. */
  const CAFE = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6a, 0x73]);
  const THE = Buffer.from([0x74, 0x68, 0xe9, 0x2e, 0x6a, 0x73]);
  /** `caf<c3 a9>.js`, the same name in UTF-8, which must stay a separate path. */
  const CAFE_UTF8 = Buffer.from('café.js');

  function commitBytes(names: readonly Buffer[], count: number): void {
    for (let commit = 1; commit <= count; commit++) {
      for (const name of names) {
        writeFileSync(Buffer.concat([Buffer.from(`${repo.dir}/`), name]), `${commit}\n`, {
          flag: 'a',
        });
      }
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', `fix: bug ${commit}`]);
    }
  }

  // git lists paths in byte order, and UTF-8 0xc3 sorts before Latin-1 0xe9.
  test('walk escapes bytes as the index readers do', async () => {
    commitBytes([CAFE, CAFE_UTF8], 1);
    const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
    const oids = [repo.git(['rev-parse', 'HEAD']).trim()];

    for (const withLines of [true, false]) {
      const seen: LoggedCommit[] = [];
      await walkCommits(layout, { oids, withLines, onCommit: (c) => seen.push(c) });
      const paths = seen[0]?.files.map((file) => file.path);
      assert.deepEqual(paths, ['café.js', 'caf\udce9.js'], `withLines ${withLines}`);
    }
    assert.deepEqual(
      [...(await listTreePaths(layout, oids[0] as string))],
      ['café.js', 'caf\udce9.js'],
    );
  });

  test('model finds hotspot and co-change by escaped path', async () => {
    commitBytes([CAFE, THE], 6);
    await learn();
    const model = await loadModel(repo.dir, createDefaultConfig());
    const cafe = decodeGitPath(CAFE);
    const the = decodeGitPath(THE);

    assert.equal(cafe, 'caf\udce9.js');
    assert.equal(model?.hotspot(cafe)?.changes, 6);
    assert.equal(model?.hotspot(the)?.changes, 6);
    assert.equal(model?.hotspot('caf\ufffd.js'), null);
    assert.equal(model?.coChange(cafe, the)?.support, 6);
  });
});
