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
/**
 * An ISO 8601 date, with or without a time: `2025-01-31`, `2025-01-31T12:00Z`. Groups: year,
 * month, day, hour, minute, second.
 */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

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

  const match = ISO_DATE.exec(value.trim());
  if (match === null || !isCalendarTime(match)) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time);
}

/**
 * Returns true when the fields of an ISO_DATE match name a real day and time. `Date.parse`
 * rolls an impossible day over into the next month (2026-02-31 becomes March 3).
 */
function isCalendarTime(match: RegExpExecArray): boolean {
  const fields = match.slice(1).map((field) => (field === undefined ? undefined : Number(field)));
  const [year, month, day, hour = 0, minute = 0, second = 0] = fields;
  if (year === undefined || month === undefined || day === undefined) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}
