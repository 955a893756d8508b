import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  realpathSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const footprintBin = path.join(projectRoot, 'bin', 'footprint.js');
/** A folder whose `footprint` links to footprintBin, as a global install puts it on PATH. */
export const footprintPathFolder = path.join(projectRoot, 'test', 'helpers', 'path-bin');

/**
 * Returns PATH without footprintPathFolder or any other folder that contains a `footprint`, as on
 * a machine where footprint is not installed globally.
 */
export function plainPath(): string {
  return (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter((folder) => folder !== '' && !existsSync(path.join(folder, 'footprint')))
    .join(path.delimiter);
}

/**
 * Links `node_modules/.bin/footprint` in `folder` to footprintBin, as `npm install` of a
 * package file made from this checkout does, so `npx footprint` there runs this checkout.
 */
export function linkProjectCommand(folder: string): void {
  mkdirSync(path.join(folder, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(footprintBin, path.join(folder, 'node_modules', '.bin', 'footprint'));
}

/**
 * Environment for git commands in tests: no user or system configuration, no system attributes
 * file, a fixed identity and dates, and none of the GIT_* variables of a hook that may be running
 * the tests. PATH starts with footprintPathFolder, so footprint's advice reads `footprint`.
 */
export function gitTestEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_') && !key.startsWith('FOOTPRINT')) env[key] = value;
  }
  return {
    ...env,
    PATH: [footprintPathFolder, process.env['PATH'] ?? ''].join(path.delimiter),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
    GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
    NO_COLOR: '1',
    ...extra,
  };
}

export interface TempRepo {
  /** Absolute, symlink-free path of the worktree. */
  dir: string;
  /** Runs git in the repository and returns stdout; throws with stderr on failure. */
  git(args: string[], options?: { env?: Record<string, string>; input?: string | Buffer }): string;
  /** Runs git and returns the whole result, for commands expected to fail. */
  gitResult(args: string[], options?: { env?: Record<string, string> }): SpawnSyncReturns<string>;
  /** Writes a file relative to the worktree, making folders as needed. */
  write(relativePath: string, content: string | Buffer, mode?: number): void;
  /** Runs the built footprint CLI in the repository. */
  footprint(args: string[], options?: { env?: Record<string, string> }): SpawnSyncReturns<string>;
  cleanup(): void;
}

/** Makes a temporary repository with branch `main` and a test identity. */
export function createTempRepo(options: { bare?: boolean; initialBranch?: string } = {}): TempRepo {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-test-')));
  if (dir.startsWith(projectRoot + path.sep) || dir === projectRoot) {
    throw new Error(`Refusing to create a test repository inside the project at ${projectRoot}.`);
  }

  const env = gitTestEnv();
  const branch = options.initialBranch ?? 'main';
  execFileSync(
    'git',
    ['init', '-q', `--initial-branch=${branch}`, ...(options.bare ? ['--bare'] : []), dir],
    {
      env,
    },
  );

  const repo: TempRepo = {
    dir,
    git(args, opts = {}) {
      const result = spawnSync('git', args, {
        cwd: dir,
        env: { ...env, ...opts.env },
        encoding: 'utf8',
        input: opts.input,
        maxBuffer: 256 * 1024 * 1024,
      });
      if (result.status !== 0) {
        throw new Error(`git ${args.join(' ')} failed with ${result.status}: ${result.stderr}`);
      }
      return result.stdout;
    },
    gitResult(args, opts = {}) {
      return spawnSync('git', args, { cwd: dir, env: { ...env, ...opts.env }, encoding: 'utf8' });
    },
    write(relativePath, content, mode) {
      const full = path.join(dir, relativePath);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content, mode === undefined ? undefined : { mode });
    },
    footprint(args, opts = {}) {
      return spawnSync(process.execPath, [footprintBin, ...args], {
        cwd: dir,
        env: { ...env, ...opts.env },
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return repo;
}
