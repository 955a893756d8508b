import path from 'node:path';

import {
  copyLocalRepo,
  stageFreshChange,
  summarizeStagedChange,
  type StagedSummary,
} from './bench-repos.js';
import { countObjects, ensureGeneratedRepo } from './generate-repo.js';
import { git } from './git-command.js';
import type { BenchOptions } from './options.js';

/** A repository in the state a case times: its staged change is in place. */
export interface PreparedCase {
  /** The repository, as `generated 10k` or a clone's folder name. */
  label: string;
  dir: string;
  /** Files in the repository: the generated count, or the index entries of a copied clone. */
  files: number;
  packBytes: number;
  commits: number;
  staged: StagedSummary;
}

/**
 * Yields one case per repository size, history length and staged count, or one per `--stage`
 * count in a copy of `--repo`. Each case is prepared only after the previous one was timed,
 * because the cases of one repository share its worktree and index.
 */
export async function* prepareCases(
  options: BenchOptions,
  progress: (message: string) => void,
): AsyncGenerator<PreparedCase> {
  if (options.repo !== null) {
    yield* prepareLocalCases(options, options.repo, progress);
    return;
  }

  for (const files of options.sizes) {
    for (const commits of options.commits) {
      const parameters = { files, commits, seed: options.seed, aggressive: options.aggressive };
      const repo = await ensureGeneratedRepo(parameters, options.cacheDir, progress);
      if (repo.buildSeconds > 0) progress(`generated ${repo.dir} in ${repo.buildSeconds} s`);

      const history = options.commits.length > 1 ? `, ${commits} commits` : '';
      for (const count of options.staged) {
        yield {
          label: `generated ${formatCount(files)}${history}`,
          dir: repo.dir,
          files,
          packBytes: repo.packBytes,
          commits: repo.commits,
          staged: stageFreshChange(repo.dir, count, options.seed),
        };
      }
    }
  }
}

function* prepareLocalCases(
  options: BenchOptions,
  source: string,
  progress: (message: string) => void,
): Generator<PreparedCase> {
  progress(`copying ${source} into ${options.cacheDir}`);
  const dir = copyLocalRepo(source, options.cacheDir);
  const describe = (staged: StagedSummary): PreparedCase => ({
    label: path.basename(source),
    dir,
    files: git(dir, ['ls-files', '-z']).split('\0').filter(Boolean).length,
    packBytes: countObjects(dir).packBytes,
    commits: Number(git(dir, ['rev-list', '--count', 'HEAD']).trim()),
    staged,
  });

  if (options.stage.length === 0) {
    const staged = summarizeStagedChange(dir);
    if (staged.files === 0) {
      progress(`Nothing is staged in ${source}. Pass --stage N to stage files in the copy.`);
    }
    yield describe(staged);
    return;
  }
  for (const count of options.stage) yield describe(stageFreshChange(dir, count, options.seed));
}

/** Formats a file count as `1k` or `100k` when it is whole thousands. */
export function formatCount(count: number): string {
  return count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : String(count);
}
