/**
 * A literal used when the expression before it is unset: the string after `||`, `??`, PHP's
 * `?:` or Python's `or`. That literal is what ships whenever the variable is missing.
 */
export interface FallbackLiteral {
  value: string;
  /** Offset after the literal's closing quote. */
  end: number;
}

/** An operator whose right side is used when its left side is unset. */
const FALLBACK_OPERATOR = /\|\||\?\?|\?:|(?<=[ \t])or(?=[ \t])/y;
/** A quoted literal without blanks or escapes after a fallback operator. */
const QUOTED_LITERAL = /[ \t]{0,5}(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})'|`([^`\s\\]{1,200})`)/y;
/**
 * What may close a reference around a name before its fallback: the quote and brackets of
 * `os.environ["DB_PASSWORD"] or`, `getenv('API_KEY') ?:`.
 */
const REFERENCE_END = /["']?[\])]{0,2}[ \t]{0,5}/y;
/** An assignment operator and the blanks after it. */
const ASSIGNMENT = /["']?[ \t]{0,5}(?::=|=>|\?=|=|:)[ \t]{0,5}/y;
/** Characters of an expression read before its fallback operator at most. */
const MAX_EXPRESSION = 160;
/**
 * A fallback operator within MAX_EXPRESSION characters of the line, which the engine finds
 * faster than the scan below rejects most expressions without one.
 */
const OPERATOR_AHEAD = /[^\n]{0,160}?(?:\|\||\?\?|\?:|[ \t]or[ \t])/y;
const QUOTES = new Set(['"', "'", '`']);
const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** Characters that start a fallback operator, checked before FALLBACK_OPERATOR runs. */
const OPERATOR_STARTS = new Set(['|', '?', 'o']);

/** Reads the fallback operator at `at` and the literal after it, or returns null. */
function readOperatorAndLiteral(text: string, at: number): FallbackLiteral | null {
  if (!OPERATOR_STARTS.has(text.charAt(at))) return null;
  FALLBACK_OPERATOR.lastIndex = at;
  if (!FALLBACK_OPERATOR.test(text)) return null;
  QUOTED_LITERAL.lastIndex = FALLBACK_OPERATOR.lastIndex;
  const literal = QUOTED_LITERAL.exec(text);
  if (literal === null) return null;
  const value = literal[1] ?? literal[2] ?? literal[3] ?? '';
  return { value, end: QUOTED_LITERAL.lastIndex };
}

/** Returns the offset after the quoted text that opens at `at`, or -1 when its line ends first. */
function skipQuoted(text: string, at: number, limit: number): number {
  const quote = text.charAt(at);
  for (let index = at + 1; index < limit; index++) {
    const char = text.charAt(index);
    if (char === '\\') index++;
    else if (char === quote) return index + 1;
    else if (char === '\n') return -1;
  }
  return -1;
}

/**
 * Reads an expression from `start` up to a fallback operator at its top level and the literal
 * after it. Stops with null at a line end, a `,` or `;` at the top level or a bracket that
 * closes the expression, so a literal that belongs to another name is not read.
 */
function readExpressionFallback(text: string, start: number): FallbackLiteral | null {
  const limit = Math.min(text.length, start + MAX_EXPRESSION);
  let depth = 0;
  let at = start;
  while (at < limit) {
    const char = text.charAt(at);
    if (char === '\n' || ((char === ',' || char === ';') && depth === 0)) return null;
    if (QUOTES.has(char)) {
      at = skipQuoted(text, at, limit);
      if (at === -1) return null;
      continue;
    }
    if (OPENERS.has(char)) depth++;
    if (CLOSERS.has(char)) {
      if (depth === 0) return null;
      depth--;
    }
    if (depth === 0) {
      const fallback = readOperatorAndLiteral(text, at);
      if (fallback !== null) return fallback;
    }
    at++;
  }
  return null;
}

/**
 * Returns the fallback literal of the name that ends at `nameEnd`, in either form: right after
 * the name (`process.env.API_KEY || "…"`, `os.environ["DB_PASSWORD"] or "…"`), or after an
 * assignment to it whose value is an expression (`apiKey = process.env.API_KEY ?? "…"`).
 * A value that starts with a quote is a plain literal, which the caller reads instead.
 */
export function readFallbackLiteral(text: string, nameEnd: number): FallbackLiteral | null {
  REFERENCE_END.lastIndex = nameEnd;
  REFERENCE_END.test(text);
  const direct = readOperatorAndLiteral(text, REFERENCE_END.lastIndex);
  if (direct !== null) return direct;

  ASSIGNMENT.lastIndex = nameEnd;
  if (!ASSIGNMENT.test(text)) return null;
  const start = ASSIGNMENT.lastIndex;
  const first = text.charAt(start);
  // A quote starts a plain literal, and a second `=` makes a comparison, not an assignment.
  if (first === '' || QUOTES.has(first) || first === '=') return null;
  OPERATOR_AHEAD.lastIndex = start;
  return OPERATOR_AHEAD.test(text) ? readExpressionFallback(text, start) : null;
}
