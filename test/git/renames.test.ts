import assert from 'node:assert/strict';
import { appendFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';

import { readGitConfig } from '../../src/git/config.js';
import { discoverRepository } from '../../src/git/discover.js';
import {
  detectRenames,
  renameOptionsFromConfig,
  type RenameOptions,
} from '../../src/git/renames.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { gitBytes } from './fixtures.js';
import { gitDiffCached, installedGitRenameOptions } from './staged-expect.js';

/** Reads blobs and sizes with git itself, so only the pairing is under test. */
function gitContent(repo: TempRepo) {
  return {
    readBlob: async (oid: string) => gitBytes(repo.dir, ['cat-file', 'blob', oid]),
    readObjectSize: async (oid: string) => Number(repo.git(['cat-file', '-s', oid]).trim()),
  };
}

/** Runs detectRenames on git's rename-free diff and returns it with git's own `-M`/`-C` result. */
async function compareWithGit(
  repo: TempRepo,
  options: Partial<RenameOptions> = {},
  gitOptions: string[] = [],
) {
  const copies = options.copies ?? false;
  const plain = gitDiffCached({ cwd: repo.dir }, ['--no-renames']);
  const actual = await detectRenames(plain, gitContent(repo), {
    copies,
    renameLimit: 1000,
    ...installedGitRenameOptions(),
    ...options,
  });
  const expected = gitDiffCached({ cwd: repo.dir }, [copies ? '-C' : '-M', ...gitOptions]);
  return { actual, expected };
}

/** `count` lines of equal length, each unique to `prefix`. */
function fixedLines(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}\n`);
}

function commit(repo: TempRepo, files: Record<string, string | Buffer>): void {
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base']);
}

function remove(repo: TempRepo, ...files: string[]): void {
  for (const file of files) rmSync(path.join(repo.dir, file));
}

describe('detectRenames', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  for (const sharedLines of [49, 50, 51]) {
    it(`matches git at ${sharedLines}% similarity`, async () => {
      repo = createTempRepo();
      const original = fixedLines('old', 100);
      commit(repo, { 'before.txt': original.join('') });
      remove(repo, 'before.txt');
      repo.write(
        'after.txt',
        [...original.slice(0, sharedLines), ...fixedLines('new', 100 - sharedLines)].join(''),
      );
      repo.git(['add', '-A']);

      const { actual, expected } = await compareWithGit(repo);

      assert.deepEqual(actual, expected);
      assert.equal(actual[0]?.status, sharedLines >= 50 ? 'renamed' : 'added');
    });
  }

  it('pairs identical candidates as git does', async () => {
    repo = createTempRepo();
    const content = fixedLines('same', 10).join('');
    commit(repo, { 'a/one.txt': content, 'b/two.txt': content, 'c/other.txt': `${content}x\n` });
    remove(repo, 'a/one.txt', 'b/two.txt', 'c/other.txt');
    repo.write('d/two.txt', content);
    repo.write('e/three.txt', content);
    repo.write('f/four.txt', content);
    repo.git(['add', '-A']);

    const { actual, expected } = await compareWithGit(repo);

    assert.deepEqual(actual, expected);
    assert.equal(actual.find((entry) => entry.path === 'd/two.txt')?.oldPath, 'b/two.txt');
  });

  it('breaks score ties by basename and order', async () => {
    repo = createTempRepo();
    const base = fixedLines('tie', 40);
    commit(repo, {
      'x/a.txt': base.join(''),
      'y/b.txt': base.join('').replace('tie-0001', 'tie-000X'),
    });
    remove(repo, 'x/a.txt', 'y/b.txt');
    repo.write('z/a.txt', base.join('').replace('tie-0002', 'tie-000Y'));
    repo.write('z/c.txt', base.join('').replace('tie-0003', 'tie-000Z'));
    repo.git(['add', '-A']);

    const { actual, expected } = await compareWithGit(repo);

    assert.deepEqual(actual, expected);
  });

  it('prefers same basename at 75%', async () => {
    repo = createTempRepo();
    const original = fixedLines('doc', 100);
    commit(repo, { 'old/readme.md': original.join('') });
    remove(repo, 'old/readme.md');
    repo.write('new/readme.md', [...original.slice(0, 80), ...fixedLines('chg', 20)].join(''));
    repo.write('new/other.md', [...original.slice(0, 97), ...fixedLines('edt', 3)].join(''));
    repo.git(['add', '-A']);

    const { actual, expected } = await compareWithGit(repo);

    assert.deepEqual(actual, expected);
    assert.equal(actual.find((entry) => entry.status === 'renamed')?.path, 'new/readme.md');
  });

  it('handles CRLF in text and binary', async () => {
    repo = createTempRepo();
    const text = fixedLines('crlf', 30).join('');
    const binary = Buffer.concat([
      Buffer.from([0, 1, 2, 3]),
      Buffer.from(text.replace(/\n/g, '\r\n')),
    ]);
    commit(repo, { 'unix.txt': text, 'blob.bin': binary });
    remove(repo, 'unix.txt', 'blob.bin');
    repo.write('dos.txt', text.replace(/\n/g, '\r\n'));
    repo.write('blob-lf.bin', Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(text)]));
    repo.git(['add', '-A']);

    const { actual, expected } = await compareWithGit(repo);

    assert.deepEqual(actual, expected);
  });

  it('matches git on small and empty files', async () => {
    repo = createTempRepo();
    commit(repo, {
      'one.txt': 'a\n',
      'two.txt': 'hello\n',
      'empty.txt': '',
      'short.txt': 'ab\ncd\n',
    });
    remove(repo, 'one.txt', 'two.txt', 'empty.txt', 'short.txt');
    repo.write('uno.txt', 'b\n');
    repo.write('dos.txt', 'hello\n');
    repo.write('vacio.txt', '');
    repo.write('corto.txt', 'ab\nce\n');
    repo.git(['add', '-A']);

    const { actual, expected } = await compareWithGit(repo);

    assert.deepEqual(actual, expected);
  });

  it('pairs symlinks only when unchanged', async () => {
    repo = createTempRepo();
    symlinkSync('target-one', path.join(repo.dir, 'link-a'));
    symlinkSync('target-two', path.join(repo.dir, 'link-b'));
    commit(repo, {});
    remove(repo, 'link-a', 'link-b');
    symlinkSync('target-one', path.join(repo.dir, 'moved-a'));
    symlinkSync('target-two-edited', path.join(repo.dir, 'moved-b'));
    repo.git(['add', '-A']);

    const { actual, expected } = await compareWithGit(repo);

    assert.deepEqual(actual, expected);
    assert.deepEqual(
      actual.map((entry) => entry.status),
      ['deleted', 'renamed', 'added'],
    );
  });

  it('skips inexact pairing past the rename limit', async () => {
    repo = createTempRepo();
    commit(repo, {
      'a.txt': fixedLines('a', 20).join(''),
      'b.txt': fixedLines('b', 20).join(''),
      'c.txt': 'exact\n',
    });
    remove(repo, 'a.txt', 'b.txt', 'c.txt');
    repo.write('a2.txt', fixedLines('a', 19).join(''));
    repo.write('b2.txt', fixedLines('b', 19).join(''));
    repo.write('c2.txt', 'exact\n');
    repo.git(['add', '-A']);

    const { actual, expected } = await compareWithGit(repo, { renameLimit: 1 }, ['-l1']);

    assert.deepEqual(actual, expected);
    assert.deepEqual(
      actual.filter((entry) => entry.status === 'renamed').map((entry) => entry.path),
      ['c2.txt'],
    );
  });

  it('finds copies of modified and deleted files', async () => {
    repo = createTempRepo();
    const template = fixedLines('template', 30);
    commit(repo, {
      'src/template.ts': template.join(''),
      'src/gone.ts': fixedLines('gone', 30).join(''),
    });
    repo.write('src/template.ts', [...template.slice(0, 29), 'edited\n'].join(''));
    repo.write('src/copy.ts', [...template.slice(1), 'copy\n'].join(''));
    remove(repo, 'src/gone.ts');
    repo.write('lib/gone-a.ts', fixedLines('gone', 30).join(''));
    repo.write('lib/gone-b.ts', fixedLines('gone', 29).join(''));
    repo.git(['add', '-A']);

    const { actual, expected } = await compareWithGit(repo, { copies: true });

    assert.deepEqual(actual, expected);
    assert.deepEqual(
      actual.map((entry) => [entry.path, entry.status]),
      [
        ['lib/gone-a.ts', 'copied'],
        ['lib/gone-b.ts', 'renamed'],
        ['src/copy.ts', 'copied'],
        ['src/template.ts', 'modified'],
      ],
    );
  });

  it('scores unterminated last line like git', async () => {
    repo = createTempRepo();
    const body = fixedLines('body', 11).join('');
    commit(repo, {
      'no-final-lf': `a\n${body}git drops up to 63 trailing bytes without a newline`,
    });
    remove(repo, 'no-final-lf');
    repo.write(
      'still-no-final-lf',
      `b\n${body}git drops up to 63 trailing bytes without a newline`,
    );
    repo.git(['add', '-A']);

    const { actual, expected } = await compareWithGit(repo);

    assert.deepEqual(actual, expected);
  });

  it('matches git on generated changes', async () => {
    repo = createTempRepo();
    for (let seed = 1; seed <= 24; seed++) {
      const copies = seed % 3 === 0;
      const generated = createTempRepo();
      try {
        buildRandomChange(generated, seed);
        const { actual, expected } = await compareWithGit(generated, { copies });
        assert.deepEqual(actual, expected, `seed ${seed}`);
      } finally {
        generated.cleanup();
      }
    }
  });
});

const MOVED = ['a.ts modified', 'c.ts renamed', 'copy.ts added'];
const COPIED = ['a.ts modified', 'c.ts renamed', 'copy.ts copied'];
const APART = ['a.ts modified', 'b.ts deleted', 'c.ts added', 'copy.ts added'];

/** `diff.renames` lines of .git/config, with the entries `git diff --cached` then reports. */
const RENAME_SETTINGS: Array<[setting: string, entries: string[]]> = [
  ['', MOVED],
  ['renames = false', APART],
  ['renames = off', APART],
  ['renames = 0', APART],
  ['renames = true', MOVED],
  ['renames', MOVED],
  ['renames = Copy', COPIED],
  ['renames = COPIES', COPIED],
];

describe('renameOptionsFromConfig', () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  for (const [setting, entries] of RENAME_SETTINGS) {
    it(`follows git for "${setting}"`, async () => {
      repo = createTempRepo();
      const template = fixedLines('template', 30);
      commit(repo, { 'a.ts': template.join(''), 'b.ts': fixedLines('moved', 30).join('') });
      repo.write('a.ts', [...template.slice(0, 29), 'edited\n'].join(''));
      repo.write('copy.ts', template.join(''));
      remove(repo, 'b.ts');
      repo.write('c.ts', fixedLines('moved', 30).join(''));
      repo.git(['add', '-A']);
      if (setting !== '')
        appendFileSync(path.join(repo.dir, '.git', 'config'), `[diff]\n${setting}\n`);

      const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
      const options = renameOptionsFromConfig(await readGitConfig(layout));
      const plain = gitDiffCached({ cwd: repo.dir }, ['--no-renames']);
      const actual = await detectRenames(plain, gitContent(repo), {
        ...options,
        ...installedGitRenameOptions(),
      });
      const expected = gitDiffCached({ cwd: repo.dir }, []);

      assert.deepEqual(actual, expected);
      assert.deepEqual(
        actual.map((entry) => `${entry.path} ${entry.status}`),
        entries,
      );
    });
  }

  it('rejects a value git rejects', async () => {
    repo = createTempRepo();
    repo.git(['config', 'diff.renames', 'sometimes']);
    const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
    const config = await readGitConfig(layout);

    assert.throws(
      () => renameOptionsFromConfig(config),
      /Invalid value "sometimes" for diff\.renames/,
    );
    assert.notEqual(repo.gitResult(['diff', '--cached']).status, 0);
  });
});

/** A deterministic pseudo-random generator (linear congruential), for reproducible cases. */
function random(seed: number): () => number {
  let state = seed * 7919;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'eps', 'zeta', 'eta', 'theta'];

/**
 * Commits random files, then deletes, moves, edits and copies some of them, with same and
 * different basenames, CRLF and NUL bytes, so that renames, copies and ties all occur.
 */
function buildRandomChange(repo: TempRepo, seed: number): void {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const line = () =>
    Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(WORDS)).join(' ');
  const folders = ['', 'a/', 'b/', 'a/c/'];
  const files = new Map<string, string>();

  for (let i = 0; i < 3 + Math.floor(next() * 10); i++) {
    const name = `${pick(folders)}${next() < 0.5 ? `f${i}` : `${pick(['x', 'y', 'z'])}${i % 3}`}.txt`;
    let text = Array.from({ length: Math.floor(next() * 30) }, line).join(
      next() < 0.2 ? '\r\n' : '\n',
    );
    if (next() < 0.8) text += '\n';
    if (next() < 0.1) text = `${text.slice(0, 3)}\0${text.slice(3)}`;
    files.set(name, text);
  }
  for (const [name, text] of files) repo.write(name, text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base']);

  const edit = (text: string) => {
    const out = text.split('\n');
    for (let k = Math.floor(next() * (out.length + 1)); k > 0; k--) {
      const at = Math.floor(next() * out.length);
      if (next() < 0.5) out[at] = line();
      else out.splice(at, 0, line());
    }
    return out.join('\n');
  };
  for (const [name, text] of files) {
    const roll = next();
    const target = `${pick(folders)}${next() < 0.5 ? path.basename(name) : `n${Math.floor(next() * 100)}.txt`}`;
    if (roll < 0.3) {
      rmSync(path.join(repo.dir, name));
      repo.write(target, next() < 0.3 ? text : edit(text));
    } else if (roll < 0.45) {
      rmSync(path.join(repo.dir, name));
    } else if (roll < 0.6) {
      repo.write(name, edit(text));
      if (next() < 0.5) repo.write(target, edit(text));
    } else if (roll < 0.7) {
      repo.write(target, next() < 0.5 ? text : edit(text));
    }
  }
  repo.git(['add', '-A']);
}
