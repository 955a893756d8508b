import { createRequire } from 'node:module';
import { createDebug } from '../log/debug.js';

type Lexer = typeof import('es-module-lexer');

const debug = createDebug('batches');
let lexer: Lexer | undefined;

/**
 * Fallback patterns for a file the lexer cannot read (JSX, TypeScript such as `a! / b` or
 * `import x = require()`). Each quoted specifier is bounded and contains no quote or line break,
 * so a match costs time linear in the text. They also match inside comments and strings, which
 * only adds edges: a spurious import joins batches, it never splits them.
 */
const FALLBACK_PATTERNS = [
  /\bfrom\s*(['"])([^'"\r\n]{1,500})\1/g,
  /\bimport\s*(?:\(\s*)?(['"])([^'"\r\n]{1,500})\1/g,
];

/** CommonJS `require('./x')`, which the lexer does not report. */
const REQUIRE_PATTERN = /\brequire\s*\(\s*(['"])([^'"\r\n]{1,500})\1\s*\)/g;

/** Returns es-module-lexer, loaded on first use because loading it compiles its WebAssembly. */
function loadLexer(): Lexer {
  if (lexer) return lexer;

  // A synchronous require keeps batch analysis synchronous; the ES build only offers `await init`.
  const require = createRequire(import.meta.url);
  const loaded = require('es-module-lexer') as Lexer;
  loaded.initSync();
  lexer = loaded;
  return loaded;
}

function matchAll(text: string, patterns: readonly RegExp[]): string[] {
  const specifiers: string[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      if (match[2] !== undefined) specifiers.push(match[2]);
    }
  }
  return specifiers;
}

function lexSpecifiers(text: string): string[] {
  const [imports] = loadLexer().parse(text);
  const specifiers: string[] = [];
  for (const entry of imports) {
    if (entry.n !== undefined) specifiers.push(entry.n);
  }
  return specifiers;
}

/**
 * Returns the module specifiers a JavaScript or TypeScript text imports, exports from or
 * requires, in order of appearance per kind. Type-only imports count, because a type checker
 * needs the imported file too.
 */
export function readImportSpecifiers(text: string, path: string): string[] {
  let specifiers: string[];
  try {
    specifiers = lexSpecifiers(text);
  } catch (error) {
    debug(`lexer failed on ${path} (${(error as Error).message}); scanning with patterns`);
    return matchAll(text, [...FALLBACK_PATTERNS, REQUIRE_PATTERN]);
  }
  return [...specifiers, ...matchAll(text, [REQUIRE_PATTERN])];
}
