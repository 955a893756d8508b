import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The learning benchmark's settings after defaults are applied. */
export interface LearnBenchOptions {
  /** A local clone to learn from. It is copied, never changed. */
  repo: string | null;
  /** Commits `learn` reads, and `git log` lists. */
  commits: number;
  /** Commits the incremental case adds to a model learned without them. */
  increment: number;
  runs: number;
  /** Files staged for the hook case. */
  staged: number;
  cacheDir: string;
  json: boolean;
  help: boolean;
}

export const USAGE = `Usage: node --import tsx bench/learn/run.ts --repo PATH [options]

Times \`footprint learn --full --max-commits N\` against \`git log --no-merges --name-status -n N\`
over the same commits, alternating them, on a copy of PATH. Then times an incremental learn,
the hook's load of the model, and \`footprint precommit --no-llm\` with and without the model.
Run \`node scripts/build.js\` first: footprint runs from its built bundle.

  --repo PATH       local clone to copy and learn from (required)
  --commits N       commits to learn (default 2000)
  --increment N     first-parent commits the incremental learn adds (default 50)
  --runs N          timed runs per command, after one warm-up (default 5)
  --staged N        files staged for the precommit case (default 20)
  --cache DIR       folder of the copy (default $TMPDIR/footprint-bench/learn)
  --json            print one JSON document instead of the table
  -h, --help        print this help`;

/** Parses the command line. Throws an Error that names an invalid value. */
export function parseLearnOptions(argv: readonly string[]): LearnBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      repo: { type: 'string' },
      commits: { type: 'string', default: '2000' },
      increment: { type: 'string', default: '50' },
      runs: { type: 'string', default: '5' },
      staged: { type: 'string', default: '20' },
      // A folder of its own, so that a copy never replaces one that bench/hook is timing.
      cache: { type: 'string', default: path.join(tmpdir(), 'footprint-bench', 'learn') },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    repo: values.repo ?? null,
    commits: readCount('--commits', values.commits),
    increment: readCount('--increment', values.increment),
    runs: readCount('--runs', values.runs),
    staged: readCount('--staged', values.staged),
    cacheDir: values.cache,
    json: values.json,
    help: values.help,
  };
}

function readCount(option: string, value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1) {
    throw new Error(
      `Invalid value '${value}' for ${option}: expected a whole number of 1 or more.`,
    );
  }
  return count;
}
