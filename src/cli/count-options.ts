import { UserError } from '../errors.js';
import { invalidCountMessage } from '../output/messages.js';

/** An option whose value is a count: the smallest value it accepts, what it counts, an example. */
export interface CountOption {
  minimum: number;
  unit: string;
  example: string;
}

/** The count options of `learn` and `fossils`, by name without the dashes. */
export const COUNT_OPTIONS: Readonly<Record<string, CountOption>> = {
  'max-commits': { minimum: 1, unit: 'a number of commits', example: '2000' },
  limit: { minimum: 1, unit: 'a number of fossils', example: '50' },
  keep: { minimum: 0, unit: 'a number of fossils', example: '10' },
};

/** Builds the usage error for any invalid value of a count option, negative ones included. */
export function countOptionError(name: string, value: string): UserError {
  const option = COUNT_OPTIONS[name] ?? { minimum: 0, unit: 'a count', example: '10' };
  return new UserError(invalidCountMessage(`--${name}`, value, option));
}

/**
 * Reads a count option's value: digits only, at least the option's minimum. A count past
 * Number.MAX_SAFE_INTEGER means "no limit" for each of these options, so it is capped there
 * instead of rejected.
 */
export function readCountOption(name: string, value: string): number {
  const minimum = COUNT_OPTIONS[name]?.minimum ?? 0;
  if (!/^\d+$/.test(value)) throw countOptionError(name, value);

  const count = Math.min(Number(value), Number.MAX_SAFE_INTEGER);
  if (count < minimum) throw countOptionError(name, value);
  return count;
}
