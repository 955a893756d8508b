import assert from 'node:assert/strict';
import { chmodSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { buildFootprint } from '../../src/footprint/build.js';
import type { FileChange, FootprintWithContent } from '../../src/footprint/types.js';
import { openRepository } from '../../src/git/open.js';
import type { GitReader } from '../../src/git/types.js';
import { createCliTestReader } from '../helpers/cli-git-reader.js';
import { parseHunkHeaders } from '../helpers/git-hunks.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const MAX_DIFF_BYTES = 2048;
const LFS_OID_1 = 'a'.repeat(64);
const LFS_OID_2 = 'b'.repeat(64);
const SUBMODULE_1 = '1'.repeat(40);
const SUBMODULE_2 = '2'.repeat(40);

function numbered(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`).join('');
}

function lfsPointer(oid: string, size: number): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`;
}

/** Commits a base state, then stages one change of every kind the footprint handles. */
function stageEveryKind(repo: TempRepo): void {
  repo.write(
    '.gitattributes',
    '*.dat binary\n*.forced diff\n*.bin filter=lfs diff=lfs merge=lfs -text\ngen/** linguist-generated\n',
  );
  repo.write('src/app.ts', numbered('const line', 30));
  repo.write('src/move-me.js', numbered('export const value', 20));
  repo.write('src/base.ts', numbered('export const base', 12));
  repo.write('tool.sh', '#!/bin/sh\necho tool\n');
  repo.write('link-target.txt', 'target\n');
  symlinkSync('link-target.txt', path.join(repo.dir, 'link'));
  repo.write('was-file.txt', 'a\nb\nc\n');
  repo.write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x0a, 0x02]));
  repo.write('data.dat', 'plain text\nmarked binary\n');
  repo.write('text.forced', Buffer.from('nul \0 inside\nsecond\n'));
  repo.write('crlf.txt', 'one\r\ntwo\r\nthree\r\n');
  repo.write('noeol.txt', 'a\nb');
  repo.write('big.txt', numbered('a large file line', 200));
  repo.write('assets/model.bin', lfsPointer(LFS_OID_1, 1000));
  repo.write('gone.md', '# Gone\n');
  repo.write('gen/schema.ts', 'export type A = 1;\n');
  repo.git(['add', '-A']);
  repo.git(['update-index', '--add', '--cacheinfo', `160000,${SUBMODULE_1},vendor/lib`]);
  repo.git(['commit', '-q', '-m', 'base']);

  repo.write(
    'src/app.ts',
    numbered('const line', 30)
      .replace('line 3\n', 'line three\n')
      .replace('line 20\n', 'line 20\nconst inserted = 1;\n'),
  );
  rmSync(path.join(repo.dir, 'src/move-me.js'));
  repo.write(
    'lib/moved.js',
    numbered('export const value', 20).replace('value 10\n', 'value ten\n'),
  );
  repo.write('src/base.ts', numbered('export const base', 12).replace('base 1\n', 'base one\n'));
  repo.write('src/base-copy.ts', numbered('export const base', 12));
  chmodSync(path.join(repo.dir, 'tool.sh'), 0o755);
  unlinkSync(path.join(repo.dir, 'link'));
  symlinkSync('other-target.txt', path.join(repo.dir, 'link'));
  unlinkSync(path.join(repo.dir, 'was-file.txt'));
  symlinkSync('link-target.txt', path.join(repo.dir, 'was-file.txt'));
  repo.write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x03, 0x0a, 0x04, 0x05]));
  repo.write('data.dat', 'plain text\nstill marked binary\n');
  repo.write('text.forced', Buffer.from('nul \0 inside\nchanged\n'));
  repo.write('crlf.txt', 'one\r\nTWO\r\nthree\r\n');
  repo.write('noeol.txt', 'a\nb\n');
  repo.write('big.txt', numbered('a large file line', 201));
  repo.write('big.bin', Buffer.alloc(MAX_DIFF_BYTES * 2, 0));
  repo.write('assets/model.bin', lfsPointer(LFS_OID_2, 2000));
  rmSync(path.join(repo.dir, 'gone.md'));
  repo.write('docs/read me é.md', '# Unicode path\n\nWith a space.\n');
  repo.write('empty.txt', '');
  repo.write('gen/schema.ts', 'export type A = 2;\n');
  repo.git(['add', '-A']);
  // `add -A` staged the gitlink's removal, since no checkout exists; this puts it back.
  repo.git(['update-index', '--add', '--cacheinfo', `160000,${SUBMODULE_2},vendor/lib`]);
}

