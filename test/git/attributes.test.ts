import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';

import { AttributeReader, type AttributeFileSource } from '../../src/git/attributes.js';
import { openRepository } from '../../src/git/open.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { gitBytes } from './fixtures.js';

const ROOT_ATTRIBUTES = [
  '# a comment',
  '*.bin binary',
  '*.png -diff',
  '*.lfs filter=lfs diff=lfs merge=lfs -text',
  '[attr]gen linguist-generated -diff',
  'dist/** gen',
  '/top.txt text=auto eol=crlf',
  'docs/*.md linguist-documentation',
  '*.md text',
  'a/**/z.txt foo=bar',
  '"quoted name.txt" quoted',
  'sp\\ ace.txt esc',
  'x[ab].c bracket',
  '*.c !text',
  'README -text binary text',
  'inv @bad',
  '\\!bang.txt bang',
  'dir/ dironly',
  '**/deep/*.js deepjs',
  'CAPS.TXT caps',
  '   indented.txt indented',
];

const PATHS = [
  'x.bin',
  'p/x.png',
  'big.lfs',
  'dist/a/b.js',
  'dist/x',
  'top.txt',
  'sub/top.txt',
  'docs/a.md',
  'docs/sub/a.md',
  'a/b/c/z.txt',
  'a/z.txt',
  'a/x/y/z.txt',
  'quoted name.txt',
  'sp ace.txt',
  'xa.c',
  'xc.c',
  'README',
  'inv',
  '!bang.txt',
  'dir',
  'dir/x',
  'q/deep/x.js',
  'deep/x.js',
  'caps.txt',
  'CAPS.TXT',
  'indented.txt',
  'a/root.txt',
  'root.txt',
  'a/b/root.txt',
  'a/n.txt',
  'a/b/x.txt',
  'a/b/c/d/e.txt',
  'a/x.md',
  'a/b/c.override',
  'a/force.txt',
  'a/b/force.txt',
  'héllo.bin',
  'a/b/x.c',
];

const NAMES = [
  'binary',
  'diff',
  'merge',
  'text',
  'filter',
  'linguist-generated',
  'linguist-documentation',
  'eol',
  'foo',
  'quoted',
  'esc',
  'bracket',
  'bang',
  'dironly',
  'deepjs',
  'caps',
  'anchored',
  'nested',
  'indented',
];

/** Stages attribute files at three depths plus info/attributes. */
function writeAttributeFiles(repo: TempRepo): void {
  repo.write('.gitattributes', `${ROOT_ATTRIBUTES.join('\n')}\n`);
  const nested = [
    '*.txt -text',
    'b/*.txt text=a-b',
    '/root.txt anchored',
    '[attr]nested foo',
    'n.txt nested',
  ];
  repo.write('a/.gitattributes', `${[...nested, '*.md -linguist-documentation'].join('\r\n')}\r\n`);
  repo.write('a/b/.gitattributes', '*.txt !text\nc/** text=deep\n');
  mkdirSync(path.join(repo.dir, '.git', 'info'), { recursive: true });
  writeFileSync(
    path.join(repo.dir, '.git', 'info', 'attributes'),
    '*.override binary\nforce.txt text=info\n',
  );
  repo.git(['add', '-A']);
}

/** Returns `git check-attr --cached` values per path and attribute. */
function gitCheckAttr(repo: TempRepo): Map<string, Record<string, string>> {
  const input = `${PATHS.join('\0')}\0`;
  const output = repo
    .git(['check-attr', '--cached', '-z', '--stdin', ...NAMES], { input })
    .split('\0');
  const values = new Map<string, Record<string, string>>();
  for (let i = 0; i + 2 < output.length; i += 3) {
    const record = values.get(output[i] as string) ?? {};
    record[output[i + 1] as string] = output[i + 2] as string;
    values.set(output[i] as string, record);
  }
  return values;
}

/** Finds the index's `.gitattributes` blobs with git itself. */
function gitAttributeSource(repo: TempRepo): AttributeFileSource {
  return {
    async findAttributeFile(folder) {
      const files = new Map<string, string>();
      for (const record of repo.git(['ls-files', '-s', '-z']).split('\0')) {
        const [meta, file] = record.split('\t');
        if (!file?.endsWith('.gitattributes')) continue;
        files.set(
          path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file),
          meta?.split(' ')[1] ?? '',
        );
      }
      return files.get(folder) ?? null;
    },
    readBlob: async (oid) => gitBytes(repo.dir, ['cat-file', 'blob', oid]),
  };
}

describe('AttributeReader', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  it('matches git check-attr --cached', async () => {
    repo = createTempRepo();
    writeAttributeFiles(repo);
    const expected = gitCheckAttr(repo);
    const reader = new AttributeReader(gitAttributeSource(repo), {
      infoAttributesPath: path.join(repo.dir, '.git', 'info', 'attributes'),
    });

    for (const file of PATHS) {
      const actual = await reader.read(file, NAMES);
      for (const name of NAMES) {
        assert.equal(actual[name], expected.get(file)?.[name], `${file}: ${name}`);
      }
    }
  });

  it('reads attributes through both readers', async () => {
    repo = createTempRepo();
    writeAttributeFiles(repo);
    const expected = gitCheckAttr(repo);

    for (const readerName of ['native', 'cli'] as const) {
      const reader = await openRepository({
        cwd: repo.dir,
        env: { ...gitTestEnv(), FOOTPRINT_READER: readerName },
      });
      try {
        for (const file of ['dist/a/b.js', 'a/b/c.override', 'a/n.txt', 'big.lfs']) {
          assert.deepEqual(
            await reader.readAttributes(file, NAMES),
            expected.get(file),
            `${readerName} ${file}`,
          );
        }
      } finally {
        await reader.close();
      }
    }
  });

  it('skips a symlinked .gitattributes', async () => {
    repo = createTempRepo();
    repo.write('real-attributes', '*.x binary\n');
    symlinkSync('real-attributes', path.join(repo.dir, '.gitattributes'));
    repo.git(['add', '-A']);

    for (const readerName of ['native', 'cli'] as const) {
      const reader = await openRepository({
        cwd: repo.dir,
        env: { ...gitTestEnv(), FOOTPRINT_READER: readerName },
      });
      try {
        assert.deepEqual(await reader.readAttributes('a.x', ['binary']), { binary: 'unspecified' });
      } finally {
        await reader.close();
      }
    }
    assert.match(repo.git(['check-attr', '--cached', 'binary', '--', 'a.x']), /unspecified/);
  });

  it('reads nothing when the index has no attribute files', async () => {
    repo = createTempRepo();
    repo.write('a.txt', 'a\n');
    repo.git(['add', '-A']);
    const source: AttributeFileSource = {
      findAttributeFile: async () => null,
      readBlob: async () => assert.fail('no blob may be read'),
    };
    const reader = new AttributeReader(source, {
      infoAttributesPath: path.join(repo.dir, '.git', 'info', 'attributes'),
    });

    assert.deepEqual(await reader.read('a.txt', ['binary', 'diff']), {
      binary: 'unspecified',
      diff: 'unspecified',
    });
  });
});
