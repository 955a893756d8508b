/**
 * A type annotation after a colon, then `=`: `API_KEY: &str =` (Rust), `apiKey: string =`
 * (TypeScript), `API_KEY: Final[str] =` (Python), `val apiKey: String =` (Kotlin, Scala, Swift).
 * The type has no quote, comma, `=` or bracket of a call, and `=` is no part of `==`, `=>`,
 * `<=`, `>=` or `!=`. Every part is bounded, so each candidate costs constant time.
 */
const COLON_TYPE =
  /[ \t]{0,5}:[ \t]{0,5}[A-Za-z_&*[][A-Za-z0-9_&'*.:<>[\] \t|?]{0,80}?(?<![<>!=])=(?![=>])[ \t]{0,5}/y;

/** A Go type between a name and `=`: `apiKey string =`, `key []byte =`, `t *pkg.Type =`. */
const GO_TYPE = /[ \t]{1,5}[A-Za-z_*[][A-Za-z0-9_.*[\]]{0,40}[ \t]{0,5}=(?![=>])[ \t]{0,5}/y;

/**
 * The text before a name that Go declares with a type: `const` or `var` on the line, or the
 * tabs that gofmt indents a `const (…)` or `var (…)` block's lines with.
 */
const GO_DECLARATION_BEFORE = /^(?:[ \t]*(?:const|var)[ \t]+|\t+)$/;

/** Characters of the line read back from a name to find a Go declaration. */
const MAX_LOOK_BACK = 40;

/**
 * Returns the offset after `=` when a type annotation sits between the name from `nameStart` to
 * `nameEnd` and its `=`, or null. The generic-secret rule and the redactor of insight requests
 * both read typed declarations through it, so they judge the same values.
 */
export function skipTypeAnnotation(
  text: string,
  nameStart: number,
  nameEnd: number,
): number | null {
  COLON_TYPE.lastIndex = nameEnd;
  if (COLON_TYPE.test(text)) return COLON_TYPE.lastIndex;

  const from = Math.max(0, nameStart - MAX_LOOK_BACK);
  const before = text.slice(from, nameStart);
  const lineStart = before.lastIndexOf('\n');
  // A line that starts before the text read back has more than a declaration before the name.
  if (lineStart === -1 && from > 0) return null;
  if (!GO_DECLARATION_BEFORE.test(before.slice(lineStart + 1))) return null;
  GO_TYPE.lastIndex = nameEnd;
  return GO_TYPE.test(text) ? GO_TYPE.lastIndex : null;
}
