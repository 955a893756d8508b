import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

import { quoteShell } from '../../src/init/hook-script.js';
import { benchEnv } from './git-command.js';
import type { TimedCommand } from './timed-run.js';

/** Paths of the project the benchmark times, resolved from this file's folder. */
export interface ProjectPaths {
  root: string;
  footprintBin: string;
  /** The built bundle that `bin/footprint.js` imports, without which footprint cannot run. */
  footprintBundle: string;
  lintStagedBin: string;
  lintStagedManifest: string;
}

export function resolveProjectPaths(root: string): ProjectPaths {
  return {
    root,
    footprintBin: path.join(root, 'bin', 'footprint.js'),
    footprintBundle: path.join(root, 'dist', 'main.cjs'),
    lintStagedBin: path.join(root, 'node_modules', 'lint-staged', 'bin', 'lint-staged.js'),
    lintStagedManifest: path.join(root, 'node_modules', 'lint-staged', 'package.json'),
  };
}

/** Returns true when `node bin/footprint.js` can load its bundle. */
export function isFootprintBuilt(paths: ProjectPaths): boolean {
  return existsSync(paths.footprintBundle);
}

/** A little more than the launcher's RACY_WINDOW_NS (src/cli/launch.ts). */
const LAUNCHER_RACY_WINDOW_MS = 2100;

/** Files of the footprint package that `bin/footprint.js` reads at run time. */
const PACKAGE_ENTRIES = ['package.json', 'bin', 'dist', 'schemas'];

/**
 * Copies the built package into `folder` and links the project's node_modules beside it, so a
 * rebuild of `dist/` while the benchmark runs cannot remove the bundle under a timed run.
 * Returns the paths of the copy, in which lint-staged's paths stay the project's.
 */
export function snapshotFootprintBuild(paths: ProjectPaths, folder: string): ProjectPaths {
  rmSync(folder, { recursive: true, force: true });
  for (const entry of PACKAGE_ENTRIES) {
    const source = path.join(paths.root, entry);
    if (existsSync(source))
      cpSync(source, path.join(folder, entry), { recursive: true, preserveTimestamps: true });
  }
  symlinkSync(path.join(paths.root, 'node_modules'), path.join(folder, 'node_modules'));
  // The launcher names the code cache of a bundle changed in the last 2 seconds by a hash of
  // its bytes, and of an older one by its stat data. Waiting here lets the warm-up runs fill
  // the cache that the timed runs use.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LAUNCHER_RACY_WINDOW_MS);

  const copy = resolveProjectPaths(folder);
  return {
    ...copy,
    lintStagedBin: paths.lintStagedBin,
    lintStagedManifest: paths.lintStagedManifest,
  };
}

/**
 * Writes the lint-staged configuration that matches nothing. With no matching task, lint-staged
 * 16 still resolves the repository, runs `git log -1` and lists the staged files, then returns
 * before it creates its backup stash, so the run changes nothing.
 */
export function writeNoMatchConfig(folder: string): string {
  const file = path.join(folder, 'lint-staged.nomatch.json');
  writeFileSync(file, `${JSON.stringify({ '*.nomatch': 'true' })}\n`);
  return file;
}

/** Folders of the pre-commit hooks that `--in-commit` times, by command name. */
export type CommitHooks = Record<'footprint' | 'lint-staged' | 'git commit', string>;

/**
 * Writes three hook folders under `folder`, each with a pre-commit hook that runs footprint,
 * lint-staged or nothing and then exits 1, so `git commit` does all its work up to the commit
 * and makes none.
 */
export function writeCommitHooks(
  paths: ProjectPaths,
  folder: string,
  noMatchConfig: string,
): CommitHooks {
  const node = quoteShell(process.execPath);
  const scripts = {
    footprint: `${node} ${quoteShell(paths.footprintBin)} precommit --no-llm`,
    'lint-staged': `${node} ${quoteShell(paths.lintStagedBin)} --config ${quoteShell(noMatchConfig)}`,
    'git commit': ':',
  };
  const hooks = {} as CommitHooks;
  for (const [name, command] of Object.entries(scripts) as Array<[keyof CommitHooks, string]>) {
    const hooksPath = path.join(folder, `hooks-${name.replace(' ', '-')}`);
    mkdirSync(hooksPath, { recursive: true });
    const hook = path.join(hooksPath, 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\n${command} >/dev/null 2>&1\nexit 1\n`);
    chmodSync(hook, 0o755);
    hooks[name] = hooksPath;
  }
  return hooks;
}

/** Builds the `git commit` runs of `--in-commit`, one per hook folder. */
export function buildCommitCommands(hooks: CommitHooks, dir: string): TimedCommand[] {
  const env = benchEnv();
  return (Object.entries(hooks) as Array<[keyof CommitHooks, string]>).map(([name, hooksPath]) => ({
    name,
    file: 'git',
    args: ['-c', `core.hooksPath=${hooksPath}`, 'commit', '-q', '-m', 'bench: never committed'],
    cwd: dir,
    env,
  }));
}

/** Builds the commands of one case, all run in the repository at `dir`. */
export function buildCommands(
  paths: ProjectPaths,
  dir: string,
  noMatchConfig: string,
  includeFootprint: boolean,
): TimedCommand[] {
  const env = benchEnv();
  const node = process.execPath;
  const commands: TimedCommand[] = [];
  if (includeFootprint) {
    commands.push({
      name: 'footprint',
      file: node,
      args: [paths.footprintBin, 'precommit', '--no-llm'],
      cwd: dir,
      env,
    });
    // The start-up floor of footprint itself: node, the CLI bundle, and no pipeline.
    commands.push({
      name: 'footprint --version',
      file: node,
      args: [paths.footprintBin, '--version'],
      cwd: dir,
      env,
    });
  }
  commands.push(
    { name: 'git diff', file: 'git', args: ['diff', '--cached', '--numstat'], cwd: dir, env },
    {
      name: 'lint-staged',
      file: node,
      args: [paths.lintStagedBin, '--config', noMatchConfig],
      cwd: dir,
      env,
    },
    { name: 'node -e 0', file: node, args: ['-e', '0'], cwd: dir, env },
  );
  return commands;
}

/**
 * Describes the build that was timed, as `sha1 1a2b3c4d, built 2026-01-01T00:00:00.000Z`: a
 * hash over the names and contents of the launcher and the bundle (`.js` and `.cjs` files),
 * and the newest file time.
 */
export function describeBuild(paths: ProjectPaths): string {
  const dist = path.dirname(paths.footprintBundle);
  const hash = createHash('sha1');
  let newest = 0;
  for (const name of readdirSync(dist).sort()) {
    if (!name.endsWith('.js') && !name.endsWith('.cjs')) continue;
    const file = path.join(dist, name);
    hash.update(name).update(readFileSync(file));
    newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return `sha1 ${hash.digest('hex').slice(0, 8)}, built ${new Date(newest).toISOString()}`;
}
