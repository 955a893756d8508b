import { createRequire } from 'node:module';
import { createDebug } from '../log/debug.js';
import { readImportClause } from './import-clause.js';
import { COMPONENT_PATH, scriptRanges } from './script-ranges.js';

type Lexer = typeof import('es-module-lexer');

const debug = createDebug('batches');
let lexer: Lexer | undefined;

/** One import, re-export or `require` of a module, with offsets into the text. */
export interface ModuleImport {
  specifier: string;
  /** Offsets of the whole statement (the call for a dynamic import or `require`). */
  start: number;
  end: number;
  /** Local names the statement binds: `c` for `import { b as c }`. */
  locals: string[];
  /** Names it takes from the module: `b` for `import { b as c }`, `default`, or `*`. */
  imported: string[];
}

/** One name a module exports, with the offset of the name. */
export interface ModuleExport {
  name: string;
  offset: number;
}

export interface ModuleSyntax {
  imports: ModuleImport[];
  exports: ModuleExport[];
}

/** Lexer runs on one text, so a text full of errors costs bounded time. */
const MAX_ATTEMPTS = 32;

/**
 * CommonJS `require('./x')`, which es-module-lexer does not report. The quoted specifier is
 * bounded and contains no quote or line break, so a match costs time linear in the text.
 */
const REQUIRE_CALL = /\brequire\s*\(\s*(['"])([^'"\r\n]{1,500})\1\s*\)/g;

/**
 * Requires es-module-lexer synchronously, which keeps batch analysis synchronous: its ES build
 * only offers `await init`. In the CommonJS bundle `require` exists, so esbuild bundles the
 * package and this call runs it from the bundle without resolving it on disk. Run as an ES
 * module (tsx, tests), the source has no `require` and creates one.
 */
function requireLexer(): Lexer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (typeof require === 'function') return require('es-module-lexer') as Lexer;
  return createRequire(import.meta.url)('es-module-lexer') as Lexer;
}

/** Returns es-module-lexer, loaded on first use because loading it compiles its WebAssembly. */
function loadLexer(): Lexer {
  if (lexer) return lexer;

  const loaded = requireLexer();
  loaded.initSync();
  lexer = loaded;
  return loaded;
}

function lexSegment(text: string, base: number, syntax: ModuleSyntax): void {
  const [imports, exports] = loadLexer().parse(text);
  for (const entry of imports) {
    if (entry.n === undefined || entry.t === 3) continue;
    const statement = text.slice(entry.ss, entry.se);
    const clause = entry.d === -1 ? readImportClause(statement) : { locals: [], imported: [] };
    syntax.imports.push({
      specifier: entry.n,
      start: base + entry.ss,
      end: base + entry.se,
      ...clause,
    });
  }
  for (const entry of exports) syntax.exports.push({ name: entry.n, offset: base + entry.s });
}

/** Returns the offset just after the line break nearest the middle of `text`, or -1. */
function middleLineStart(text: string): number {
  const middle = text.length >> 1;
  const after = text.indexOf('\n', middle);
  if (after !== -1 && after + 1 < text.length) return after + 1;
  const before = text.lastIndexOf('\n', middle);
  return before > 0 ? before + 1 : -1;
}

/**
 * Returns where to split a text the lexer rejected: at the start of the line it failed on, so
 * the lines above lex on their own, or in the middle when it failed on the first line.
 */
function splitPoint(text: string, errorOffset: number): number {
  const lineStart = text.lastIndexOf('\n', Math.max(errorOffset - 1, 0)) + 1;
  return lineStart > 0 ? lineStart : middleLineStart(text);
}

/**
 * Lexes `text` with es-module-lexer. The lexer reads TypeScript as it reads JavaScript,
 * because it only tracks brackets, strings, comments and regular expressions and skips types.
 * It fails on JSX and a few TypeScript forms, so a text it rejects is split in two at a line
 * break (see splitPoint) and each part is lexed again, up to MAX_ATTEMPTS lexer runs: the imports of every
 * part that lexes still count. A statement that spans the split is lost. Only the range
 * `from` to `to` of the text is lexed; offsets stay those of the whole text.
 */
function lexInParts(
  text: string,
  path: string,
  syntax: ModuleSyntax,
  from = 0,
  to = text.length,
): void {
  const pending: Array<[number, number]> = [[from, to]];
  let attempts = 0;
  while (pending.length > 0 && attempts < MAX_ATTEMPTS) {
    const [start, end] = pending.shift() as [number, number];
    attempts += 1;
    const part = text.slice(start, end);
    try {
      lexSegment(part, start, syntax);
      continue;
    } catch (error) {
      const split = splitPoint(part, (error as { idx?: number }).idx ?? 0);
      if (split === -1) continue;
      pending.push([start, start + split], [start + split, end]);
    }
  }
  if (attempts > 1) debug(`lexer rejected ${path}; lexed it in parts with ${attempts} runs`);
}

function findRequireCalls(text: string, syntax: ModuleSyntax): void {
  if (!text.includes('require')) return;
  for (const match of text.matchAll(REQUIRE_CALL)) {
    const start = match.index;
    syntax.imports.push({
      specifier: match[2] as string,
      start,
      end: start + match[0].length,
      locals: [],
      imported: [],
    });
  }
}

/** A dynamic `import('./x')` with a quoted specifier, bounded as REQUIRE_CALL is. */
const IMPORT_CALL = /\bimport\s*\(\s*(['"])([^'"\r\n]{1,500})\1\s*\)/g;

/** Adds the dynamic imports in a component's markup, such as Svelte's `{#await import('./X.svelte')}`. */
function findMarkupImports(
  text: string,
  scripts: ReadonlyArray<[number, number]>,
  syntax: ModuleSyntax,
): void {
  if (!text.includes('import')) return;
  for (const match of text.matchAll(IMPORT_CALL)) {
    const start = match.index;
    if (scripts.some(([from, to]) => start >= from && start < to)) continue;
    const end = start + match[0].length;
    syntax.imports.push({ specifier: match[2] as string, start, end, locals: [], imported: [] });
  }
}

/**
 * Reads the imports, re-exports, dynamic imports, `require` calls and exports of a JavaScript
 * or TypeScript text, or of the scripts of a Svelte or Vue component. Type-only imports
 * count, because a type checker needs the imported file.
 */
export function readModuleSyntax(text: string, path: string): ModuleSyntax {
  const syntax: ModuleSyntax = { imports: [], exports: [] };
  if (COMPONENT_PATH.test(path)) {
    const ranges = scriptRanges(text);
    for (const [start, end] of ranges) lexInParts(text, path, syntax, start, end);
    findMarkupImports(text, ranges, syntax);
  } else {
    lexInParts(text, path, syntax);
  }
  syntax.imports.sort((a, b) => a.start - b.start);
  syntax.exports.sort((a, b) => a.offset - b.offset);
  findRequireCalls(text, syntax);
  return syntax;
}
