/**
 * A shell or Compose default: `${DB_PASSWORD:-…}` and `${DB_PASSWORD-…}` expand to the text
 * after the operator when the variable is unset, and `:=` and `=` also assign it. That text
 * ships in the file like any literal. `:?` (an error message) and `:+` (used only when the
 * variable is set) are not defaults.
 */
const DEFAULT_EXPANSION = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=](.*)\}$/s;
/** Quotes around the default's text, which the shell removes: `${PASS:-"s3cret"}`. */
const QUOTED = /^(["'])(.*)\1$/s;

/**
 * Returns the default text of a value that is one parameter expansion with a default, without
 * its quotes, or null for any other value.
 */
export function readDefaultLiteral(value: string): string | null {
  const expansion = DEFAULT_EXPANSION.exec(value);
  if (expansion === null) return null;
  const text = expansion[1] ?? '';
  return QUOTED.exec(text)?.[2] ?? text;
}
