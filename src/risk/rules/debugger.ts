import { createLeftoverCheck, SCRIPT_LANGUAGES, type LeftoverPattern } from './leftover-lines.js';
import type { RiskRule } from '../types.js';

const RULE = {
  id: 'debugger',
  fix: 'Delete the breakpoint line, then `git add` the file again.',
};

/**
 * Breakpoints that stop a program: a `debugger` statement on its own, Python's debugger
 * imports and calls (the modules pre-commit-hooks' debug-statements lists), Ruby's pry and
 * byebug, PHP's xdebug_break. Also Rust's `dbg!`, which prints to stderr and has no use but
 * debugging (clippy's `dbg_macro` lint reports it). Each pattern is anchored or bounded, so it
 * runs in linear time.
 */
const PATTERNS: LeftoverPattern[] = [
  {
    languages: SCRIPT_LANGUAGES,
    keyword: 'debugger',
    pattern: /(?:^|[;{})]|\belse)[ \t]*debugger[ \t]*(?:;|$|\/\/|\/\*)/,
    label: '`debugger` statement',
  },
  {
    languages: ['python'],
    keyword: 'pdb',
    pattern:
      /^[ \t]*(?:import[ \t]+(?:i?pdb|pdbpp|rpdb)\b|from[ \t]+(?:i?pdb|pdbpp)[ \t]+import\b)|\b(?:i?pdb|rpdb)\.set_trace[ \t]*\(/,
    label: 'Python debugger',
  },
  {
    languages: ['python'],
    keyword: 'pudb',
    pattern: /^[ \t]*(?:import[ \t]+pudb\b|from[ \t]+pudb[ \t]+import\b)|\bpudb\.set_trace[ \t]*\(/,
    label: 'Python debugger',
  },
  {
    languages: ['python'],
    keyword: 'breakpoint',
    pattern: /^[ \t]*breakpoint[ \t]*\([ \t]*\)/,
    label: '`breakpoint()` call',
  },
  {
    languages: ['ruby'],
    keyword: 'binding.',
    pattern: /\bbinding\.(?:pry|irb)\b/,
    label: 'Ruby breakpoint',
  },
  {
    languages: ['ruby'],
    keyword: 'byebug',
    pattern: /^[ \t]*byebug\b/,
    label: 'Ruby breakpoint',
  },
  {
    languages: ['rust'],
    keyword: 'dbg!',
    pattern: /\bdbg![ \t]*[([{]/,
    label: '`dbg!` call',
    codeOnly: true,
    lineComment: '//',
  },
  {
    languages: ['php'],
    keyword: 'xdebug_break',
    pattern: /\bxdebug_break[ \t]*\(/,
    label: 'PHP breakpoint',
  },
];

export const debuggerRule: RiskRule = {
  ...RULE,
  group: 'leftovers',
  defaultSeverity: 'high',
  description:
    'Finds breakpoints left on added lines: `debugger` in JavaScript and TypeScript, pdb and `breakpoint()` in Python, pry and byebug in Ruby, `dbg!` in Rust.',
  defaultOptions: { ignorePaths: [] },
  check: createLeftoverCheck(RULE, PATTERNS, () => true),
};
