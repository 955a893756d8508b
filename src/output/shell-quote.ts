/**
 * Quotes a value for a POSIX shell so that a command shown to the user runs as shown: left as
 * it is when it has only letters, digits and `_./-`, else in single quotes with each `'`
 * written as `'\''`.
 */
export function shellQuote(value: string): string {
  if (/^[\w./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
