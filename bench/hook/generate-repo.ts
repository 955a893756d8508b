import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { benchEnv, git } from './git-command.js';
import { writeHistoryStream } from './history-stream.js';
import { planTree } from './tree-layout.js';

/** Bumped whenever generated content changes, so that cached repositories are rebuilt. */
const GENERATOR_VERSION = 1;

/** File in the git directory that marks a repository this benchmark generated and finished. */
export const GENERATED_MARKER = 'footprint-bench.json';

export interface RepoParameters {
  files: number;
  commits: number;
  seed: number;
  /** Repack with `git gc --aggressive` instead of `git gc`. */
  aggressive: boolean;
}

export interface GeneratedRepo extends RepoParameters {
  dir: string;
  /** Size of the packs in bytes, as `git count-objects -v` reports them. */
  packBytes: number;
  objectCount: number;
  /** Seconds the generation took; 0 when the repository came from the cache. */
  buildSeconds: number;
}

/**
 * Returns a generated repository for the parameters, building it under `cacheRoot` on the
 * first call: files streamed with `git fast-import`, packed with `git gc`, then checked out.
 */
export async function ensureGeneratedRepo(
  parameters: RepoParameters,
  cacheRoot: string,
  log: (message: string) => void,
): Promise<GeneratedRepo> {
  const { files, commits, seed, aggressive } = parameters;
  const name = `repo-f${files}-c${commits}-s${seed}${aggressive ? '-aggressive' : ''}-v${GENERATOR_VERSION}`;
  const dir = path.join(cacheRoot, name);
  const marker = path.join(dir, '.git', GENERATED_MARKER);
  if (existsSync(marker)) {
    const cached = JSON.parse(readFileSync(marker, 'utf8')) as GeneratedRepo;
    return { ...cached, dir, buildSeconds: 0 };
  }

  // A folder without the marker is an interrupted build of this benchmark, so it starts again.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();

  log(`generating ${files} files with ${commits} commits in ${dir}`);
  git(dir, ['init', '-q', '--initial-branch=main']);
  for (const [key, value] of REPO_CONFIG) git(dir, ['config', key, value]);
  await importHistory(dir, parameters);

  log(`packing with git gc${aggressive ? ' --aggressive' : ''}`);
  git(dir, ['gc', '--quiet', ...(aggressive ? ['--aggressive'] : [])]);
  log('checking out');
  git(dir, ['reset', '-q', '--hard', 'main']);

  const repo: GeneratedRepo = {
    ...parameters,
    dir,
    ...countObjects(dir),
    buildSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(marker, `${JSON.stringify(repo, null, 2)}\n`);
  return repo;
}

/** Settings of generated repositories: no automatic gc while a benchmark runs. */
const REPO_CONFIG: ReadonlyArray<[string, string]> = [
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  ['commit.gpgsign', 'false'],
];

async function importHistory(dir: string, parameters: RepoParameters): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet'], {
    cwd: dir,
    env: benchEnv(),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'close') as Promise<[number | null]>;

  const write = async (chunk: string): Promise<void> => {
    if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
  };
  const plan = planTree(parameters.files, parameters.seed);
  await writeHistoryStream(write, plan, parameters.commits, parameters.seed);
  child.stdin.end();

  const [code] = await exited;
  if (code !== 0) throw new Error(`git fast-import failed with exit ${code}: ${stderr.trim()}`);
}

export function countObjects(dir: string): { packBytes: number; objectCount: number } {
  const fields = new Map<string, number>();
  for (const line of git(dir, ['count-objects', '-v']).split('\n')) {
    const [key, value] = line.split(': ');
    if (key && value) fields.set(key, Number(value));
  }
  return {
    packBytes: (fields.get('size-pack') ?? 0) * 1024,
    objectCount: (fields.get('in-pack') ?? 0) + (fields.get('count') ?? 0),
  };
}
