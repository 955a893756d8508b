import type { FileChange } from '../footprint/types.js';
import { SEVERITIES, type RuleContext, type Severity } from './types.js';

/**
 * Returns the severity of a file's findings for a rule with a `testSeverity` option: that
 * option in test files (test folders and test file names), where values are mostly samples,
 * when it names a severity, else the rule's.
 */
export function severityInFile(file: FileChange, context: RuleContext): Severity {
  const testSeverity = context.options['testSeverity'];
  if (file.category !== 'test' || typeof testSeverity !== 'string') return context.severity;
  return SEVERITIES.includes(testSeverity as Severity)
    ? (testSeverity as Severity)
    : context.severity;
}
