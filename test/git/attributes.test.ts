import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';

import { AttributeReader, type AttributeFileSource } from '../../src/git/attributes.js';
import { isUserError } from '../../src/errors.js';
import { openRepository } from '../../src/git/open.js';
import { decodeGitPath, quoteGitPath } from '../../src/git/path-bytes.js';
import { findSystemAttributesFile } from '../../src/git/system-attributes.js';
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
  return parseCheckAttr(output);
}

/** Reads `git check-attr -z` output into values per path and attribute. */
function parseCheckAttr(output: readonly string[]): Map<string, Record<string, string>> {
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

  it('reads no attributes from a folder or a link loop', async () => {
    repo = createTempRepo();
    writeAttributeFiles(repo);
    rmSync(path.join(repo.dir, '.git', 'info', 'attributes'));
    mkdirSync(path.join(repo.dir, '.git', 'info', 'attributes'));
    symlinkSync('global-loop', path.join(repo.dir, 'global-loop'));
    const expected = gitCheckAttr(repo);
    const reader = new AttributeReader(gitAttributeSource(repo), {
      infoAttributesPath: path.join(repo.dir, '.git', 'info', 'attributes'),
      globalAttributesPath: path.join(repo.dir, 'global-loop'),
    });

    for (const file of PATHS) {
      assert.deepEqual(await reader.read(file, NAMES), expected.get(file), file);
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

/** Patterns whose literal parts sit next to escapes, brackets and `**`, with paths near them. */
const LITERAL_ATTRIBUTES = [
  '**/gen1/**/*.js gen',
  'a/**/b.txt deep',
  'x[ab]y.md bracket',
  '[]z]q.md close',
  'lit\\*.c star',
  'Up?er.TXT upper',
  'sub/**/*.{js,ts} brace',
  '*/one.md one',
];
const LITERAL_PATHS = [
  'gen1/x.js',
  'a/gen1/b/c.js',
  'gen12/x.js',
  'xgen1/x.js',
  'a/b.txt',
  'a/x/y/b.txt',
  'ab.txt',
  'xay.md',
  'x]y.md',
  ']q.md',
  'zq.md',
  'lit*.c',
  'litx.c',
  'UpPer.TXT',
  'upper.txt',
  'sub/x.{js,ts}',
  'sub/x.js',
  'd/one.md',
  'one.md',
  'd/e/one.md',
];
const LITERAL_NAMES = ['gen', 'deep', 'bracket', 'close', 'star', 'upper', 'brace', 'one'];

/** Bytes of Latin-1 `é` and of UTF-8 `é`, written as byte Buffers so no editor re-encodes them. */
const LATIN1_E = Buffer.from([0xe9]);
const UTF8_E = Buffer.from([0xc3, 0xa9]);

/** Attribute lines whose patterns hold non-ASCII bytes, or `?` next to a multi-byte character. */
const BYTE_ATTRIBUTES = Buffer.concat([
  Buffer.from('*'),
  LATIN1_E,
  Buffer.from('.txt latin\ng?.md one-byte\nh??.md two-bytes\n"q'),
  Buffer.from('\\351.bin" quoted\n'),
  Buffer.from('sub/'),
  LATIN1_E,
  Buffer.from('/* under-latin\n'),
  Buffer.from([0x5b, 0x80, 0x2d, 0xff, 0x5d]),
  Buffer.from('x.c high\n'),
]);

/** Path names as bytes, in the root and under a folder named `sub/<Latin-1 é>`. */
const BYTE_PATHS = [
  Buffer.concat([Buffer.from('gen'), LATIN1_E, Buffer.from('.txt')]),
  Buffer.concat([Buffer.from('gen'), UTF8_E, Buffer.from('.txt')]),
  Buffer.concat([Buffer.from('g'), UTF8_E, Buffer.from('.md')]),
  Buffer.concat([Buffer.from('h'), UTF8_E, Buffer.from('.md')]),
  Buffer.concat([Buffer.from('g'), LATIN1_E, Buffer.from('.md')]),
  Buffer.concat([Buffer.from('h'), LATIN1_E, Buffer.from('.md')]),
  Buffer.concat([Buffer.from('q'), LATIN1_E, Buffer.from('.bin')]),
  Buffer.concat([Buffer.from('q'), UTF8_E, Buffer.from('.bin')]),
  Buffer.concat([Buffer.from('sub/'), LATIN1_E, Buffer.from('/a.js')]),
  Buffer.concat([Buffer.from('sub/'), UTF8_E, Buffer.from('/a.js')]),
  Buffer.concat([LATIN1_E, Buffer.from('x.c')]),
  Buffer.concat([Buffer.from('G'), LATIN1_E, Buffer.from('.md')]),
  Buffer.concat([Buffer.from('gen'), Buffer.from([0xc9]), Buffer.from('.txt')]),
];
const BYTE_NAMES = ['latin', 'one-byte', 'two-bytes', 'quoted', 'under-latin', 'high'];

/** Writes BYTE_PATHS and BYTE_ATTRIBUTES, and stages them. */
function writeByteFixture(repo: TempRepo): void {
  writeFileSync(path.join(repo.dir, '.gitattributes'), BYTE_ATTRIBUTES);
  for (const name of BYTE_PATHS) {
    const file = Buffer.concat([Buffer.from(`${repo.dir}/`), name]);
    const slash = file.lastIndexOf('/');
    mkdirSync(file.subarray(0, slash), { recursive: true });
    writeFileSync(file, 'x\n');
  }
  repo.git(['add', '-A']);
}

/** Returns `git check-attr --cached` values of BYTE_PATHS, keyed by the path's hex bytes. */
function gitCheckAttrBytes(
  repo: TempRepo,
  config: string[] = [],
): Map<string, Record<string, string>> {
  const input = Buffer.concat(BYTE_PATHS.flatMap((name) => [name, Buffer.from([0])]));
  const result = spawnSync(
    'git',
    [...config, 'check-attr', '--cached', '-z', '--stdin', ...BYTE_NAMES],
    { cwd: repo.dir, env: gitTestEnv(), input },
  );
  assert.equal(result.status, 0, result.stderr.toString());

  const fields: Buffer[] = [];
  let start = 0;
  for (let end = result.stdout.indexOf(0); end >= 0; end = result.stdout.indexOf(0, start)) {
    fields.push(result.stdout.subarray(start, end));
    start = end + 1;
  }
  const values = new Map<string, Record<string, string>>();
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const key = (fields[i] as Buffer).toString('hex');
    const record = values.get(key) ?? {};
    record[(fields[i + 1] as Buffer).toString()] = (fields[i + 2] as Buffer).toString();
    values.set(key, record);
  }
  return values;
}

describe('AttributeReader literal prefilter', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  for (const ignoreCase of [false, true]) {
    it(`matches git with ignoreCase ${ignoreCase}`, async () => {
      repo = createTempRepo();
      repo.write('.gitattributes', `${LITERAL_ATTRIBUTES.join('\n')}\n`);
      repo.git(['add', '-A']);
      const input = `${LITERAL_PATHS.join('\0')}\0`;
      const config = ['-c', `core.ignoreCase=${ignoreCase}`];
      const output = repo.git(
        [...config, 'check-attr', '--cached', '-z', '--stdin', ...LITERAL_NAMES],
        {
          input,
        },
      );
      const expected = parseCheckAttr(output.split('\0'));
      const reader = new AttributeReader(gitAttributeSource(repo), {
        infoAttributesPath: path.join(repo.dir, '.git', 'info', 'attributes'),
        ignoreCase,
      });

      for (const file of LITERAL_PATHS) {
        const actual = await reader.read(file, LITERAL_NAMES);
        for (const name of LITERAL_NAMES) {
          assert.equal(actual[name], expected.get(file)?.[name], `${file}: ${name}`);
        }
      }
    });
  }
});

describe('AttributeReader on path bytes', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  it('matches git check-attr on non-UTF-8 names', async () => {
    repo = createTempRepo();
    writeByteFixture(repo);
    const expected = gitCheckAttrBytes(repo);
    const reader = new AttributeReader(gitAttributeSource(repo), {
      infoAttributesPath: path.join(repo.dir, '.git', 'info', 'attributes'),
    });

    for (const name of BYTE_PATHS) {
      const actual = await reader.read(decodeGitPath(name), BYTE_NAMES);
      for (const attribute of BYTE_NAMES) {
        const want = expected.get(name.toString('hex'))?.[attribute];
        assert.equal(actual[attribute], want, `${quoteGitPath(decodeGitPath(name))}: ${attribute}`);
      }
    }
  });

  it('matches pattern bytes and counts ? per byte', async () => {
    repo = createTempRepo();
    writeByteFixture(repo);
    const reader = new AttributeReader(gitAttributeSource(repo), {
      infoAttributesPath: path.join(repo.dir, '.git', 'info', 'attributes'),
    });
    const read = (name: Buffer, attribute: string) =>
      reader.read(decodeGitPath(name), [attribute]).then((values) => values[attribute]);

    assert.equal(await read(BYTE_PATHS[0] as Buffer, 'latin'), 'set', 'gen<e9>.txt');
    assert.equal(await read(BYTE_PATHS[1] as Buffer, 'latin'), 'unspecified', 'gen<c3 a9>.txt');
    assert.equal(await read(BYTE_PATHS[2] as Buffer, 'one-byte'), 'unspecified', 'g<c3 a9>.md');
    assert.equal(await read(BYTE_PATHS[3] as Buffer, 'two-bytes'), 'set', 'h<c3 a9>.md');
    assert.equal(await read(BYTE_PATHS[4] as Buffer, 'one-byte'), 'set', 'g<e9>.md');
    assert.equal(await read(BYTE_PATHS[5] as Buffer, 'two-bytes'), 'unspecified', 'h<e9>.md');
    assert.equal(await read(BYTE_PATHS[6] as Buffer, 'quoted'), 'set', 'q<e9>.bin');
    assert.equal(await read(BYTE_PATHS[8] as Buffer, 'under-latin'), 'set', 'sub/<e9>/a.js');
    assert.equal(await read(BYTE_PATHS[9] as Buffer, 'under-latin'), 'unspecified');
    assert.equal(await read(BYTE_PATHS[10] as Buffer, 'high'), 'set', '<e9>x.c');
  });

  it('folds ASCII case only under core.ignoreCase', async () => {
    repo = createTempRepo();
    writeByteFixture(repo);
    const expected = gitCheckAttrBytes(repo, ['-c', 'core.ignoreCase=true']);
    const reader = new AttributeReader(gitAttributeSource(repo), {
      infoAttributesPath: path.join(repo.dir, '.git', 'info', 'attributes'),
      ignoreCase: true,
    });

    for (const name of BYTE_PATHS) {
      const actual = await reader.read(decodeGitPath(name), BYTE_NAMES);
      for (const attribute of BYTE_NAMES) {
        const want = expected.get(name.toString('hex'))?.[attribute];
        assert.equal(actual[attribute], want, `${quoteGitPath(decodeGitPath(name))}: ${attribute}`);
      }
    }
    const upperG = BYTE_PATHS[11] as Buffer;
    const upperE = BYTE_PATHS[12] as Buffer;
    assert.equal((await reader.read(decodeGitPath(upperG), ['one-byte']))['one-byte'], 'set');
    assert.equal((await reader.read(decodeGitPath(upperE), ['latin']))['latin'], 'unspecified');
  });

  it('reads byte patterns through both readers', async () => {
    repo = createTempRepo();
    writeByteFixture(repo);
    const expected = gitCheckAttrBytes(repo);

    for (const readerName of ['native', 'cli'] as const) {
      const reader = await openRepository({
        cwd: repo.dir,
        env: { ...gitTestEnv(), FOOTPRINT_READER: readerName },
      });
      try {
        for (const name of BYTE_PATHS.slice(0, 11)) {
          assert.deepEqual(
            await reader.readAttributes(decodeGitPath(name), BYTE_NAMES),
            expected.get(name.toString('hex')),
            `${readerName} ${quoteGitPath(decodeGitPath(name))}`,
          );
        }
      } finally {
        await reader.close();
      }
    }
  });
});

/** Where a user-wide attributes file lives, and the environment and config that name it. */
interface UserWideCase {
  name: string;
  /** File relative to the fake home folder. */
  file: string;
  env: (home: string) => Record<string, string>;
  attributesFile?: string;
  /** Subfolder of the worktree the repository is opened from. */
  cwd?: string;
}

const USER_WIDE_CASES: readonly UserWideCase[] = [
  { name: 'default under HOME', file: '.config/git/attributes', env: (home) => ({ HOME: home }) },
  {
    name: 'XDG_CONFIG_HOME',
    file: 'xdg/git/attributes',
    env: (home) => ({ HOME: home, XDG_CONFIG_HOME: path.join(home, 'xdg') }),
  },
  {
    name: 'core.attributesFile under ~/',
    file: 'my-attributes',
    env: (home) => ({ HOME: home }),
    attributesFile: '~/my-attributes',
  },
  {
    name: 'a relative core.attributesFile',
    file: 'relative-attributes',
    env: (home) => ({ HOME: home }),
    attributesFile: 'home/relative-attributes',
    cwd: 'sub',
  },
];

describe('AttributeReader user-wide file', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  for (const userWide of USER_WIDE_CASES) {
    it(`reads it from ${userWide.name}`, async () => {
      repo = createTempRepo();
      const home = path.join(repo.dir, 'home');
      repo.write(path.join('home', userWide.file), '*.md -diff\n');
      if (userWide.attributesFile !== undefined) {
        repo.git(['config', 'core.attributesFile', userWide.attributesFile]);
      }
      repo.write('a.md', 'a\n');
      repo.write('sub/b.md', 'b\n');
      repo.git(['add', 'a.md']);
      const env = userWide.env(home);
      assert.match(repo.git(['check-attr', '--cached', 'diff', '--', 'a.md'], { env }), /unset/);

      for (const readerName of ['native', 'cli'] as const) {
        const reader = await openRepository({
          cwd: path.join(repo.dir, userWide.cwd ?? ''),
          env: { ...gitTestEnv(env), FOOTPRINT_READER: readerName },
        });
        try {
          assert.deepEqual(await reader.readAttributes('a.md', ['diff']), { diff: 'unset' });
        } finally {
          await reader.close();
        }
      }
    });
  }
});