/** `git diff --cached --numstat` keyed by the new path; binaries are null. */
function readNumstat(repo: TempRepo): Map<string, { additions: number; deletions: number } | null> {
  const fields = repo.git(['diff', '--cached', '--numstat', '-z', '-M', '-C']).split('\0');
  const counts = new Map<string, { additions: number; deletions: number } | null>();

  for (let i = 0; i + 1 < fields.length;) {
    const [added, deleted, pathField] = (fields[i] as string).split('\t');
    // A rename or copy has an empty path field, then the old and new paths.
    const newPath = pathField === '' ? (fields[i + 2] as string) : (pathField as string);
    i += pathField === '' ? 3 : 1;
    counts.set(
      newPath,
      added === '-' ? null : { additions: Number(added), deletions: Number(deleted) },
    );
  }
  return counts;
}

function gitHunksOf(repo: TempRepo, file: FileChange): ReturnType<typeof parseHunkHeaders> {
  const paths = file.oldPath === undefined ? [file.path] : [file.oldPath, file.path];
  const patch = repo.git([
    '-c',
    'core.quotePath=false',
    '--literal-pathspecs',
    'diff',
    '--cached',
    '-U0',
    '-M',
    '-C',
    '--',
    ...paths,
  ]);
  // With a copy's source in the pathspec, the patch also contains the source's own changes.
  const sections = patch.split(/^(?=diff --git )/m);
  const own = sections.filter((section) => section.split('\n', 1)[0]?.endsWith(` b/${file.path}`));
  return parseHunkHeaders(own.join(''));
}

/** The readers a footprint is built with: the product's two and the test-only one. */
const READERS: Array<[name: string, open: (repo: TempRepo) => Promise<GitReader>]> = [
  ['test', async (repo) => createCliTestReader(repo.dir)],
  ['native', (repo) => openProductReader(repo, 'native')],
  ['cli', (repo) => openProductReader(repo, 'cli')],
];

function openProductReader(repo: TempRepo, kind: 'native' | 'cli'): Promise<GitReader> {
  return openRepository({
    cwd: repo.dir,
    env: gitTestEnv({ FOOTPRINT_READER: kind }),
    renames: { copies: true },
  });
}

describe('buildFootprint on a staged repository', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    stageEveryKind(repo);
  });

  after(() => repo.cleanup());

  for (const [name, open] of READERS) {
    describe(`${name} reader`, () => {
      let result: FootprintWithContent;
      before(async () => {
        const reader = await open(repo);
        try {
          result = await buildFootprint(reader, await reader.readStagedChange(), {
            maxDiffBytes: MAX_DIFF_BYTES,
          });
        } finally {
          await reader.close();
        }
      });
      defineChecks(
        () => repo,
        () => result,
      );
    });
  }
});

