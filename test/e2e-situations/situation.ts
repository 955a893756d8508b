import assert from 'node:assert/strict';
import type { SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createTempRepo, footprintBin, gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** A UTF-8 locale, so footprint prints its symbols, and an editor that keeps the message. */
export const COMMIT_ENV = { LC_ALL: 'C.UTF-8', GIT_EDITOR: 'true' };

/**
 * An editor that shows the message file on stdout, then uncomments footprint's suggested
 * message, which prepare-commit-msg writes commented out under its `footprint suggests` line.
 */
export const EDITOR_TAKING_THE_SUGGESTION = `sh -c 'cat "$1"; sed "/^# footprint suggests/{n;s/^#//;}" "$1" > "$1.new"; mv "$1.new" "$1"' editor`;

/** Files `footprint init` writes into the worktree, which the plain twin gets copies of. */
const STARTER_FILES = ['footprint.config.json', 'fossils/.gitignore'];

/**
 * One situation in two repositories built by the same steps: `hooked` has footprint's hooks
 * from `footprint init`, `plain` runs no hooks at all (core.hooksPath points at an empty
 * folder for every git command). Both have init's starter files, so `git add -A` stages the
 * same files in each. With a hook manager or core.hooksPath in the worktree, `beforeInit`
 * sets it up in both.
 */
export interface Twins {
  hooked: TempRepo;
  plain: TempRepo;
  /** Runs the same steps in both repositories and returns both results. */
  both<T>(steps: (repo: TempRepo) => T): { hooked: T; plain: T };
  cleanup(): void;
}

export interface TwinOptions {
  /** Steps before `footprint init`, such as setting core.hooksPath. */
  beforeInit?: (repo: TempRepo) => void;
  /** Folder of the repository inside the temp folder, for paths such as one with spaces. */
  createRepo?: () => TempRepo;
}

export function createTwins(options: TwinOptions = {}): Twins {
  const create = options.createRepo ?? (() => createTempRepo());
  const hooked = create();
  const plain = withoutHooks(create());
  options.beforeInit?.(hooked);
  options.beforeInit?.(plain);

  const init = hooked.footprint(['init']);
  assert.equal(init.status, 0, init.stderr);
  for (const file of STARTER_FILES) {
    plain.write(file, readFileSync(path.join(hooked.dir, file)));
  }
  return {
    hooked,
    plain,
    both: (steps) => ({ hooked: steps(hooked), plain: steps(plain) }),
    cleanup() {
      hooked.cleanup();
      plain.cleanup();
    },
  };
}

/** Wraps a repository so that every git command runs with no hooks. */
function withoutHooks(repo: TempRepo): TempRepo {
  const noHooks = path.join(repo.dir, '.git', 'no-hooks');
  mkdirSync(noHooks, { recursive: true });
  const env = {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'core.hooksPath',
    GIT_CONFIG_VALUE_0: noHooks,
  };
  return {
    ...repo,
    git: (args, options = {}) => repo.git(args, { ...options, env: { ...env, ...options.env } }),
    gitResult: (args, options = {}) =>
      repo.gitResult(args, { ...options, env: { ...env, ...options.env } }),
  };
}

/** Runs `git commit` with COMMIT_ENV and `env`, returning the whole result. */
export function commit(
  repo: TempRepo,
  args: string[],
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return repo.gitResult(['commit', ...args], { env: { ...COMMIT_ENV, ...env } });
}

/**
 * Returns the raw commit object: tree, parents, author, committer and message. The tests fix every
 * date, so equal text means the same commit id.
 */
export function rawCommit(repo: TempRepo, rev = 'HEAD'): string {
  return repo.git(['cat-file', 'commit', rev]);
}

/** Asserts that both repositories made the same commit at `rev`. */
export function assertSameCommit(twins: Twins, rev = 'HEAD'): void {
  assert.equal(rawCommit(twins.hooked, rev), rawCommit(twins.plain, rev));
}

/** Asserts a passed hook run: its status, footprint's header and the passed line. */
export function assertPassed(result: SpawnSyncReturns<string>): void {
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /^footprint · /m);
  assert.match(result.stderr, /✔ Commit passed/);
}

/** Returns the message of a commit without git's trailing newline. */
export function messageOf(repo: TempRepo, rev = 'HEAD'): string {
  return repo.git(['log', '-1', '--format=%B', rev]).trimEnd();
}

/** Names of the analysis fossils in a worktree's default store. */
export function listFossils(worktree: string): string[] {
  const dir = path.join(worktree, 'fossils');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => /-analysis-[^/]*\.json$/.test(name));
}

/** Commits two files without hooks, so tests start from a HEAD; init's files stay untracked. */
export function commitBase(repo: TempRepo): void {
  repo.write('src/cart.js', 'export function total(items) {\n  return items.length;\n}\n');
  repo.write('README.md', '# Shop\n\nA cart library.\n');
  repo.git(['add', 'src/cart.js', 'README.md']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
}

/** Returns a fake PEM block on line 2, whose header is assembled so this file has none. */
export function fakePrivateKey(): string {
  const label = ['RSA', 'PRIVATE', 'KEY'].join(' ');
  return `# deploy key\n-----BEGIN ${label}-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END ${label}-----\n`;
}

/** Returns a conflict marker, assembled so this file has none at the start of a line. */
export function conflictMarker(side: '<' | '=' | '>'): string {
  return side.repeat(7);
}

/**
 * Makes a repository like createTempRepo, but in a folder named `name` inside a new temp
 * folder, for repository paths with spaces, quotes or non-ASCII characters.
 */
export function createRepoNamed(name: string): TempRepo {
  const parent = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-test-')));
  const dir = path.join(parent, name);
  const env = gitTestEnv();
  const run = (command: string, args: string[], extra: Record<string, string> = {}) =>
    spawnSync(command, args, { cwd: dir, env: { ...env, ...extra }, encoding: 'utf8' });
  mkdirSync(dir);
  assert.equal(run('git', ['init', '-q', '--initial-branch=main']).status, 0);

  return {
    dir,
    git(args, options = {}) {
      const result = spawnSync('git', args, {
        cwd: dir,
        env: { ...env, ...options.env },
        encoding: 'utf8',
        input: options.input,
      });
      if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
      return result.stdout;
    },
    gitResult: (args, options = {}) => run('git', args, options.env),
    write(relativePath, content, mode) {
      const full = path.join(dir, relativePath);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content, mode === undefined ? undefined : { mode });
    },
    footprint: (args, options = {}) => run(process.execPath, [footprintBin, ...args], options.env),
    cleanup: () => rmSync(parent, { recursive: true, force: true }),
  };
}
