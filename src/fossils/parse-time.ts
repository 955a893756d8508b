const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Lengths of the units an age may use. A month is 30 days and a year 365, as an estimate. */
const UNIT_MS: ReadonlyArray<[RegExp, number]> = [
  [/^(?:h|hours?)$/i, HOUR_MS],
  [/^(?:d|days?)$/i, DAY_MS],
  [/^(?:w|weeks?)$/i, 7 * DAY_MS],
  [/^(?:mo|months?)$/i, 30 * DAY_MS],
  [/^(?:y|years?)$/i, 365 * DAY_MS],
];

/** `30d`, `12h`, `2w`, `6mo`, `1y`, or `6 months ago`. */
const AGE = /^(\d+)\s*([a-z]+)(?:\s+ago)?$/i;
/** An ISO 8601 date, with or without a time: `2025-01-31`, `2025-01-31T12:00Z`. */
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Returns an age in milliseconds, or null when `value` is not one. */
export function parseAge(value: string): number | null {
  const match = AGE.exec(value.trim());
  if (match === null) return null;
  const [, amount = '', unit = ''] = match;
  const length = UNIT_MS.find(([pattern]) => pattern.test(unit))?.[1];
  return length === undefined ? null : Number(amount) * length;
}

/**
 * Returns the time a date option names: an ISO 8601 date (a date alone is midnight UTC), or an
 * age counted back from `now`. Returns null when `value` is neither.
 */
export function parseDateOrAge(value: string, now: Date): Date | null {
  const age = parseAge(value);
  if (age !== null) return new Date(now.getTime() - age);
  if (!ISO_DATE.test(value.trim())) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time);
}
