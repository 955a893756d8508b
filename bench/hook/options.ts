import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The benchmark's settings after defaults are applied. */
export interface BenchOptions {
  sizes: number[];
  staged: number[];
  runs: number;
  warmup: number;
  /** Commits of generated history, one repository per count. */
  commits: number[];
  seed: number;
  aggressive: boolean;
  /** A local clone to time instead of generated repositories. It is copied, never changed. */
  repo: string | null;
  /** Files to stage in the copy of `repo`. Empty means its staged change is timed as it is. */
  stage: number[];
  cacheDir: string;
  /** Folder for one `--cpu-prof` profile of footprint per case, or null for none. */
  cpuProfDir: string | null;
  footprint: boolean;
  /**
   * Times `git commit` with pre-commit hooks that run footprint, lint-staged or nothing, in
   * place of the commands alone.
   */
  inCommit: boolean;
  json: boolean;
  help: boolean;
}

export const USAGE = `Usage: node --import tsx bench/hook/run.ts [options]

Times \`footprint precommit --no-llm\` against \`git diff --cached --numstat\`, lint-staged with a
configuration that matches nothing, and \`node -e 0\`, on the same staged change.

  --sizes LIST      files per generated repository (default 1000,10000,100000)
  --staged LIST     files staged per case (default 1,20,200; 400 times a large change)
  --runs N          timed runs per command and case, after the warm-up (default 15)
  --warmup N        untimed runs per command and case first (default 2)
  --commits LIST    commits of generated history, one repository each (default 30)
  --seed N          seed of generated content and staged changes (default 1)
  --aggressive      pack generated repositories with git gc --aggressive
  --repo PATH       time a copy of this local clone instead of generated repositories
  --stage LIST      with --repo: reset the copy and stage this many files per case
  --cache DIR       folder of generated repositories and copies (default $TMPDIR/footprint-bench)
  --cpu-prof DIR    write one CPU profile of footprint per case into DIR and list its hot spots
  --no-footprint    time only the reference commands
  --in-commit       time \`git commit\` with a pre-commit hook that runs footprint, one that runs
                    lint-staged and one that runs nothing; each hook then fails, so nothing is
                    committed. git brings the index's cache tree up to date first, as in a commit
  --json            print one JSON document instead of the table
  -h, --help        print this help`;

/** Parses the command line. Throws an Error that names an invalid value. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    allowNegative: true,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      staged: { type: 'string', default: '1,20,200' },
      runs: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '2' },
      commits: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      aggressive: { type: 'boolean', default: false },
      repo: { type: 'string' },
      stage: { type: 'string', default: '' },
      cache: { type: 'string', default: path.join(tmpdir(), 'footprint-bench') },
      'cpu-prof': { type: 'string' },
      footprint: { type: 'boolean', default: true },
      'in-commit': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  return {
    sizes: parseCountList('--sizes', values.sizes),
    staged: parseCountList('--staged', values.staged),
    runs: parseCount('--runs', values.runs),
    warmup: parseCount('--warmup', values.warmup, 0),
    commits: parseCountList('--commits', values.commits),
    seed: parseCount('--seed', values.seed, 0),
    aggressive: values.aggressive,
    repo: values.repo === undefined ? null : path.resolve(values.repo),
    stage: values.stage === '' ? [] : parseCountList('--stage', values.stage),
    cacheDir: path.resolve(values.cache),
    cpuProfDir: values['cpu-prof'] === undefined ? null : path.resolve(values['cpu-prof']),
    footprint: values.footprint,
    inCommit: values['in-commit'],
    json: values.json,
    help: values.help,
  };
}

/** Parses a comma-separated list of positive integers such as `1,20,200`. */
export function parseCountList(flag: string, text: string): number[] {
  const counts = text.split(',').map((item) => parseCount(flag, item.trim()));
  if (counts.length === 0)
    throw new Error(`Invalid ${flag} "${text}": expected a list such as 1,20,200.`);
  return counts;
}

function parseCount(flag: string, text: string, minimum = 1): number {
  const value = Number(text);
  if (text === '' || !Number.isInteger(value) || value < minimum) {
    throw new Error(`Invalid ${flag} "${text}": expected an integer of at least ${minimum}.`);
  }
  return value;
}
