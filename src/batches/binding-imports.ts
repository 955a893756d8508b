import { readImportClause } from './import-clause.js';
import { COMPONENT_PATH, scriptRanges } from './script-ranges.js';

/** An import statement of a staged text that binds local names, with its offsets. */
export interface BindingImport {
  specifier: string;
  locals: string[];
  /** The name each local takes from the module, by position: `default`, `*` or its name. */
  imported: string[];
  /** Offset of `import`. */
  start: number;
  /** Offset just after the specifier's closing quote. */
  end: number;
}

/**
 * The start of an import statement: `import` first on a line, after a byte order mark on the
 * first line. A line comment or a block comment's ` * ` line does not start with `import`, so
 * such text does not match.
 * NOTE: a second statement on the same line is missed, where the lexer would find it.
 */
const STATEMENT_START = /^\uFEFF?[ \t]*import\b/gm;

/** Inside a clause: a character that ends it (`;`, a quote, a backquote) or starts a comment. */
const CLAUSE_STOP = /[;'"`]|\/[/*]/g;

/** The end of a clause whose next token is the quoted specifier. */
const FROM_KEYWORD = /\bfrom\s*$/;

/** Maximum length of a clause in characters. Past it, the text is not read as a statement. */
const MAX_CLAUSE_LENGTH = 16_384;

/** Maximum length of a specifier in characters, the bound REQUIRE_CALL uses too. */
const MAX_SPECIFIER_LENGTH = 500;

/**
 * Returns the clause of an import statement, from just after `import` to its `from`, with each
 * comment replaced by a space, and the offset of the quote that opens the specifier. Returns
 * null when a `;` or a backquote ends the text first, or the quote follows no `from`.
 */
function readClause(text: string, from: number): { clause: string; quote: number } | null {
  const limit = Math.min(text.length, from + MAX_CLAUSE_LENGTH);
  let clause = '';
  let at = from;
  while (at < limit) {
    CLAUSE_STOP.lastIndex = at;
    const stop = CLAUSE_STOP.exec(text);
    if (stop === null || stop.index >= limit) return null;

    clause += text.slice(at, stop.index);
    const token = stop[0];
    if (token === "'" || token === '"') {
      return FROM_KEYWORD.test(clause) ? { clause, quote: stop.index } : null;
    }
    if (token === ';' || token === '`') return null;
    const commentEnd =
      token === '//' ? text.indexOf('\n', stop.index) : text.indexOf('*/', stop.index + 2);
    if (commentEnd === -1) return null;
    clause += ' ';
    at = token === '//' ? commentEnd : commentEnd + 2;
  }
  return null;
}

/** Reads the binding import statement that starts at `start`, or returns null. */
function readStatement(text: string, start: number, afterImport: number): BindingImport | null {
  const clause = readClause(text, afterImport);
  if (clause === null) return null;

  const quote = text[clause.quote] as string;
  const close = text.indexOf(quote, clause.quote + 1);
  const specifier = text.slice(clause.quote + 1, close);
  if (close === -1 || specifier === '' || specifier.length > MAX_SPECIFIER_LENGTH) return null;
  if (specifier.includes('\n') || specifier.includes('\r')) return null;

  const { locals, imported } = readImportClause(`import ${clause.clause} '`);
  if (locals.length === 0) return null;
  return { specifier, locals, imported, start, end: close + 1 };
}

/**
 * Returns the ranges of a text that hold script: the `<script>` elements of a Svelte or Vue
 * component, or else the whole text.
 */
function scriptParts(text: string, path: string): Array<[number, number]> {
  return COMPONENT_PATH.test(path) ? scriptRanges(text) : [[0, text.length]];
}

/**
 * Reads the import statements of a script that bind names, without the lexer: a hook run that
 * needs only these would otherwise load the lexer's WebAssembly and lex whole files, 4 ms for
 * one 18 KB file of svelte. A statement starts a line, its clause may span lines and hold
 * comments, and it is skipped inside a template literal, found by the parity of the backquotes
 * above it.
 * NOTE: a backquote in a comment or a string above a statement flips that parity.
 */
export function readBindingImports(text: string, path: string): BindingImport[] {
  const found: BindingImport[] = [];
  for (const [from, to] of scriptParts(text, path)) {
    let backquotes = 0;
    let nextBackquote = text.indexOf('`', from);
    STATEMENT_START.lastIndex = from;
    let match = STATEMENT_START.exec(text);
    while (match !== null && match.index < to) {
      const afterImport = match.index + match[0].length;
      const start = afterImport - 'import'.length;
      while (nextBackquote !== -1 && nextBackquote < start) {
        backquotes += 1;
        nextBackquote = text.indexOf('`', nextBackquote + 1);
      }
      const statement = backquotes % 2 === 0 ? readStatement(text, start, afterImport) : null;
      if (statement !== null && statement.end <= to) found.push(statement);
      match = STATEMENT_START.exec(text);
    }
  }
  return found;
}
