import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { discoverRepository } from '../../src/git/discover.js';
import { learnHistory } from '../../src/learn/learn.js';
import { loadModel } from '../../src/learn/load-model.js';
import type { LoggedCommit } from '../../src/learn/log-parser.js';
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
