import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { openRepository } from '../../src/git/open.js';
import type { IndexEntryTable } from '../../src/git/index-file.js';
import {
  findIndexPathsNear,
  selectIndexPathsNear,
} from '../../src/git/readers/index-paths-near.js';
import type { IndexChild, IndexFolder, IndexTree } from '../../src/git/readers/index-tree.js';
import type { GitReader } from '../../src/git/types.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** Paths of a repository whose folders and files differ only in case, on a case-sensitive disk. */
const COMMITTED = [
  'Docs/guide.md',
  'README.md',
  'docs/api/index.md',
  'docs/api/more/deep.md',
  'docs/intro.md',
  'lib/a.js',
  'lib/sub/b.js',
  'package-lock.json',
  'packages/app/package.json',
  'packages/app/src/main.ts',
  'readme.md',
  'zeta/one.txt',
];

async function readPaths(repo: TempRepo, reader: 'native' | 'cli', near?: string[]) {
  const opened: GitReader = await openRepository({
    cwd: repo.dir,
    env: { ...gitTestEnv(), FOOTPRINT_READER: reader },
  });
  try {
    await opened.readStagedChange();
    return (await opened.readIndexPaths?.(near)) ?? [];
  } finally {
    await opened.close();
  }
}

/** Lists the spellings a case check finds for each part of `paths`, in the order it meets them. */
function spellingsOf(indexPaths: readonly string[], paths: readonly string[]): string[] {
  const keys = new Set(
    paths.flatMap((path) =>
      path.split('/').map((_, depth, parts) =>
        parts
          .slice(0, depth + 1)
          .join('/')
          .toLowerCase(),
      ),
    ),
  );
  const found: string[] = [];
  for (const indexPath of indexPaths) {
    const parts = indexPath.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const part = parts.slice(0, depth).join('/');
      if (keys.has(part.toLowerCase()) && !found.includes(part)) found.push(part);
    }
  }
  return found;
}

describe('index paths near staged paths', () => {
  let repo: TempRepo;
  let everyPath: string[];

  before(async () => {
    repo = createTempRepo();
    for (const path of COMMITTED) repo.write(path, `${path}\n`);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'first']);
    repo.write('DOCS/new.md', 'new\n');
    repo.write('packages/app/src/added.ts', 'added\n');
    repo.git(['add', '-A']);
    everyPath = await readPaths(repo, 'cli');
  });
  after(() => repo.cleanup());

  const cases: Array<[string, string[]]> = [
    ['root file', ['Readme.md']],
    ['case-variant folder', ['DOCS/new.md']],
    ['deep path', ['packages/app/src/added.ts']],
    ['several paths', ['docs/api/more/x.md', 'lib/sub/c.js', 'zeta/one.txt']],
    ['folder missing from index', ['nowhere/at/all.txt']],
  ];

  for (const [name, near] of cases) {
    test(`native equals cli: ${name}`, async () => {
      const expected = selectIndexPathsNear(everyPath, near);
      assert.deepEqual(await readPaths(repo, 'native', near), expected);
      assert.deepEqual(await readPaths(repo, 'cli', near), expected);
    });

    test(`case spellings kept: ${name}`, () => {
      const selected = selectIndexPathsNear(everyPath, near);
      assert.deepEqual(spellingsOf(selected, near), spellingsOf(everyPath, near));
    });
  }

  test('without near every path', async () => {
    assert.deepEqual(await readPaths(repo, 'native'), everyPath);
    assert.equal(everyPath.length, COMMITTED.length + 2);
  });

  test('case-variant folder lists its spellings', () => {
    const selected = selectIndexPathsNear(everyPath, ['docs/new.md']);
    assert.ok(selected.includes('Docs/guide.md'), 'file in another spelling of the folder');
    assert.ok(selected.includes('DOCS/new.md'), 'file in the staged spelling');
    assert.ok(selected.includes('docs/intro.md'), 'file in the lower-case spelling');
    assert.ok(selected.includes('docs/api/index.md'), 'first path under a subfolder');
    assert.ok(!selected.includes('docs/api/more/deep.md'), 'deeper than the first path');
    assert.ok(!selected.includes('lib/sub/b.js'), 'unrelated folder');
  });

  test('manifest sees lockfiles above it', () => {
    const selected = selectIndexPathsNear(everyPath, ['packages/app/package.json']);
    assert.ok(selected.includes('package-lock.json'));
    assert.ok(selected.includes('packages/app/package.json'));
    assert.ok(!selected.includes('lib/sub/b.js'));
  });
});

describe('findIndexPathsNear work', () => {
  test('root subfolders indexed once', () => {
    const paths = ['a/x.js', 'b/y.js', 'c/z.js'];
    const folder = (name: string, start: number): IndexFolder => ({
      path: name,
      prefixBytes: name.length + 1,
      start,
      end: start + 1,
      cachePosition: -1,
    });
    let rootListings = 0;
    const tree = {
      // A new object on each call, as IndexTree.root() returns.
      root: (): IndexFolder => ({ path: '', prefixBytes: 0, start: 0, end: 3, cachePosition: -1 }),
      children(parent: IndexFolder): IndexChild[] {
        if (parent.path === '') {
          rootListings++;
          return ['a', 'b', 'c'].map((name, start) => ({
            kind: 'folder',
            name,
            folder: folder(name, start),
          }));
        }
        const path = paths[parent.start] as string;
        const name = path.slice(parent.path.length + 1);
        return [{ kind: 'file', name, path, start: parent.start, entry: null, unmerged: false }];
      },
    };
    const entries = { pathAt: (position: number) => paths[position] as string };

    const found = findIndexPathsNear(
      tree as unknown as IndexTree,
      entries as unknown as IndexEntryTable,
      paths,
    );
    assert.deepEqual(found, paths);
    assert.equal(rootListings, 2, 'one listing of the root, one index of its subfolders');
  });
});
