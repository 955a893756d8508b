import { rmSync } from 'node:fs';
import path from 'node:path';

import type { TempRepo } from '../helpers/repo.js';

/** Joins lines with a newline after each. */
function lines(...texts: string[]): string {
  return texts.map((text) => `${text}\n`).join('');
}

/** Commits the base files of a scenario: a small app, a guide and `z.txt`. */
function commitBase(repo: TempRepo, files: Record<string, string>): void {
  const base: Record<string, string> = {
    'src/app.js': lines('export function run() {', '  return 1;', '}'),
    'docs/guide.md': lines('# Guide', '', 'Run the app.'),
    'z.txt': lines('zeta'),
    ...files,
  };
  for (const [path, text] of Object.entries(base)) repo.write(path, text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base']);
}

/** Stages edits of the app, the guide and `z.txt`, unrelated to the file/folder change. */
function stageOtherEdits(repo: TempRepo): void {
  repo.write('src/app.js', lines('export function run() {', '  return 2;', '}'));
  repo.write('docs/guide.md', lines('# Guide', '', 'Run the app with `npm start`.'));
  repo.write('z.txt', lines('zeta', 'eta'));
}

/** Stages the folder `a` with two files in HEAD becoming the file `a`. */
export function stageFolderToFile(repo: TempRepo): void {
  commitBase(repo, { 'a/b.txt': lines('inner'), 'a/c.txt': lines('inner two') });
  repo.git(['rm', '-rq', 'a']);
  repo.write('a', lines('now a file'));
  stageOtherEdits(repo);
  repo.git(['add', '-A']);
}

/** Stages the file `a` in HEAD becoming the folder `a` with one file. */
export function stageFileToFolder(repo: TempRepo): void {
  commitBase(repo, { a: lines('a file') });
  repo.git(['rm', '-q', 'a']);
  repo.write('a/b.txt', lines('now inside a folder'));
  stageOtherEdits(repo);
  repo.git(['add', '-A']);
}

/** Stages a rename of `a/b.txt` to `x-b.txt` and a new file `a`. */
export function stageRenameOutOfFolder(repo: TempRepo): void {
  commitBase(repo, { 'a/b.txt': lines('one', 'two', 'three', 'four', 'five') });
  repo.git(['mv', 'a/b.txt', 'x-b.txt']);
  rmSync(path.join(repo.dir, 'a'), { recursive: true, force: true });
  repo.write('a', lines('now a file'));
  stageOtherEdits(repo);
  repo.git(['add', '-A']);
}

/**
 * Each file/folder scenario, with the staged paths that must share one batch or come in order,
 * and which side HEAD has, whose batch has to come first: the file at `a`, or what is under it.
 */
export const SCENARIOS = [
  {
    name: 'folder to file',
    stage: stageFolderToFile,
    together: ['a', 'a/b.txt', 'a/c.txt'],
    first: 'under',
  },
  { name: 'file to folder', stage: stageFileToFolder, together: ['a', 'a/b.txt'], first: 'file' },
  {
    name: 'rename out of the folder',
    stage: stageRenameOutOfFolder,
    together: ['a', 'x-b.txt'],
    first: 'under',
  },
] as const;
