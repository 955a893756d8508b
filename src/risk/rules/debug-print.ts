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
];

/** Folders and files where printing is the point: command-line scripts, benchmarks, examples. */
const PRINTING_PATHS = [
  'bin/**',
  'scripts/**',
  'bench/**',
  'benchmarks/**',
  'examples/**',
  '**/cli/**',
  '*.config.*',
];

export const debugPrintRule: RiskRule = {
  ...RULE,
  group: 'leftovers',
  defaultSeverity: 'low',
  description:
    'Finds debug printing (`console.log`, Python `print`) added to non-test source files.',
  defaultOptions: { ignorePaths: PRINTING_PATHS },
  check: createLeftoverCheck(RULE, PATTERNS, (file) => file.category === 'source'),
};