/** Lines of an injected system-wide file: a macro, and rules that later files override. */
const SYSTEM_LINES = [
  '[attr]vendored linguist-vendored -diff',
  '*.min.js vendored',
  '*.md -diff',
  '*.txt owner=system',
  '*.sys owner=system',
  'override.md diff=system',
];
const USER_LINES = ['*.txt owner=user', 'user.sys owner=user'];
const SYSTEM_PATHS = ['app.min.js', 'a.md', 'override.md', 'a.txt', 'kept.sys', 'user.sys'];
const SYSTEM_NAMES = ['linguist-vendored', 'diff', 'owner'];

/** Writes a system file and a user file in the git directory, and a root `.gitattributes`. */
function writeSystemFixture(repo: TempRepo): { system: string; user: string } {
  const system = path.join(repo.dir, '.git', 'fake-etc', 'gitattributes');
  const user = path.join(repo.dir, '.git', 'fake-home', 'attributes');
  mkdirSync(path.dirname(system), { recursive: true });
  mkdirSync(path.dirname(user), { recursive: true });
  writeFileSync(system, `${SYSTEM_LINES.join('\n')}\n`);
  writeFileSync(user, `${USER_LINES.join('\n')}\n`);
  repo.write('.gitattributes', 'override.md diff=repo\n');
  for (const file of SYSTEM_PATHS) repo.write(file, 'x\n');
  repo.git(['add', '-A']);
  return { system, user };
}

