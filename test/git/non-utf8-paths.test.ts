import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, it } from 'node:test';

import { encodeGitPath } from '../../src/git/path-bytes.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { gitOutput, gitWriteTree, readStaged } from './staged-expect.js';

// Names in Latin-1, as old repositories contain them. None of these bytes is valid UTF-8.
const RESUME = Buffer.from('r\xe9sum\xe9.txt', 'latin1');
const CAFE_FOLDER = Buffer.from('caf\xe9', 'latin1');
const NAIVE = Buffer.from('na\xefve.md', 'latin1');

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Joins name bytes with `/`, as a path relative to the worktree root. */
function bytePath(...parts: (Buffer | string)[]): Buffer {
  const separated = parts.flatMap((part, position) => [
    ...(position > 0 ? [Buffer.from('/')] : []),
    Buffer.isBuffer(part) ? part : Buffer.from(part),
  ]);
  return Buffer.concat(separated);
}

/** Writes a file whose path is given as bytes; node passes a Buffer path to the OS as is. */
function writeBytePath(created: TempRepo, relative: Buffer, content: string): void {
  const full = Buffer.concat([Buffer.from(`${created.dir}/`), relative]);
  mkdirSync(full.subarray(0, full.lastIndexOf(0x2f)), { recursive: true });
  writeFileSync(full, content);
}

/** Removes from the index every path whose bytes are not all ASCII, the way `git rm --cached` does. */
function unstageNonAsciiPaths(created: TempRepo): void {
  const listed = gitOutput({ cwd: created.dir }, ['ls-files', '-z']);
  const nonAscii = splitNul(listed).filter((bytes) => bytes.some((byte) => byte > 0x7f));
  assert.equal(nonAscii.length, 3);
  const input = Buffer.concat(nonAscii.flatMap((bytes) => [bytes, Buffer.from([0])]));
  created.git(['update-index', '--force-remove', '-z', '--stdin'], { input });
}

function splitNul(output: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let end = output.indexOf(0); end >= 0; end = output.indexOf(0, start)) {
    parts.push(output.subarray(start, end));
    start = end + 1;
  }
  return parts;
}

/** Returns the staged paths as git lists them with `-z`: raw bytes, sorted as git sorts. */
function gitStagedPaths(created: TempRepo): Buffer[] {
  return splitNul(gitOutput({ cwd: created.dir }, ['diff', '--cached', '--name-only', '-z']));
}

/** Makes a commit holding Latin-1 names in the root and under a Latin-1 folder. */
function commitLatin1Names(): TempRepo {
  const created = createTempRepo();
  writeBytePath(created, RESUME, 'cv\n');
  writeBytePath(created, bytePath(CAFE_FOLDER, 'menu.txt'), 'soup\n');
  writeBytePath(created, bytePath('docs', NAIVE), 'note\n');
  created.write('README.md', 'hello\n');
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);
  return created;
}

interface Case {
  name: string;
  readers: ('native' | 'cli')[];
  /** Stages a change in the repository commitLatin1Names made. */
  stage(created: TempRepo): void;
}

const CASES: Case[] = [
  {
    name: 'untouched names beside a staged edit',
    readers: ['native', 'cli'],
    stage(created) {
      created.write('README.md', 'hello\nchange\n');
      created.git(['add', 'README.md']);
    },
  },
  {
    name: 'staged edits under Latin-1 names',
    readers: ['native', 'cli'],
    stage(created) {
      writeBytePath(created, RESUME, 'cv\nmore\n');
      writeBytePath(created, bytePath(CAFE_FOLDER, 'menu.txt'), 'soup\nbread\n');
      writeBytePath(created, bytePath('docs', NAIVE), 'note\nmore\n');
      created.git(['add', '-A']);
    },
  },
  {
    name: 'new file under a Latin-1 folder',
    readers: ['native', 'cli'],
    stage(created) {
      writeBytePath(created, bytePath(CAFE_FOLDER, 'wine.txt'), 'red\n');
      created.git(['add', '-A']);
    },
  },
  {
    name: 'every Latin-1 name deleted',
    // The names come from HEAD's trees only.
    readers: ['native', 'cli'],
    stage(created) {
      unstageNonAsciiPaths(created);
    },
  },
];

describe('readers on paths that are not UTF-8', () => {
  for (const testCase of CASES) {
    for (const reader of testCase.readers) {
      it(`${reader} reads ${testCase.name}`, async () => {
        repo = commitLatin1Names();
        testCase.stage(repo);
        // An unstaged edit must not show up.
        writeBytePath(repo, RESUME, 'unstaged edit\n');
        const context = { cwd: repo.dir };

        const { change, choice } = await readStaged(reader, context);

        assert.equal(choice.reader, reader);
        const expected = gitStagedPaths(repo);
        assert.ok(expected.length > 0);
        const paths = change.entries.map((entry) => encodeGitPath(entry.path));
        assert.deepEqual(
          paths.map((bytes) => bytes.toString('hex')),
          expected.map((bytes) => bytes.toString('hex')),
        );
        const writeTree = gitWriteTree(context);
        assert.match(writeTree ?? '', /^[0-9a-f]{40}$/);
        assert.equal(change.stagedTree, writeTree);
      });
    }
  }
});
