/** Stars shown at most for the hidden part of a value, so a masked value stays short. */
const MAX_STARS = 12;

/**
 * Masks a secret for display: a long value keeps its first four characters (a provider prefix
 * such as `ghp_` says what it is), a shorter one two or none, and the rest becomes stars. The
 * result never holds more than four characters of the value.
 */
export function maskSecret(value: string): string {
  const shown = value.length >= 20 ? 4 : value.length >= 12 ? 2 : 0;
  const hidden = Math.min(value.length - shown, MAX_STARS);
  return `${value.slice(0, shown)}${'*'.repeat(Math.max(hidden, 4))}`;
}

/** Shortens a value that is not secret, such as a custom rule's match, for display. */
export function shortenForDisplay(value: string, maxLength = 80): string {
  return value.length <= maxLength ? value : `${value.slice(0, maxLength - 1)}…`;
}
