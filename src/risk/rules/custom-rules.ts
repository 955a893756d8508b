import type { Config, CustomRuleConfig } from '../../config/types.js';
import { UserError } from '../../errors.js';
import type { FileChange, FileContent } from '../../footprint/types.js';
import { readAddedLines } from '../added-lines.js';
import { createFinding } from '../finding.js';
import { compileLinearRegExp, LinearRegExpError } from '../linear-regexp.js';
import { maskSecret, shortenForDisplay } from '../mask.js';
import { matchesAnyGlob } from '../path-glob.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

const DEFAULT_FIX =
  'Change the line so it no longer matches the rule, then `git add` the file again.';

/** Flags a custom pattern may use; `g` is added by footprint and the others need backtracking. */
const ALLOWED_FLAGS = /^[ms]*$/;

function compilePattern(custom: CustomRuleConfig, index: number): RegExp {
  const key = `risk.custom[${index}]`;
  const flags = custom.flags ?? '';
  if (!ALLOWED_FLAGS.test(flags)) {
    throw new UserError(
      `${key}.flags is "${flags}"; only "m" and "s" are allowed, because footprint matches custom ` +
        'patterns in linear time. Write letter case out instead of the "i" flag, e.g. `[Tt]oken`.',
    );
  }
  try {
    return compileLinearRegExp(custom.pattern, `g${flags}`);
  } catch (error) {
    const pattern = JSON.stringify(custom.pattern);
    if (error instanceof LinearRegExpError && error.kind === 'invalid') {
      throw new UserError(
        `${key}.pattern ${pattern} is not a valid JavaScript regular expression: ` +
          `${error.message}. Fix its syntax.`,
        { cause: error },
      );
    }
    const reason = error instanceof LinearRegExpError ? error.message : String(error);
    throw new UserError(
      `${key}.pattern ${pattern} cannot be matched in linear time: ${reason}. Write it without ` +
        'backreferences or lookaround.',
      { cause: error },
    );
  }
}

function createCheck(
  custom: CustomRuleConfig,
  pattern: RegExp,
  rule: Pick<RiskRule, 'id' | 'fix'>,
) {
  const mask = custom.mask ?? true;
  return (file: FileChange, content: FileContent, context: RuleContext): Finding[] => {
    if (custom.paths !== undefined && !matchesAnyGlob(file.path, custom.paths)) return [];
    if (custom.ignorePaths !== undefined && matchesAnyGlob(file.path, custom.ignorePaths))
      return [];

    const findings: Finding[] = [];
    for (const added of readAddedLines(file, content)) {
      pattern.lastIndex = 0;
      const match = pattern.exec(added.text);
      if (match === null) continue;
      findings.push(
        createFinding(rule, context, {
          path: file.path,
          line: added.line,
          message: custom.message ?? `Line matches the custom rule ${custom.id}`,
          masked: mask ? maskSecret(match[0]) : shortenForDisplay(match[0]),
        }),
      );
    }
    return findings;
  };
}

/**
 * Builds the rules of `risk.custom`. Throws a UserError (exit 2) for an id that a built-in
 * rule or another custom rule has, and for a pattern that is invalid or cannot be matched in
 * linear time, so a custom rule never hangs the hook.
 */
export function createCustomRules(config: Config, builtInIds: ReadonlySet<string>): RiskRule[] {
  const seen = new Set(builtInIds);
  return config.risk.custom.map((custom, index) => {
    if (seen.has(custom.id)) {
      throw new UserError(
        `risk.custom[${index}].id "${custom.id}" is already the id of another rule. Give the custom rule its own id.`,
      );
    }
    seen.add(custom.id);

    const rule = { id: custom.id, fix: custom.fix ?? DEFAULT_FIX };
    return {
      ...rule,
      group: 'custom',
      defaultSeverity: custom.severity,
      description: custom.message ?? `Custom rule: lines matching /${custom.pattern}/.`,
      defaultOptions: {},
      check: createCheck(custom, compilePattern(custom, index), rule),
    };
  });
}
