/** Position and reason of a JSON syntax error. */
export interface JsonSyntaxProblem {
  /** 1-based line and column of the offending character (one past the end for a cut-off text). */
  line: number;
  column: number;
  /** V8's reason without its position and its quote of the text, e.g. `Unexpected token '}'`. */
  reason: string;
}

export type JsonParseResult =
  { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

const POSITION = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;
// V8 quotes the text around the error, shortened with `...`: `, ..."key": }" is not valid JSON`.
const QUOTED_TEXT = /, .* is not valid JSON$/s;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_CHARACTER = /[\u0000-\u001f]/g;

/** Writes a control character as its JSON escape, so a reason stays on one line. */
function escape(character: string): string {
  return JSON.stringify(character).slice(1, -1);
}

/**
 * A UTF-16 byte order mark (FF FE or FE FF) read as UTF-8: two replacement characters. Windows
 * PowerShell's `>` and Out-File write UTF-16 ("Unicode") by default, without an `-Encoding`.
 */
const UTF16_BOM_AS_UTF8 = '\uFFFD\uFFFD';

const UTF16_REASON = 'UTF-16 text instead of UTF-8, so save the file as UTF-8';

/** Parses JSON text, reporting the line and column of a syntax error. A leading BOM is ignored. */
export function parseJsonText(text: string): JsonParseResult {
  if (text.startsWith(UTF16_BOM_AS_UTF8) && text.includes('\u0000')) {
    return { ok: false, problem: { line: 1, column: 1, reason: UTF16_REASON } };
  }

  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = errorOffset(source, message);
    const reason = message
      .replace(POSITION, '')
      .replace(QUOTED_TEXT, '')
      .replace(CONTROL_CHARACTER, escape);
    return { ok: false, problem: { ...lineAndColumn(source, offset), reason } };
  }
}

/**
 * Returns the offset V8 names in its message. Node 20's V8 leaves the position out of
 * "Unexpected token" and "Unexpected end" messages, so the offset is then found as the end
 * of the shortest prefix that already fails before its own end.
 */
function errorOffset(source: string, message: string): number {
  const match = POSITION.exec(message);
  if (match?.[1] !== undefined) return Number(match[1]);

  let low = 1;
  let high = source.length;
  if (!failsBeforeEnd(source)) return source.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsBeforeEnd(source.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return high - 1;
}

/** True when `prefix` has a syntax error that more text could not repair. */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const match = POSITION.exec(message);
    if (match?.[1] !== undefined) return Number(match[1]) < prefix.length;
    return !message.startsWith('Unexpected end of JSON input');
  }
}

/**
 * Returns true when a `//` or `/*` comment starts at the 1-based `line` and `column` of a JSON
 * syntax error, counted as parseJsonText counts them (after a byte order mark).
 */
export function startsComment(text: string, { line, column }: JsonSyntaxProblem): boolean {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rest = source.split('\n')[line - 1]?.slice(column - 1) ?? '';
  return rest.startsWith('//') || rest.startsWith('/*');
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