function defineChecks(getRepo: () => TempRepo, getResult: () => FootprintWithContent): void {
  let repo: TempRepo;
  let result: FootprintWithContent;
  before(() => {
    repo = getRepo();
    result = getResult();
  });
  const byPath = (filePath: string): FileChange => {
    const file = result.footprint.files.find((candidate) => candidate.path === filePath);
    assert.ok(file, `no footprint entry for ${filePath}`);
    return file;
  };

  it('paths and statuses equal git', () => {
    const raw = repo.git(['diff', '--cached', '--name-status', '-z', '-M', '-C']).split('\0');
    const expected: string[] = [];
    for (let i = 0; i + 1 < raw.length;) {
      const status = raw[i] as string;
      const twoPaths = status.startsWith('R') || status.startsWith('C');
      expected.push(
        `${status.charAt(0)} ${twoPaths ? `${raw[i + 1]} -> ${raw[i + 2]}` : raw[i + 1]}`,
      );
      i += twoPaths ? 3 : 2;
    }
    const letters: Record<string, string> = {
      added: 'A',
      modified: 'M',
      deleted: 'D',
      renamed: 'R',
      copied: 'C',
      'type-changed': 'T',
    };
    const actual = result.footprint.files.map(
      (file) =>
        `${letters[file.status]} ${file.oldPath === undefined ? file.path : `${file.oldPath} -> ${file.path}`}`,
    );
    assert.deepEqual([...actual].sort(), [...expected].sort());
  });

  it('line counts equal numstat', () => {
    const numstat = readNumstat(repo);
    for (const file of result.footprint.files) {
      if (file.opaque === 'too-large') continue;
      const counts = numstat.get(file.path);
      assert.ok(counts !== undefined, `numstat lists no ${file.path}`);
      if (counts === null) {
        assert.equal(file.binary, true, `${file.path} binary`);
        assert.equal(file.additions, 0, `${file.path} additions`);
        assert.equal(file.deletions, 0, `${file.path} deletions`);
      } else {
        assert.equal(file.additions, counts.additions, `${file.path} additions`);
        assert.equal(file.deletions, counts.deletions, `${file.path} deletions`);
      }
    }
  });

  it('hunks equal git -U0', () => {
    for (const file of result.footprint.files) {
      if (file.binary || file.opaque === 'too-large' || file.status === 'type-changed') continue;
      assert.deepEqual(file.hunks, gitHunksOf(repo, file), file.path);
    }
  });

  it('type change as one hunk', () => {
    const file = byPath('was-file.txt');
    assert.equal(file.status, 'type-changed');
    assert.equal(file.symlink, true);
    assert.deepEqual(file.hunks, [{ oldStart: 1, oldLines: 3, newStart: 1, newLines: 1 }]);
    // git prints the same change as a deletion hunk and an addition hunk.
    assert.deepEqual(gitHunksOf(repo, file), [
      { oldStart: 1, oldLines: 3, newStart: 0, newLines: 0 },
      { oldStart: 0, oldLines: 0, newStart: 1, newLines: 1 },
    ]);
  });

  it('rename with edit', () => {
    const file = byPath('lib/moved.js');
    assert.equal(file.status, 'renamed');
    assert.equal(file.oldPath, 'src/move-me.js');
    assert.ok((file.similarity ?? 0) >= 50);
    assert.deepEqual(file.hunks, [{ oldStart: 10, oldLines: 1, newStart: 10, newLines: 1 }]);
  });

  it('copy of a modified file', () => {
    const file = byPath('src/base-copy.ts');
    assert.equal(file.status, 'copied');
    assert.equal(file.oldPath, 'src/base.ts');
    assert.deepEqual(file.hunks, []);
  });

  it('mode change without content change', () => {
    const file = byPath('tool.sh');
    assert.equal(file.oldMode, '100644');
    assert.equal(file.newMode, '100755');
    assert.deepEqual(file.hunks, []);
    assert.equal(file.language, 'shell');
  });

  it('symlink target diffed as text', () => {
    const file = byPath('link');
    assert.equal(file.symlink, true);
    assert.equal(file.language, null);
    assert.deepEqual(file.hunks, [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1 }]);
    assert.deepEqual(result.content.get('link')?.hunks, [
      { removed: ['link-target.txt'], added: ['other-target.txt'] },
    ]);
  });

  it('gitlink opaque and unread', () => {
    const file = byPath('vendor/lib');
    assert.equal(file.opaque, 'gitlink');
    assert.equal(file.size, 0);
    assert.equal(file.oldSize, null);
    assert.deepEqual(file.hunks, [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1 }]);
    assert.equal(result.content.get('vendor/lib')?.newText, null);
  });

  it('binary by content', () => {
    const file = byPath('image.png');
    assert.equal(file.binary, true);
    assert.equal(file.opaque, 'binary');
    assert.equal(file.size, 9);
    assert.equal(file.oldSize, 8);
    assert.equal(file.category, 'asset');
  });

  it('binary by attribute', () => {
    const file = byPath('data.dat');
    assert.equal(file.binary, true);
    assert.equal(file.opaque, 'binary');
    assert.deepEqual(file.hunks, []);
  });

  it('diff attribute forces text', () => {
    const file = byPath('text.forced');
    assert.equal(file.binary, false);
    assert.deepEqual(file.hunks, [{ oldStart: 2, oldLines: 1, newStart: 2, newLines: 1 }]);
  });

  it('crlf kept in texts', () => {
    const file = byPath('crlf.txt');
    assert.deepEqual(file.hunks, [{ oldStart: 2, oldLines: 1, newStart: 2, newLines: 1 }]);
    assert.equal(result.content.get('crlf.txt')?.newText, 'one\r\nTWO\r\nthree\r\n');
  });

  it('newline added at end of file', () => {
    const file = byPath('noeol.txt');
    assert.deepEqual(file.hunks, [{ oldStart: 2, oldLines: 1, newStart: 2, newLines: 1 }]);
    assert.equal(file.additions, 1);
    assert.equal(file.deletions, 1);
  });

  it('too large with sizes', () => {
    const file = byPath('big.txt');
    assert.equal(file.opaque, 'too-large');
    assert.deepEqual(file.hunks, []);
    assert.equal(file.size, Number(repo.git(['cat-file', '-s', `:big.txt`]).trim()));
    assert.equal(file.oldSize, Number(repo.git(['cat-file', '-s', `HEAD:big.txt`]).trim()));
    assert.equal(result.content.get('big.txt')?.newText, null);
  });

  it('too large binary is binary', () => {
    const file = byPath('big.bin');
    assert.equal(file.opaque, 'too-large');
    assert.equal(file.binary, true);
    assert.equal(byPath('big.txt').binary, false);
  });

  it('lfs pointer recognised', () => {
    const file = byPath('assets/model.bin');
    assert.equal(file.lfs, true);
    assert.equal(file.opaque, 'lfs-pointer');
    assert.equal(file.binary, false);
    assert.deepEqual(file.hunks, [{ oldStart: 2, oldLines: 2, newStart: 2, newLines: 2 }]);
  });

  it('deleted file sized from head', () => {
    const file = byPath('gone.md');
    assert.equal(file.status, 'deleted');
    assert.equal(file.size, 7);
    assert.deepEqual(file.hunks, [{ oldStart: 1, oldLines: 1, newStart: 0, newLines: 0 }]);
    assert.equal(file.category, 'docs');
  });

  it('unicode path with space', () => {
    const file = byPath('docs/read me é.md');
    assert.equal(file.status, 'added');
    assert.deepEqual(file.hunks, [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 3 }]);
    assert.equal(file.language, 'markdown');
  });

  it('empty added file', () => {
    const file = byPath('empty.txt');
    assert.equal(file.size, 0);
    assert.deepEqual(file.hunks, []);
    assert.equal(file.additions, 0);
  });

  it('linguist-generated attribute', () => {
    assert.equal(byPath('gen/schema.ts').category, 'generated');
  });

  it('totals sum the files', () => {
    const { totals, files } = result.footprint;
    assert.equal(totals.files, files.length);
    assert.equal(
      totals.additions,
      files.reduce((sum, file) => sum + file.additions, 0),
    );
    assert.equal(
      totals.deletions,
      files.reduce((sum, file) => sum + file.deletions, 0),
    );
    assert.equal(
      totals.hunks,
      files.reduce((sum, file) => sum + file.hunks.length, 0),
    );
  });

  it('one content entry per hunk', () => {
    for (const file of result.footprint.files) {
      assert.equal(result.content.get(file.path)?.hunks.length, file.hunks.length, file.path);
    }
  });
}
