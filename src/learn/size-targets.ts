import type { Mode } from '../batches/types.js';
import type { SizeTarget } from './model-types.js';

/**
 * Share of the repository's commits at or below each mode's target: aggressive splits down to
 * a typical (median) commit, balanced to three in four commits, conservative to nine in ten.
 */
const PERCENTILE_OF_MODE: Readonly<Record<Mode, number>> = {
  aggressive: 0.5,
  balanced: 0.75,
  conservative: 0.9,
};

/**
 * Targets used for a measure the model has no data for, as when every commit was read with
 * paths only. NOTE: these are round numbers, not measured; they go away with a model whose
 * walk could read diffs.
 */
const FALLBACK_TARGET: Readonly<Record<Mode, SizeTarget>> = {
  aggressive: { files: 3, hunks: 6, lines: 80 },
  balanced: { files: 6, hunks: 12, lines: 200 },
  conservative: { files: 12, hunks: 30, lines: 500 },
};

/** Flat histograms (size, commits, size, commits, ...) of files, hunks and lines per commit. */
export interface SizeHistograms {
  files: readonly number[];
  hunks: readonly number[];
  lines: readonly number[];
}

/**
 * Returns each mode's batch size target from the distribution of commit sizes.
 * NOTE: `learn` reports these targets, but batch analysis does not read them.
 */
export function deriveSizeTargets(sizes: SizeHistograms): Record<Mode, SizeTarget> {
  const modes = Object.keys(PERCENTILE_OF_MODE) as Mode[];
  const entries = modes.map((mode): [Mode, SizeTarget] => {
    const share = PERCENTILE_OF_MODE[mode];
    const fallback = FALLBACK_TARGET[mode];
    return [
      mode,
      {
        files: percentile(sizes.files, share) ?? fallback.files,
        hunks: percentile(sizes.hunks, share) ?? fallback.hunks,
        lines: percentile(sizes.lines, share) ?? fallback.lines,
      },
    ];
  });
  return Object.fromEntries(entries) as Record<Mode, SizeTarget>;
}

/**
 * Returns the smallest size at or below which `share` of the commits fall, at least 1, or
 * null for an empty histogram.
 */
export function percentile(flat: readonly number[], share: number): number | null {
  let total = 0;
  for (let at = 1; at < flat.length; at += 2) total += flat[at] as number;
  if (total === 0) return null;

  let seen = 0;
  for (let at = 0; at + 1 < flat.length; at += 2) {
    seen += flat[at + 1] as number;
    if (seen >= share * total) return Math.max(1, flat[at] as number);
  }
  return Math.max(1, flat[flat.length - 2] ?? 1);
}
