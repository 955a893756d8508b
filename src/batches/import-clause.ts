import { AsciiFirstPattern } from './ascii-pattern.js';

/** The names one import or re-export statement binds and takes. */
export interface ImportClause {
  locals: string[];
  imported: string[];
}

/** Tokens of an import clause: names, braces, commas and `*`. Strings end the clause. */
const CLAUSE_TOKEN = new AsciiFirstPattern(String.raw`[\p{L}_$][\p{L}\p{N}_$]*|[{},*]|['"]`, 'gu');

/** Words of the statement's own syntax, never a bound name. */
const SYNTAX_WORDS = new Set(['import', 'export', 'from', 'type', 'typeof', 'defer', 'source']);

interface ClauseState {
  braces: boolean;
  pendingAs: boolean;
  namespace: boolean;
  reexport: boolean;
}

function addName(clause: ImportClause, state: ClauseState, name: string): void {
  if (state.pendingAs) {
    // `x as y`: the import takes `x`, already recorded, and binds `y` in its place.
    clause.locals.pop();
    if (!state.reexport) clause.locals.push(name);
    state.pendingAs = false;
    return;
  }
  if (state.namespace) {
    clause.imported.push('*');
    if (!state.reexport) clause.locals.push(name);
    state.namespace = false;
    return;
  }
  clause.imported.push(state.braces ? name : 'default');
  clause.locals.push(name);
}

/**
 * Reads the names of a static `import` or `export ... from` statement from its text, as
 * es-module-lexer reports the statement's bounds but not its names. `import a, { b as c, type
 * D } from './m'` binds `a`, `c` and `D`, and takes `default`, `b` and `D`. A re-export binds
 * nothing locally.
 */
export function readImportClause(statement: string): ImportClause {
  const clause: ImportClause = { locals: [], imported: [] };
  const state: ClauseState = {
    braces: false,
    pendingAs: false,
    namespace: false,
    reexport: statement.trimStart().startsWith('export'),
  };

  for (const match of statement.matchAll(CLAUSE_TOKEN.for(statement))) {
    const token = match[0];
    if (token === "'" || token === '"') break;
    if (token === '{') state.braces = true;
    else if (token === '}') state.braces = false;
    else if (token === '*') state.namespace = true;
    else if (token === 'as') state.pendingAs = !state.namespace;
    else if (token !== ',' && !SYNTAX_WORDS.has(token)) addName(clause, state, token);
  }
  if (state.reexport) clause.locals = [];
  return clause;
}
