import type { FileChange, FileContent } from '../../footprint/types.js';
import { createLeftoverCheck, SCRIPT_LANGUAGES, type LeftoverPattern } from './leftover-lines.js';
import type { RiskRule } from '../types.js';

const RULE = {
  id: 'debug-print',
  fix: "Delete the print, or send it through the project's logger.",
};

const PATTERNS: LeftoverPattern[] = [
  {
    languages: SCRIPT_LANGUAGES,
    keyword: 'console.',
    pattern: /\bconsole\.(?:log|debug|trace|dir)[ \t]*\(/,
    label: 'Debug print (`console.log`)',
  },
  {
    languages: ['python'],
    keyword: 'print',
    pattern: /^[ \t]*print[ \t]*\(/,
    label: 'Debug print (`print`)',
  },
  {
    languages: ['rust'],
    keyword: 'print',
    pattern: /\be?print(?:ln)?![ \t]*[([{]/,
    label: 'Debug print (`println!`)',
    codeOnly: true,
    lineComment: '//',
  },
  {
    languages: ['go'],
    keyword: 'fmt.Print',
    pattern: /\bfmt\.Print(?:ln|f)?[ \t]*\(/,
    label: 'Debug print (`fmt.Println`)',
    codeOnly: true,
    lineComment: '//',
  },
  {
    languages: ['go'],
    keyword: 'print',
    pattern: /^[ \t]*print(?:ln)?[ \t]*\(/,
    label: 'Debug print (`println`)',
    lineComment: '//',
  },
];

/**
 * Folders and files where printing is the point: command-line scripts and entry modules
 * (Python's `cli.py` and `__main__.py`, a Rust crate's `src/main.rs`, `src/bin/` and build
 * script), benchmarks, examples.
 */
const PRINTING_PATHS = [
  'bin/**',
  'scripts/**',
  'bench/**',
  'benchmarks/**',
  'examples/**',
  '**/cli/**',
  'cli.py',
  '__main__.py',
  'main.rs',
  '**/src/bin/**',
  'build.rs',
  '*.config.*',
];

/** The package clause of a Go command: `package main`. */
const GO_MAIN_PACKAGE = /^package[ \t]+main\b/m;
/** A Rust `main` function at the top level of a file, so the file is a program's root. */
const RUST_MAIN_FUNCTION = /^(?:pub[ \t]+)?(?:async[ \t]+)?fn[ \t]+main[ \t]*\(/m;

/**
 * Returns true for a file of a program, which prints on purpose: a Go file of `package main`,
 * or a Rust file that defines `main`. It reads the staged text, not the path.
 */
function isProgramFile(file: FileChange, content: FileContent): boolean {
  const text = content.newText;
  if (text === null) return false;
  if (file.language === 'go') return GO_MAIN_PACKAGE.test(text);
  if (file.language === 'rust') return RUST_MAIN_FUNCTION.test(text);
  return false;
}

export const debugPrintRule: RiskRule = {
  ...RULE,
  group: 'leftovers',
  defaultSeverity: 'low',
  description:
    'Finds debug printing (`console.log`, Python `print`, Rust `println!`, Go `fmt.Println`) added to non-test source files.',
  defaultOptions: { ignorePaths: PRINTING_PATHS },
  check: createLeftoverCheck(
    RULE,
    PATTERNS,
    (file, content) => file.category === 'source' && !isProgramFile(file, content),
  ),
};
