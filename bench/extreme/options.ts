import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** A footprint build to time: a name for the table and its `bin/footprint.js`. */
export interface FootprintBuild {
  name: string;
  bin: string;
}

/** The benchmark's settings after defaults are applied. */
export interface ExtremeOptions {
  /** Cases as `KIND:SIZE`, such as `attributes:200000`. */
  cases: string[];
  builds: FootprintBuild[];
  runs: number;
  /** Folder of the generated repositories, rebuilt on every run of the benchmark. */
  dir: string;
  json: boolean;
  help: boolean;
}

export const USAGE = `Usage: node --import tsx bench/extreme/run.ts [options]

Times footprint on extreme changes against git and lint-staged on the same repository: the
post-commit hook with a store of large analysis fossils, a large .gitattributes, and a staged
change of many files.

  --case KIND:SIZE   a case to time, repeatable (default outcome-other:150, attributes:200000,
                     files:20000). Kinds:
                       outcome-other:N  record-outcome after a small commit, with N copies of a
                                        6 MB analysis made on the previous commit in the store
                       outcome-same:N   record-outcome after the commit those N copies analysed
                       attributes:N     precommit with a committed .gitattributes of N lines
                       files:N          precommit with N new small files staged
  --footprint NAME=BIN  a footprint build to time, repeatable, such as base=/tmp/base/bin/footprint.js
                     (default current=bin/footprint.js of this checkout)
  --runs N           timed runs per command, alternating the commands (default 3)
  --dir DIR          folder of the generated repositories (default $TMPDIR/footprint-extreme)
  --json             print one JSON document instead of the table
  -h, --help         print this help`;

const DEFAULT_CASES = ['outcome-other:150', 'attributes:200000', 'files:20000'];

/** Parses the command line. Throws an Error that names an invalid value. */
export function parseOptions(argv: readonly string[], projectRoot: string): ExtremeOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      case: { type: 'string', multiple: true },
      footprint: { type: 'string', multiple: true },
      runs: { type: 'string', default: '3' },
      dir: { type: 'string', default: path.join(tmpdir(), 'footprint-extreme') },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`Invalid --runs ${values.runs}: give a whole number of at least 1.`);
  }
  const builds = (
    values.footprint ?? [`current=${path.join(projectRoot, 'bin', 'footprint.js')}`]
  ).map(parseBuild);
  return {
    cases: values.case ?? DEFAULT_CASES,
    builds,
    runs,
    dir: path.resolve(values.dir),
    json: values.json,
    help: values.help,
  };
}

function parseBuild(value: string): FootprintBuild {
  const separator = value.indexOf('=');
  if (separator < 1 || separator === value.length - 1) {
    throw new Error(
      `Invalid --footprint ${value}: give NAME=PATH, such as base=/tmp/base/bin/footprint.js.`,
    );
  }
  return { name: value.slice(0, separator), bin: path.resolve(value.slice(separator + 1)) };
}
