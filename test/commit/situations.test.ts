import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { EMPTY_TREE_OID } from '../../src/git/objects/tree.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  assertFsckClean,
  batch,
  captureState,
  commitRun,
  planStrategy,
  writeStrategy,
} from './commit-fixtures.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

interface Situation {
  name: string;
  /** Makes the starting commit (none for an unborn branch) and stages the change. */
  setup(repo: TempRepo): void;
  /**
   * Paths that must share one batch: a file and the files under the same path as a folder,
   * because no tree can contain both.
   */
  together?: string[];
}

function commitAll(created: TempRepo, message = 'chore: start'): void {
  created.git(['add', '-A']);
  created.git(['commit', '-qm', message]);
}

const situations: Situation[] = [
  {
    name: 'unborn branch',
    setup(created) {
      created.write('src/a.ts', 'export const a = 1;\n');
      created.write('README.md', '# First\n');
      created.git(['add', '-A']);
    },
  },
  {
    name: 'detached HEAD',
    setup(created) {
      created.write('a.txt', 'one\n');
      commitAll(created);
      created.git(['checkout', '-q', '--detach']);
      created.write('a.txt', 'two\n');
      created.write('b.txt', 'new\n');
      created.git(['add', '-A']);
    },
  },
  {
    name: 'mode change and symlink',
    setup(created) {
      created.write('run.sh', '#!/bin/sh\necho hi\n');
      created.write('target.txt', 'target\n');
      commitAll(created);
      created.git(['update-index', '--chmod=+x', 'run.sh']);
      symlinkSync('target.txt', path.join(created.dir, 'link'));
      created.git(['add', 'link']);
    },
  },
  {
    name: 'binary file',
    setup(created) {
      created.write('image.bin', Buffer.from([0, 1, 2, 3, 255, 0, 10]));
      commitAll(created);
      created.write('image.bin', Buffer.from([0, 1, 2, 4, 255, 0, 10, 13]));
      created.write('notes.txt', 'binary changed\n');
      created.git(['add', '-A']);
    },
  },
  {
    name: 'folder removed and file replacing it',
    setup(created) {
      created.write('lib/one.txt', 'one\n');
      created.write('lib/two.txt', 'two\n');
      created.write('keep/x.txt', 'x\n');
      commitAll(created);
      created.git(['rm', '-rq', 'lib']);
      created.write('lib', 'now a file\n');
      created.git(['add', '-A']);
    },
    together: ['lib', 'lib/one.txt', 'lib/two.txt'],
  },
  {
    name: 'paths with spaces and unicode',
    setup(created) {
      created.write('docs/read me.md', 'old\n');
      commitAll(created);
      created.write('docs/read me.md', 'new\n');
      created.write('docs/café "quoted".txt', 'accent\n');
      created.write('docs/new\nline.txt', 'newline in name\n');
      created.git(['add', '-A']);
    },
  },
  {
    name: 'packed refs',
    setup(created) {
      created.write('a.txt', 'one\n');
      commitAll(created);
      created.git(['pack-refs', '--all']);
      created.git(['gc', '-q']);
      created.write('a.txt', 'two\n');
      created.write('b/c.txt', 'new\n');
      created.git(['add', '-A']);
    },
  },
  {
    name: 'everything deleted',
    setup(created) {
      created.write('only.txt', 'alone\n');
      commitAll(created);
      created.git(['rm', '-q', 'only.txt']);
    },
  },
  {
    name: 'submodule gitlink',
    setup(created) {
      created.write('a.txt', 'one\n');
      commitAll(created);
      const gitlink = 'a'.repeat(40);
      created.git(['update-index', '--add', '--cacheinfo', `160000,${gitlink},vendor/lib`]);
    },
  },
];

for (const situation of situations) {
  test(`commit each path apart: ${situation.name}`, async () => {
    const created = createTempRepo();
    repo = created;
    situation.setup(created);
    const { strategy } = await planStrategy(created);
    const together = situation.together ?? [];
    const paths = strategy.batches.flatMap((item) => item.changes.map((change) => change.path));
    const apart = paths.filter((changePath) => !together.includes(changePath));
    const groups = [
      ...apart.map((changePath) => [changePath]),
      ...(together.length > 0 ? [together] : []),
    ];
    const batches = groups.map((group, index) =>
      batch(
        `b${index + 1}`,
        `chore: change ${group.join(', ').replace(/\n/g, ' ')}`,
        group.map((changePath) => ({ path: changePath })),
      ),
    );
    const file = writeStrategy(created, strategy, batches);
    const start = captureState(created);

    const run = await commitRun(created, { strategyFile: file });

    const base = start.head ?? EMPTY_TREE_OID;
    assert.equal(created.git(['diff', '--binary', base, 'HEAD']), start.stagedDiff);
    assert.equal(created.git(['rev-parse', 'HEAD']).trim(), run.finalHead);
    assert.equal(created.git(['rev-parse', 'HEAD^{tree}']).trim(), run.plan.stagedTree);
    const range = start.head === null ? 'HEAD' : `${start.head}..HEAD`;
    assert.equal(Number(created.git(['rev-list', '--count', range]).trim()), batches.length);
    assert.equal(captureState(created).index, start.index);
    assert.equal(created.git(['diff', '--cached', '--name-only']), '');
    assertFsckClean(created);
  });
}