/**
 * Returns `git check-attr --cached` values with `core.attributesFile` set to the system lines
 * followed by the user lines. git 2.39 reads its system file from a path fixed when git was
 * built. The test puts the system lines at the start of the user-wide file instead, which git
 * reads right above the system file and with macros allowed, as it reads the system file.
 */
function gitCheckAttrWithSystem(repo: TempRepo): Map<string, Record<string, string>> {
  const combined = path.join(repo.dir, '.git', 'fake-home', 'system-then-user');
  writeFileSync(combined, [...SYSTEM_LINES, ...USER_LINES, ''].join('\n'));
  const input = `${SYSTEM_PATHS.join('\0')}\0`;
  const args = ['-c', `core.attributesFile=${combined}`, 'check-attr', '--cached', '-z'];
  const output = repo.git([...args, '--stdin', ...SYSTEM_NAMES], { input }).split('\0');
  return parseCheckAttr(output);
}

describe('AttributeReader system-wide file', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  it('defaults to /etc/gitattributes', () => {
    assert.equal(findSystemAttributesFile({}), '/etc/gitattributes');
  });

  const SWITCHES: Array<[string, boolean]> = [
    ['1', false],
    ['true', false],
    ['YES', false],
    ['on', false],
    ['2', false],
    ['0', true],
    ['false', true],
    ['off', true],
    ['', true],
  ];
  for (const [value, read] of SWITCHES) {
    it(`GIT_ATTR_NOSYSTEM='${value}' ${read ? 'keeps' : 'skips'} it`, () => {
      const found = findSystemAttributesFile({ GIT_ATTR_NOSYSTEM: value }, '/x/gitattributes');
      assert.equal(found, read ? '/x/gitattributes' : null);
    });
  }

  it('rejects GIT_ATTR_NOSYSTEM=maybe as git does', () => {
    repo = createTempRepo();
    const env = { GIT_ATTR_NOSYSTEM: 'maybe' };
    const git = repo.gitResult(['check-attr', 'diff', '--', 'a.md'], { env });
    assert.equal(git.status, 128, 'git stops on the value');

    assert.throws(
      () => findSystemAttributesFile(env),
      (error: unknown) =>
        isUserError(error) && /GIT_ATTR_NOSYSTEM has the invalid value 'maybe'/.test(error.message),
    );
  });

  it('reads it below the user-wide file', async () => {
    repo = createTempRepo();
    const { system, user } = writeSystemFixture(repo);
    const expected = gitCheckAttrWithSystem(repo);
    const reader = new AttributeReader(gitAttributeSource(repo), {
      infoAttributesPath: path.join(repo.dir, '.git', 'info', 'attributes'),
      globalAttributesPath: user,
      systemAttributesPath: findSystemAttributesFile({}, system),
    });

    for (const file of SYSTEM_PATHS) {
      assert.deepEqual(await reader.read(file, SYSTEM_NAMES), expected.get(file), file);
    }
    assert.equal(expected.get('a.txt')?.['owner'], 'user', 'the user-wide file wins');
    assert.equal(expected.get('kept.sys')?.['owner'], 'system', 'the system file applies');
    assert.equal(expected.get('override.md')?.['diff'], 'repo', '.gitattributes wins');
    assert.equal(expected.get('app.min.js')?.['linguist-vendored'], 'set', 'its macro expands');
  });

  it('reads nothing with GIT_ATTR_NOSYSTEM=1', async () => {
    repo = createTempRepo();
    const { system } = writeSystemFixture(repo);
    const reader = new AttributeReader(gitAttributeSource(repo), {
      infoAttributesPath: path.join(repo.dir, '.git', 'info', 'attributes'),
      systemAttributesPath: findSystemAttributesFile({ GIT_ATTR_NOSYSTEM: '1' }, system),
    });

    assert.deepEqual(await reader.read('kept.sys', SYSTEM_NAMES), {
      'linguist-vendored': 'unspecified',
      diff: 'unspecified',
      owner: 'unspecified',
    });
  });

  it('makes both readers check GIT_ATTR_NOSYSTEM', async () => {
    repo = createTempRepo();
    repo.write('a.md', 'a\n');
    repo.git(['add', '-A']);

    for (const readerName of ['native', 'cli'] as const) {
      const env = { ...gitTestEnv(), FOOTPRINT_READER: readerName, GIT_ATTR_NOSYSTEM: 'maybe' };
      await assert.rejects(
        openRepository({ cwd: repo.dir, env }),
        (error: unknown) => isUserError(error) && /GIT_ATTR_NOSYSTEM/.test(error.message),
        readerName,
      );
    }
  });
});
