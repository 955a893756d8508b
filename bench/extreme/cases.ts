import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { parseFossilName } from '../../src/fossils/fossil-name.js';
import { benchEnv, git } from '../hook/git-command.js';

/** A generated repository and the commands a case times in it. */
export interface PreparedCase {
  label: string;
  dir: string;
  /** Arguments after `bin/footprint.js`. */
  footprintArgs: string[];
  /** Arguments of the git command that reads the same change. */
  gitArgs: string[];
}

type CaseBuilder = (
  dir: string,
  size: number,
  writerBin: string,
) => Omit<PreparedCase, 'label' | 'dir'>;

const BUILDERS: Record<string, CaseBuilder> = {
  'outcome-other': (dir, size, writerBin) => buildOutcomeCase(dir, size, writerBin, 'other'),
  'outcome-same': (dir, size, writerBin) => buildOutcomeCase(dir, size, writerBin, 'same'),
  attributes: buildAttributesCase,
  files: buildFilesCase,
};

const PRECOMMIT_ARGS = ['precommit', '--no-llm', '--json'];
const NUMSTAT_STAGED = ['diff', '--cached', '--numstat'];

/**
 * Generates the repository of a case such as `files:20000` in `root`. `writerBin` writes the
 * analysis fossils that the outcome cases copy.
 */
export function prepareCase(spec: string, root: string, writerBin: string): PreparedCase {
  const [kind = '', sizeText = ''] = spec.split(':');
  const builder = BUILDERS[kind];
  const size = Number(sizeText);
  if (builder === undefined || !Number.isInteger(size) || size < 1) {
    throw new Error(
      `Invalid --case ${spec}: give KIND:SIZE with a kind of ${Object.keys(BUILDERS).join(', ')}.`,
    );
  }
  const dir = path.join(root, `${kind}-${size}`);
  createRepository(dir);
  return { label: spec, dir, ...builder(dir, size, writerBin) };
}

/** Removes the fossils a timed run wrote, so every run finds the store as the case made it. */
export function removeNewFossils(dir: string, before: ReadonlySet<string>): void {
  const store = path.join(dir, 'fossils');
  for (const name of listFossils(store)) {
    if (!before.has(name)) rmSync(path.join(store, name), { force: true });
  }
}

export function listFossils(store: string): string[] {
  try {
    return readdirSync(store).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
}

function createRepository(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  writeFileSync(path.join(dir, '.gitignore'), 'fossils/\nlint-staged.nomatch.json\n');
  writeFileSync(path.join(dir, 'seed.txt'), 'seed\n');
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'chore: initial']);
}

function commitQuietly(dir: string, message: string): void {
  git(dir, ['commit', '-q', '--no-verify', '-m', message]);
}

/** Lines `v1` to `vN`, and with `changeEveryOther` every even line as `cN` instead. */
function dataLines(count: number, changeEveryOther: boolean): string {
  const lines: string[] = [];
  for (let line = 1; line <= count; line++) {
    lines.push(changeEveryOther && line % 2 === 0 ? `c${line}` : `v${line}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Stages a 100,000-line file with every other line changed (a 6 MB analysis fossil), runs
 * precommit once and copies its fossil `copies` times with older names. With `other`, that
 * change is committed and a one-line file is analysed and committed after it, so the copies
 * were made on an older commit. With `same`, the commit is the one the copies analysed.
 */
function buildOutcomeCase(
  dir: string,
  copies: number,
  writerBin: string,
  parent: 'other' | 'same',
): Omit<PreparedCase, 'label' | 'dir'> {
  writeFileSync(path.join(dir, 'data.txt'), dataLines(100_000, false));
  git(dir, ['add', 'data.txt']);
  commitQuietly(dir, 'feat: data');
  writeFileSync(path.join(dir, 'data.txt'), dataLines(100_000, true));
  git(dir, ['add', 'data.txt']);
  runFootprint(dir, writerBin, ['precommit', '--no-llm']);

  const store = path.join(dir, 'fossils');
  const [analysis] = listFossils(store).filter((name) => name.includes('-analysis-'));
  if (analysis === undefined) throw new Error(`footprint wrote no analysis fossil in ${store}.`);
  const written = parseFossilName(analysis)?.createdAt.getTime() ?? Date.now();
  for (let copy = 1; copy <= copies; copy++) {
    const stamp = new Date(written - copy * 60_000).toISOString().replace(/[-:]/g, '');
    const suffix = copy.toString(16).padStart(8, '0');
    copyFileSync(path.join(store, analysis), path.join(store, `${stamp}-analysis-${suffix}.json`));
  }
  commitQuietly(dir, 'feat: change data');

  if (parent === 'other') {
    writeFileSync(path.join(dir, 'small.txt'), 'x\n');
    git(dir, ['add', 'small.txt']);
    runFootprint(dir, writerBin, ['precommit', '--no-llm']);
    commitQuietly(dir, 'fix: small');
  }
  return {
    footprintArgs: ['fossils', 'record-outcome'],
    gitArgs: ['diff', '--numstat', 'HEAD~1', 'HEAD'],
  };
}

/** Commits a .gitattributes of `lines` pattern lines and stages one small file. */
function buildAttributesCase(dir: string, lines: number): Omit<PreparedCase, 'label' | 'dir'> {
  const patterns: string[] = [];
  for (let line = 0; line < lines; line++) {
    patterns.push(`**/gen${line}/**/*.{js,ts} -diff linguist-generated=true text eol=crlf`);
  }
  writeFileSync(path.join(dir, '.gitattributes'), `${patterns.join('\n')}\n`);
  git(dir, ['add', '-A']);
  commitQuietly(dir, 'chore: attributes');
  writeFileSync(path.join(dir, 'a.js'), 'export const a = 1;\n');
  git(dir, ['add', 'a.js']);
  return { footprintArgs: PRECOMMIT_ARGS, gitArgs: NUMSTAT_STAGED };
}

/** Stages `count` new one-line JS files in 700 folders, like an unignored node_modules. */
function buildFilesCase(dir: string, count: number): Omit<PreparedCase, 'label' | 'dir'> {
  for (let file = 0; file < count; file++) {
    const folder = path.join(dir, `pkg${file % 100}`, `sub${file % 7}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `f${file}.js`), `export const v${file} = ${file};\n`);
  }
  git(dir, ['add', '-A']);
  return { footprintArgs: PRECOMMIT_ARGS, gitArgs: NUMSTAT_STAGED };
}

function runFootprint(dir: string, bin: string, args: readonly string[]): void {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    env: benchEnv(),
    encoding: 'utf8',
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`footprint ${args.join(' ')} failed in ${dir}: ${result.stderr.trim()}`);
  }
}