test('detached HEAD stays detached', async () => {
  const created = createTempRepo();
  repo = created;
  situations[1]?.setup(created);
  const branchBefore = created.git(['rev-parse', 'main']).trim();

  const run = await commitRun(created);

  assert.equal(run.plan.ref, 'HEAD');
  assert.equal(created.gitResult(['symbolic-ref', '-q', 'HEAD']).status, 1);
  assert.equal(created.git(['rev-parse', 'main']).trim(), branchBefore);
  assert.equal(created.git(['rev-parse', 'HEAD']).trim(), run.finalHead);
});

test('unborn branch gets a root commit', async () => {
  const created = createTempRepo();
  repo = created;
  situations[0]?.setup(created);

  const run = await commitRun(created);

  const first = run.commits[0]?.oid as string;
  assert.equal(created.git(['rev-list', '--max-parents=0', 'HEAD']).trim(), first);
  assert.equal(created.git(['reflog', '-1', '--format=%H', 'main']).trim(), run.finalHead);
});

test('linked worktree moves its own branch', async () => {
  const created = createTempRepo();
  repo = created;
  created.write('a.txt', 'one\n');
  commitAll(created);
  const worktree = path.join(created.dir, '..', `${path.basename(created.dir)}-linked`);
  created.git(['worktree', 'add', '-q', '-b', 'side', worktree]);
  try {
    const linked: TempRepo = { ...created, dir: worktree };
    linked.write = (relativePath, content) =>
      created.write(path.join('..', path.basename(worktree), relativePath), content);
    linked.git = (args, options) => created.git(['-C', worktree, ...args], options);
    linked.write('a.txt', 'side\n');
    linked.git(['add', 'a.txt']);
    const mainBefore = created.git(['rev-parse', 'main']).trim();

    const run = await commitRun(linked);

    assert.equal(run.plan.ref, 'refs/heads/side');
    assert.equal(created.git(['rev-parse', 'side']).trim(), run.finalHead);
    assert.equal(created.git(['rev-parse', 'main']).trim(), mainBefore);
    assert.equal(linked.git(['diff', '--cached', '--name-only']), '');
    const sideLog = created.git(['reflog', '-1', '--format=%gs', 'side']).trim();
    assert.match(sideLog, /^commit \(footprint\): /);
    assertFsckClean(created);
  } finally {
    created.git(['worktree', 'remove', '--force', worktree]);
  }
});

test('renamed file split by hunks moves in first batch', async () => {
  const created = createTempRepo();
  repo = created;
  const lines = Array.from({ length: 12 }, (_, index) => `line ${index + 1}\n`);
  created.write('old/name.txt', lines.join(''));
  commitAll(created);
  created.git(['rm', '-q', 'old/name.txt']);
  const edited = [...lines];
  edited[0] = 'line 1 edited\n';
  edited[11] = 'line 12 edited\n';
  created.write('new/name.txt', edited.join(''));
  created.git(['add', '-A']);
  const { strategy, files } = await planStrategy(created);
  const file = files.get('new/name.txt');
  assert.equal(file?.status, 'renamed');
  const [first, second] = file?.hunks ?? [];
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', 'refactor: move name, first edit', [{ path: 'new/name.txt', hunks: [first!] }]),
    batch('b2', 'fix: second edit', [{ path: 'new/name.txt', hunks: [second!] }]),
  ]);

  const run = await commitRun(created, { strategyFile });

  const firstCommit = run.commits[0]?.oid as string;
  const firstLines = [...lines];
  firstLines[0] = 'line 1 edited\n';
  assert.equal(created.git(['show', `${firstCommit}:new/name.txt`]), firstLines.join(''));
  assert.equal(created.gitResult(['cat-file', '-e', `${firstCommit}:old/name.txt`]).status, 128);
  assert.equal(created.git(['show', 'HEAD:new/name.txt']), edited.join(''));
  assertFsckClean(created);
});
