import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { ChangeStatus, InProgressOperation } from '../../src/git/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import type { ReadContext } from './staged-expect.js';

/** A repository state built with the git command line, and what it must show. */
export interface Situation {
  name: string;
  /** Builds the state in `repo`; returns where to read it. */
  build(repo: TempRepo): ReadContext;
  /** Facts of the state that the readers must report. */
  expect: {
    operation?: InProgressOperation | null;
    unborn?: boolean;
    detached?: boolean;
    unmerged?: string[];
    intentToAdd?: string[];
    /** Statuses the staged change must contain, so the state tests what it claims to. */
    statuses?: ChangeStatus[];
  };
}

/** Creates a repository, builds the situation in it and returns both; the caller cleans up. */
export function buildSituation(situation: Situation): { repo: TempRepo; context: ReadContext } {
  const repo = createTempRepo();
  try {
    return { repo, context: situation.build(repo) };
  } catch (error) {
    repo.cleanup();
    throw error;
  }
}

function lines(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${prefix} line ${i + 1}\n`).join('');
}

/** Moves a staged path with `git mv`, creating the destination folder, which git mv requires. */
function move(repo: TempRepo, from: string, to: string): void {
  mkdirSync(path.dirname(path.join(repo.dir, to)), { recursive: true });
  repo.git(['mv', from, to]);
}

function commitAll(repo: TempRepo, message: string): void {
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', message]);
}

/** Commits `base` on main and conflicting edits of conflict.txt on `side` and main. */
function prepareConflict(repo: TempRepo): void {
  repo.write('conflict.txt', lines('base', 10));
  repo.write('shared/keep.txt', lines('keep', 5));
  commitAll(repo, 'base');
  repo.git(['checkout', '-q', '-b', 'side']);
  repo.write('conflict.txt', lines('side', 10));
  repo.write('side-only.txt', lines('side only', 3));
  commitAll(repo, 'side change');
  repo.git(['checkout', '-q', 'main']);
  repo.write('conflict.txt', lines('main', 10));
  repo.write('shared/keep.txt', lines('keep main', 5));
  commitAll(repo, 'main change');
}

export const SITUATIONS: readonly Situation[] = [
  {
    name: 'first-commit',
    build(repo) {
      repo.write('README.md', '# project\n');
      repo.write('src/index.ts', 'export const value = 1;\n');
      repo.write('src/lib/util.ts', lines('util', 20));
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { unborn: true, detached: false, operation: null, statuses: ['added'] },
  },
  {
    name: 'detached-head',
    build(repo) {
      repo.write('a.txt', lines('a', 10));
      commitAll(repo, 'one');
      repo.write('a.txt', lines('a2', 10));
      commitAll(repo, 'two');
      repo.git(['checkout', '-q', '--detach', 'HEAD~1']);
      repo.write('a.txt', lines('detached', 10));
      repo.write('b/new.txt', 'new\n');
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { detached: true, operation: null, statuses: ['modified', 'added'] },
  },
  {
    name: 'merge-conflict',
    build(repo) {
      prepareConflict(repo);
      repo.gitResult(['merge', 'side']);
      return { cwd: repo.dir };
    },
    expect: { operation: 'merge', unmerged: ['conflict.txt'], statuses: ['added'] },
  },
  {
    // git's `resolve` strategy leaves the edited file `a` unmerged beside the folder `a/` that
    // HEAD turned it into, so the index has a file and a folder of one name.
    name: 'file-folder-conflict',
    build(repo) {
      repo.write('a', lines('base', 3));
      commitAll(repo, 'base');
      repo.git(['checkout', '-q', '-b', 'side']);
      repo.write('a', lines('side', 3));
      repo.write('side-only.txt', lines('side only', 3));
      commitAll(repo, 'side edits a');
      repo.git(['checkout', '-q', 'main']);
      rmSync(path.join(repo.dir, 'a'));
      repo.write('a/x', lines('x', 2));
      repo.write('a/y', lines('y', 2));
      commitAll(repo, 'main turns a into a folder');
      repo.gitResult(['merge', '-s', 'resolve', 'side']);
      return { cwd: repo.dir };
    },
    expect: { operation: 'merge', unmerged: ['a'], statuses: ['added'] },
  },
  {
    name: 'merge-resolved',
    build(repo) {
      prepareConflict(repo);
      repo.gitResult(['merge', 'side']);
      repo.write('conflict.txt', lines('resolved', 10));
      repo.git(['add', 'conflict.txt']);
      return { cwd: repo.dir };
    },
    expect: { operation: 'merge', unmerged: [], statuses: ['added', 'modified'] },
  },
  {
    name: 'rebase-in-progress',
    build(repo) {
      prepareConflict(repo);
      repo.git(['checkout', '-q', 'side']);
      repo.gitResult(['rebase', 'main']);
      return { cwd: repo.dir };
    },
    expect: {
      operation: 'rebase',
      detached: true,
      unmerged: ['conflict.txt'],
      statuses: ['added'],
    },
  },
  {
    name: 'cherry-pick-in-progress',
    build(repo) {
      prepareConflict(repo);
      repo.gitResult(['cherry-pick', 'side']);
      return { cwd: repo.dir };
    },
    expect: { operation: 'cherry-pick', unmerged: ['conflict.txt'], statuses: ['added'] },
  },
  {
    name: 'revert-in-progress',
    build(repo) {
      repo.write('value.txt', lines('first', 5));
      commitAll(repo, 'first');
      repo.write('value.txt', lines('second', 5));
      commitAll(repo, 'second');
      repo.write('value.txt', lines('third', 5));
      repo.write('other.txt', 'other\n');
      commitAll(repo, 'third');
      repo.gitResult(['revert', '--no-edit', 'HEAD~1']);
      return { cwd: repo.dir };
    },
    expect: { operation: 'revert', unmerged: ['value.txt'] },
  },
  {
    name: 'renamed-files',
    build(repo) {
      repo.write('docs/guide.md', lines('guide', 40));
      repo.write('src/old-name.ts', lines('code', 30));
      repo.write('src/helpers/format.ts', lines('format', 25));
      repo.write('tools/run.sh', lines('run', 12));
      repo.write('lib/a/config.json', lines('config', 20));
      repo.write('lib/b/config.json', lines('other config', 20));
      commitAll(repo, 'base');
      move(repo, 'docs/guide.md', 'docs/manual.md');
      move(repo, 'src/old-name.ts', 'src/new-name.ts');
      repo.write('src/new-name.ts', lines('code', 30).replace('code line 3\n', 'changed line 3\n'));
      move(repo, 'src/helpers/format.ts', 'lib/format.ts');
      move(repo, 'tools/run.sh', 'scripts/run.sh');
      chmodSync(path.join(repo.dir, 'scripts/run.sh'), 0o755);
      move(repo, 'lib/a/config.json', 'lib/c/config.json');
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['renamed'] },
  },
  {
    name: 'copied-files',
    build(repo) {
      repo.git(['config', 'diff.renames', 'copies']);
      repo.write('src/template.ts', lines('template', 30));
      repo.write('src/base.css', lines('style', 20));
      commitAll(repo, 'base');
      repo.write('src/template.ts', lines('template', 30).replace('line 1\n', 'line one\n'));
      repo.write(
        'src/copy-of-template.ts',
        lines('template', 30).replace('line 2\n', 'line two\n'),
      );
      repo.write('src/base.css', lines('style', 20) + 'extra\n');
      repo.write('pages/base.css', lines('style', 20));
      repo.git(['add', '-A']);
      return { cwd: repo.dir, copies: true };
    },
    expect: { statuses: ['copied', 'modified'] },
  },
  {
    name: 'renames-disabled',
    build(repo) {
      repo.git(['config', 'diff.renames', 'false']);
      repo.write('src/old-name.ts', lines('code', 30));
      repo.write('docs/guide.md', lines('guide', 40));
      commitAll(repo, 'base');
      move(repo, 'src/old-name.ts', 'src/new-name.ts');
      move(repo, 'docs/guide.md', 'docs/manual.md');
      repo.write('docs/manual.md', lines('guide', 40).replace('guide line 2\n', 'step 2\n'));
      repo.git(['add', '-A']);
      return { cwd: repo.dir, renames: 'config' };
    },
    expect: { statuses: ['added', 'deleted'] },
  },
  {
    name: 'deleted-files',
    build(repo) {
      repo.write('keep.txt', 'keep\n');
      repo.write('gone.txt', lines('gone', 5));
      repo.write('old/a.txt', lines('a', 5));
      repo.write('old/deeper/b.txt', lines('b', 5));
      commitAll(repo, 'base');
      repo.git(['rm', '-q', 'gone.txt']);
      repo.git(['rm', '-q', '-r', 'old']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['deleted'] },
  },
  {
    name: 'mode-changed-files',
    build(repo) {
      repo.write('bin/tool.sh', '#!/bin/sh\necho tool\n');
      repo.write('bin/was-exec.sh', '#!/bin/sh\necho was\n', 0o755);
      commitAll(repo, 'base');
      chmodSync(path.join(repo.dir, 'bin/tool.sh'), 0o755);
      chmodSync(path.join(repo.dir, 'bin/was-exec.sh'), 0o644);
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['modified'] },
  },
  {
    name: 'symlinks',
    build(repo) {
      repo.write('target.txt', lines('target', 5));
      repo.write('becomes-link.txt', lines('plain', 5));
      symlinkSync('target.txt', path.join(repo.dir, 'link'));
      symlinkSync('target.txt', path.join(repo.dir, 'moved-link'));
      commitAll(repo, 'base');
      rmSync(path.join(repo.dir, 'link'));
      symlinkSync('elsewhere.txt', path.join(repo.dir, 'link'));
      rmSync(path.join(repo.dir, 'becomes-link.txt'));
      symlinkSync('target.txt', path.join(repo.dir, 'becomes-link.txt'));
      symlinkSync('../target.txt', path.join(repo.dir, 'new-link'));
      move(repo, 'moved-link', 'links/moved-link');
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['modified', 'type-changed', 'added', 'renamed'] },
  },
  {
    name: 'submodule-gitlinks',
    build(repo) {
      const library = createTempRepo();
      try {
        library.write('lib.txt', 'library\n');
        library.git(['add', '-A']);
        library.git(['commit', '-q', '-m', 'library']);
        repo.write('main.txt', 'main\n');
        commitAll(repo, 'base');
        repo.git([
          '-c',
          'protocol.file.allow=always',
          'submodule',
          'add',
          '-q',
          library.dir,
          'vendor/lib',
        ]);
        repo.git(['commit', '-q', '-m', 'add submodule']);

        library.write('lib.txt', 'library v2\n');
        library.git(['commit', '-q', '-a', '-m', 'v2']);
        const v2 = library.git(['rev-parse', 'HEAD']).trim();
        repo.git(['update-index', '--cacheinfo', `160000,${v2},vendor/lib`]);
        repo.git(['update-index', '--add', '--cacheinfo', `160000,${v2},vendor/pinned`]);
        return { cwd: repo.dir };
      } finally {
        library.cleanup();
      }
    },
    expect: { statuses: ['modified', 'added'] },
  },
  {
    name: 'binary-files',
    build(repo) {
      const binary = Buffer.alloc(4096, 0);
      for (let i = 0; i < binary.length; i++) binary[i] = (i * 31) % 256;
      repo.write('assets/logo.png', binary);
      repo.write('assets/data.bin', Buffer.concat([binary, Buffer.from('\r\ntrailer\r\n')]));
      repo.write('.gitattributes', '*.dat binary\n');
      repo.write('assets/text-as-binary.dat', lines('dat', 10));
      commitAll(repo, 'base');
      const edited = Buffer.from(binary);
      edited[100] = 0xff;
      repo.write('assets/logo.png', edited);
      move(repo, 'assets/data.bin', 'assets/moved.bin');
      repo.write(
        'assets/moved.bin',
        Buffer.concat([binary.subarray(0, 3900), Buffer.from('\r\nnew\r\n')]),
      );
      repo.write('assets/text-as-binary.dat', lines('dat', 11));
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['modified', 'renamed'] },
  },
  {
    name: 'lfs-pointers',
    build(repo) {
      const pointer = (oid: string, size: number) =>
        `version https://git-lfs.github.com/spec/v1\noid sha256:${oid.repeat(64 / oid.length)}\nsize ${size}\n`;
      repo.write('.gitattributes', '*.psd filter=lfs diff=lfs merge=lfs -text\n');
      repo.write('design/mockup.psd', pointer('ab', 123456));
      commitAll(repo, 'base');
      repo.write('design/mockup.psd', pointer('cd', 654321));
      repo.write('design/icons.psd', pointer('ef', 42));
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['modified', 'added'] },
  },
  {
    name: 'crlf-autocrlf',
    build(repo) {
      repo.write('raw/windows.txt', lines('crlf', 20).replace(/\n/g, '\r\n'));
      repo.write('.gitattributes', 'raw/** -text\n');
      commitAll(repo, 'base');
      repo.git(['config', 'core.autocrlf', 'true']);
      repo.write('converted.txt', lines('converted', 10).replace(/\n/g, '\r\n'));
      move(repo, 'raw/windows.txt', 'raw/renamed.txt');
      repo.write(
        'raw/renamed.txt',
        lines('crlf', 20).replace(/\n/g, '\r\n').replace('line 4', 'line four'),
      );
      move(repo, 'raw/renamed.txt', 'lf/renamed.txt');
      repo.write('lf/renamed.txt', lines('crlf', 20));
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['added', 'renamed'] },
  },
  {
    name: 'unusual-paths',
    build(repo) {
      repo.write('with space.txt', 'space\n');
      repo.write('quote"d.txt', 'quote\n');
      repo.write('tab\there.txt', 'tab\n');
      repo.write('back\\slash.txt', 'backslash\n');
      repo.write('ünïcödé/файл.txt', lines('unicode', 8));
      commitAll(repo, 'base');
      repo.write('new\nline.txt', 'newline\n');
      repo.write('sort-😀.txt', 'above U+FFFF\n');
      repo.write('sort-！.txt', 'between the surrogates and U+FFFF\n');
      repo.write('with space.txt', 'space changed\n');
      move(repo, 'ünïcödé/файл.txt', 'ünïcödé/ファイル.txt');
      repo.git(['rm', '-q', 'quote"d.txt']);
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['added', 'modified', 'renamed', 'deleted'] },
  },
  {
    name: 'intent-to-add',
    build(repo) {
      repo.write('tracked.txt', 'tracked\n');
      repo.write('empty.txt', '');
      commitAll(repo, 'base');
      repo.write('new.txt', 'not staged yet\n');
      repo.write('only-ita/file.txt', 'also not staged\n');
      repo.write('staged.txt', 'staged\n');
      repo.git(['add', '-N', 'new.txt', 'only-ita/file.txt']);
      repo.git(['add', 'staged.txt']);
      repo.git(['rm', '-q', '--cached', 'tracked.txt', 'empty.txt']);
      repo.git(['add', '-N', 'tracked.txt', 'empty.txt']);
      return { cwd: repo.dir };
    },
    expect: {
      intentToAdd: ['empty.txt', 'new.txt', 'only-ita/file.txt', 'tracked.txt'],
      statuses: ['added', 'deleted'],
    },
  },
  {
    name: 'sparse-checkout',
    build(repo) {
      repo.write('inside/a.txt', lines('inside', 5));
      repo.write('outside/b.txt', lines('outside', 5));
      repo.write('outside/deep/c.txt', lines('deep', 5));
      commitAll(repo, 'base');
      repo.git(['sparse-checkout', 'set', '--cone', 'inside']);
      repo.write('inside/a.txt', lines('inside changed', 5));
      repo.git(['add', 'inside/a.txt']);
      const blob = repo
        .git(['hash-object', '-w', '--stdin'], { input: 'staged outside the cone\n' })
        .trim();
      repo.git(['update-index', '--cacheinfo', `100644,${blob},outside/b.txt`]);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['modified'] },
  },
  {
    name: 'very-large-file',
    build(repo) {
      const big = Buffer.alloc(24 * 1024 * 1024);
      for (let i = 0; i < big.length; i += 64) big.write(`row ${i}\n`, i);
      repo.write('big/data.log', big);
      commitAll(repo, 'base');
      big.write('edited!', 1000);
      repo.write('big/data.log', big);
      repo.write('big/new.log', big.subarray(0, 8 * 1024 * 1024));
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['modified', 'added'] },
  },
  {
    name: 'hundreds-of-staged-files',
    build(repo) {
      for (let i = 0; i < 300; i++) repo.write(`pkg${i % 12}/file${i}.ts`, lines(`file ${i}`, 15));
      commitAll(repo, 'base');
      for (let i = 0; i < 300; i++) {
        const file = `pkg${i % 12}/file${i}.ts`;
        if (i % 5 === 0) repo.write(file, lines(`file ${i} edited`, 15));
        if (i % 7 === 0) rmSync(path.join(repo.dir, file));
        if (i % 11 === 0)
          if (existsSync(path.join(repo.dir, file))) move(repo, file, `moved/file${i}.ts`);
      }
      for (let i = 0; i < 250; i++) repo.write(`added${i % 9}/new${i}.ts`, lines(`new ${i}`, 6));
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['added', 'modified', 'deleted', 'renamed'] },
  },
  {
    name: 'linked-worktree',
    build(repo) {
      repo.write('shared.txt', lines('shared', 5));
      commitAll(repo, 'base');
      // Inside the main worktree's folder, so the repository's cleanup removes it too.
      const worktree = path.join(repo.dir, 'linked');
      repo.git(['worktree', 'add', '-q', '-b', 'feature', worktree]);
      writeFileSync(path.join(worktree, 'shared.txt'), lines('feature', 5));
      mkdirSync(path.join(worktree, 'feature'), { recursive: true });
      writeFileSync(path.join(worktree, 'feature/new.txt'), 'new\n');
      repo.git(['-C', worktree, 'add', '-A']);
      repo.write('.gitignore', 'linked/\n');
      repo.write('main-only.txt', 'staged in the main worktree only\n');
      repo.git(['add', 'main-only.txt', '.gitignore']);
      return { cwd: worktree };
    },
    expect: { operation: null, detached: false, statuses: ['modified', 'added'] },
  },
  {
    name: 'temporary-index',
    build(repo) {
      repo.write('a.txt', lines('a', 5));
      repo.write('b.txt', lines('b', 5));
      commitAll(repo, 'base');
      repo.write('a.txt', lines('a staged', 5));
      repo.git(['add', 'a.txt']);
      repo.write('b.txt', lines('b only in the temporary index', 5));
      const indexFile = path.join(repo.dir, '.git', 'next-index-1234.lock');
      const env = { GIT_INDEX_FILE: indexFile };
      repo.git(['read-tree', 'HEAD'], { env });
      repo.git(['add', 'b.txt'], { env });
      return { cwd: repo.dir, env };
    },
    expect: { statuses: ['modified'] },
  },
  {
    name: 'packed-repository',
    build(repo) {
      for (let commit = 0; commit < 12; commit++) {
        for (let folder = 0; folder < 6; folder++) {
          repo.write(
            `area${folder}/notes.txt`,
            lines(`notes ${folder}`, 80).replace('line 7', `line 7 v${commit}`),
          );
          repo.write(`area${folder}/sub/deep.txt`, lines(`deep ${folder} ${commit % 3}`, 30));
        }
        commitAll(repo, `commit ${commit}`);
      }
      repo.git(['gc', '-q', '--aggressive', '--prune=now']);
      repo.write('area2/notes.txt', lines('notes 2', 80).replace('line 9', 'line 9 staged'));
      move(repo, 'area4/sub/deep.txt', 'area4/deep-moved.txt');
      repo.git(['add', '-A']);
      return { cwd: repo.dir };
    },
    expect: { statuses: ['modified', 'renamed'] },
  },
];

export function findSituation(name: string): Situation {
  const situation = SITUATIONS.find((candidate) => candidate.name === name);
  if (!situation) throw new Error(`No situation named ${name}.`);
  return situation;
}
