import type { FileChange } from '../../footprint/types.js';
import { createLeftoverCheck, SCRIPT_LANGUAGES, type LeftoverPattern } from './leftover-lines.js';
import type { RiskRule } from '../types.js';

const RULE = {
  id: 'focused-test',
  fix: 'Remove the focus (`.only`, `fit`, `fdescribe`) so the whole suite runs again.',
};

/**
 * Focused tests make a runner skip every other test. `.only` on a test function is specific
 * enough to look for in any script; `fit`, `fdescribe` and friends only in test files, where a
 * call of that name is a focused test rather than, say, a curve fit. Either counts only in
 * code, not inside a string such as the pattern of a lint rule's test. A focus function's
 * first argument is its title, a string or a name, so a call whose first argument is an array,
 * an object or a number, such as `expect(fit([1, 2]))`, does not count.
 */
const ONLY: LeftoverPattern = {
  languages: SCRIPT_LANGUAGES,
  keyword: '.only',
  pattern: /\b(?:describe|it|test|context|suite|specify)\.only(?:[ \t]*\(|\.each\b)/,
  label: 'Focused test (`.only`)',
  codeOnly: true,
};
const FOCUS_FUNCTIONS: LeftoverPattern[] = [
  {
    languages: SCRIPT_LANGUAGES,
    keyword: 'f',
    pattern: /(?:^|[^\w.$])(?:fit|fdescribe|fcontext|ftest)[ \t]*\((?![ \t]*[[{\d-])/,
    label: 'Focused test (`fit`, `fdescribe`)',
    codeOnly: true,
  },
  {
    languages: ['ruby'],
    keyword: 'f',
    pattern: /^[ \t]*(?:fit|fdescribe|fcontext|fspecify|fexample)\b|\bfocus:[ \t]*true\b/,
    label: 'Focused RSpec example',
  },
];

const checkAnyScript = createLeftoverCheck(RULE, [ONLY], () => true);
const checkTests = createLeftoverCheck(
  RULE,
  FOCUS_FUNCTIONS,
  (file: FileChange) => file.category === 'test',
);

export const focusedTestRule: RiskRule = {
  ...RULE,
  group: 'leftovers',
  defaultSeverity: 'high',
  description:
    'Finds focused tests on added lines (`describe.only`, `it.only`, `test.only`; `fit`, `fdescribe` in test files), which silently skip the rest of the suite.',
  defaultOptions: { ignorePaths: [] },
  check: (file, content, context) => {
    const only = checkAnyScript(file, content, context);
    return only.length > 0 ? only : checkTests(file, content, context);
  },
};
