/** Returns the median of the samples, or the mean of the middle two for an even count. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('Cannot take the median of no samples.');

  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Returns the largest sample, or null when there are none (peak memory was not measured). */
export function maximum(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  return Math.max(...samples);
}

/** Returns `numerator / denominator`, or null when the denominator is not a positive number. */
export function ratio(numerator: number, denominator: number): number | null {
  if (!(denominator > 0) || !Number.isFinite(numerator)) return null;
  return numerator / denominator;
}

/** Formats a ratio with two decimals, as `1.07`, and a missing ratio as `n/a`. */
export function formatRatio(value: number | null): string {
  if (value === null) return 'n/a';
  return value.toFixed(2);
}

/** Formats milliseconds with one decimal below 100 ms and none above, as `14.2` or `135`. */
export function formatMilliseconds(value: number): string {
  return value < 100 ? value.toFixed(1) : value.toFixed(0);
}

/** Formats kibibytes as mebibytes with one decimal, and null as `n/a`. */
export function formatMebibytes(kibibytes: number | null): string {
  if (kibibytes === null) return 'n/a';
  return (kibibytes / 1024).toFixed(1);
}
