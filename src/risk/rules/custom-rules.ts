import type { Config, CustomRuleConfig } from '../../config/types.js';
import { UserError } from '../../errors.js';
import type { FileChange, FileContent } from '../../footprint/types.js';
import { readAddedLines } from '../added-lines.js';
import { createFinding, type FindingFields } from '../finding.js';
import { compileLinearRegExp, LinearRegExpError } from '../linear-regexp.js';
import { maskSecret, shortenForDisplay } from '../mask.js';
import { matchesAnyGlob } from '../path-glob.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

const DEFAULT_FIX =
  'Change the line so it no longer matches the rule, then `git add` the file again.';

/** Flags a custom pattern may use; `g` is added by footprint and the others need backtracking. */
const ALLOWED_FLAGS = /^[ms]*$/;

/**
 * A problem of one custom rule: the key it is in, the value written there and the rest of the
 * sentence after the value, with the fix. A caller adds the file name.
 */
export interface CustomRuleProblem {
  /** Such as `risk.custom[0].pattern`. */
  key: string;
  value: string;
  /** Follows the value: `, which is not a valid ... Fix its syntax.` */
  problem: string;
}

/** Compiles a custom rule's pattern, or returns the problem that keeps it from compiling. */
function compilePattern(custom: CustomRuleConfig, index: number): RegExp | CustomRuleProblem {
  const key = `risk.custom[${index}]`;
  const flags = custom.flags ?? '';
  if (!ALLOWED_FLAGS.test(flags)) {
    return {
      key: `${key}.flags`,
      value: flags,
      problem:
        '; only "m" and "s" are allowed, because footprint matches custom patterns in linear ' +
        'time. Write letter case out instead of the "i" flag, e.g. `[Tt]oken`.',
    };
  }
  try {
    return compileLinearRegExp(custom.pattern, `g${flags}`);
  } catch (error) {
    const pattern = { key: `${key}.pattern`, value: custom.pattern };
    if (error instanceof LinearRegExpError && error.kind === 'invalid') {
      const problem = `, which is not a valid JavaScript regular expression (${error.message}). Fix its syntax.`;
      return { ...pattern, problem };
    }
    const problem =
      ', which cannot be matched in linear time. Write it without backreferences or lookaround.';
    return { ...pattern, problem };
  }
}

/** Returns the problem of a custom rule's id that a built-in or an earlier custom rule has. */
function checkId(
  custom: CustomRuleConfig,
  index: number,
  earlier: ReadonlyMap<string, number>,
  builtInIds: ReadonlySet<string>,
): CustomRuleProblem | null {
  const key = `risk.custom[${index}].id`;
  if (builtInIds.has(custom.id)) {
    const problem = ', which is the id of a built-in rule. Give the custom rule its own id.';
    return { key, value: custom.id, problem };
  }
  const first = earlier.get(custom.id);
  if (first === undefined) return null;
  const problem = `, which risk.custom[${first}] already has. Give each custom rule its own id.`;
  return { key, value: custom.id, problem };
}

/** The compiled patterns of a configuration's custom rules, by index, and their problems. */
interface CompiledCustomRules {
  patterns: Array<RegExp | null>;
  problems: CustomRuleProblem[];
}

function compileCustomRules(
  customRules: readonly CustomRuleConfig[],
  builtInIds: ReadonlySet<string>,
): CompiledCustomRules {
  const compiled: CompiledCustomRules = { patterns: [], problems: [] };
  const earlier = new Map<string, number>();
  customRules.forEach((custom, index) => {
    const idProblem = checkId(custom, index, earlier, builtInIds);
    if (idProblem !== null) compiled.problems.push(idProblem);
    if (!earlier.has(custom.id)) earlier.set(custom.id, index);

    const pattern = compilePattern(custom, index);
    compiled.patterns.push(pattern instanceof RegExp ? pattern : null);
    if (!(pattern instanceof RegExp)) compiled.problems.push(pattern);
  });
  return compiled;
}

/**
 * Returns the problems of the custom rules of one configuration. They are an id that a
 * built-in rule or an earlier custom rule has, flags other than `m` and `s`, and a pattern that
 * is invalid or cannot be matched in linear time. Loading the configuration reports them with
 * its file name.
 */
export function findCustomRuleProblems(
  customRules: readonly CustomRuleConfig[],
  builtInIds: ReadonlySet<string>,
): CustomRuleProblem[] {
  return compileCustomRules(customRules, builtInIds).problems;
}

/** Characters of a value that a problem shows, as configuration errors show them. */
const MAX_SHOWN_VALUE = 60;

/**
 * Formats a problem as a message line: `"risk.custom[0].id" is "todo", which ...`. `keyPrefix`
 * is the key of the configuration inside its file, `footprint` in package.json.
 */
export function formatCustomRuleProblem(problem: CustomRuleProblem, keyPrefix = ''): string {
  const key = keyPrefix === '' ? problem.key : `${keyPrefix}.${problem.key}`;
  const value = JSON.stringify(problem.value);
  const shortened =
    value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE - 3)}...` : value;
  return `"${key}" is ${shortened}${problem.problem}`;
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
      const fields: FindingFields = {
        path: file.path,
        line: added.line,
        message: custom.message ?? `Line matches the custom rule ${custom.id}`,
        masked: mask ? maskSecret(match[0]) : shortenForDisplay(match[0]),
      };
      // A masked match is a secret, which an insight request must not contain anywhere.
      const end = match.index + match[0].length;
      if (mask) fields.range = { line: added.line, start: match.index, end };
      findings.push(createFinding(rule, context, fields));
    }
    return findings;
  };
}

/**
 * Builds the rules of `risk.custom`. Throws a UserError (exit 2) for the problems that
 * findCustomRuleProblems returns, so no pattern that could backtrack runs. loadConfig and
 * readFolderConfig reject a file with such problems first, naming the file.
 */
export function createCustomRules(config: Config, builtInIds: ReadonlySet<string>): RiskRule[] {
  const { patterns, problems } = compileCustomRules(config.risk.custom, builtInIds);
  if (problems.length > 0) {
    throw new UserError(problems.map((problem) => formatCustomRuleProblem(problem)).join('\n'));
  }

  return config.risk.custom.flatMap((custom, index) => {
    const pattern = patterns[index];
    if (pattern === null || pattern === undefined) return [];
    const rule = { id: custom.id, fix: custom.fix ?? DEFAULT_FIX };
    return {
      ...rule,
      group: 'custom',
      defaultSeverity: custom.severity,
      description: custom.message ?? `Custom rule: lines matching /${custom.pattern}/.`,
      defaultOptions: {},
      check: createCheck(custom, pattern, rule),
    } satisfies RiskRule;
  });
}
