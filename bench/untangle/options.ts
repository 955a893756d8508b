import path from 'node:path';
import { parseArgs } from 'node:util';

import type { Mode } from '../../src/batches/types.js';
import { createDefaultConfig } from '../../src/config/defaults.js';

/** The benchmark's settings after defaults are applied. */
export interface UntangleOptions {
  repo: string;
  ref: string;
  sizes: number[];
  /** Composites scored per size. */
  count: number;
  seed: number;
  maxHunks: number;
  maxDiffBytes: number;
  mode: Mode;
  /**
   * Give the analysis the co-change model that `footprint learn` would have learned on each
   * composite's base, from that commit and its ancestors only.
   */
  learn: boolean;
  /** Print one line per composite to stderr. */
  details: boolean;
  json: boolean;
  help: boolean;
}

export const USAGE = `Usage: node --import tsx bench/untangle/run.ts --repo PATH [options]

Tangles runs of consecutive commits by one author from a repository's first-parent history
into one change, runs footprint's batch analysis on it, and scores the batches against the
commits, next to four baselines (one batch, per file, per directory, per hunk).

  --repo PATH          a local clone; it is only read (required)
  --ref REF            history to sample (default HEAD)
  --sizes LIST         commits per composite (default 2,3,5; at most 30)
  --count N            composites scored per size (default 30)
  --seed N             seed of the composite choice (default 1)
  --max-hunks N        skip composites with more hunks than this (default 200)
  --max-diff-bytes N   blobs larger than this many bytes are not diffed (default 1048576)
  --mode MODE          conservative, balanced or aggressive (default balanced)
  --learn              give the analysis the model footprint learn would have learned on
                       each composite's base (its history up to the base, nothing after)
  --details            print one line per composite to stderr
  --json               print one JSON document instead of the tables
  -h, --help           print this help`;

const MODES: readonly Mode[] = ['conservative', 'balanced', 'aggressive'];
/** Commits are bits of a 31-bit mask in the line history. */
const MAX_SIZE = 30;

/** Parses the command line; throws an Error naming the invalid value. */
export function parseOptions(argv: readonly string[]): UntangleOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      repo: { type: 'string' },
      ref: { type: 'string', default: 'HEAD' },
      sizes: { type: 'string', default: '2,3,5' },
      count: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      'max-hunks': { type: 'string', default: '200' },
      'max-diff-bytes': { type: 'string', default: String(createDefaultConfig().maxDiffBytes) },
      mode: { type: 'string', default: 'balanced' },
      learn: { type: 'boolean', default: false },
      details: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  const help = values.help;
  if (!help && values.repo === undefined) {
    throw new Error('Missing --repo: give the path of a local clone, such as --repo /tmp/vite.');
  }
  if (!MODES.includes(values.mode as Mode)) {
    throw new Error(`Invalid --mode "${values.mode}": expected ${MODES.join(', ')}.`);
  }

  return {
    repo: path.resolve(values.repo ?? '.'),
    ref: values.ref,
    sizes: parseSizes(values.sizes),
    count: parseInteger('--count', values.count, 1),
    seed: parseInteger('--seed', values.seed, 0),
    maxHunks: parseInteger('--max-hunks', values['max-hunks'], 1),
    maxDiffBytes: parseInteger('--max-diff-bytes', values['max-diff-bytes'], 1),
    mode: values.mode as Mode,
    learn: values.learn,
    details: values.details,
    json: values.json,
    help,
  };
}

function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((item) => parseInteger('--sizes', item.trim(), 2));
  const tooLarge = sizes.find((size) => size > MAX_SIZE);
  if (tooLarge !== undefined) {
    throw new Error(`Invalid --sizes "${text}": ${tooLarge} is over the maximum of ${MAX_SIZE}.`);
  }
  return [...new Set(sizes)];
}

function parseInteger(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (text === '' || !Number.isInteger(value) || value < minimum) {
    throw new Error(`Invalid ${flag} "${text}": expected an integer of at least ${minimum}.`);
  }
  return value;
}
