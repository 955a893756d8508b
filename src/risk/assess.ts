import type { BatchAnalysis, Mode } from '../batches/types.js';
import type { Config } from '../config/types.js';
import type { FileChange, FileContent, FootprintWithContent } from '../footprint/types.js';
import { createDebug } from '../log/debug.js';
import { hasReadableText, readAddedLines } from './added-lines.js';
import { riskRules } from './rules/index.js';
import { isBlocking, scoreFindings } from './score.js';
import { findSuppression } from './suppression.js';
import type { Finding, RiskReport, RiskRule } from './types.js';

const debug = createDebug('risk');

export interface RiskOptions {
  mode: Mode;
  config: Config;
  /** Rule ids to skip for this run, as FOOTPRINT_SKIP lists them. */
  skip: readonly string[];
}

/** Returns the rules that run: all but those `risk.disable` turns off or the run skips. */
function selectRules(options: RiskOptions): RiskRule[] {
  const off = new Set([...options.config.risk.disable, ...options.skip]);
  for (const id of off) {
    if (!riskRules.some((rule) => rule.id === id)) debug(`no rule has the id ${id}; ignored`);
  }
  return riskRules.filter((rule) => !off.has(rule.id));
}

function checkFile(
  file: FileChange,
  content: FileContent,
  rules: readonly RiskRule[],
  config: Config,
): Finding[] {
  const found = rules.flatMap((rule) =>
    rule.check(file, content, { severity: rule.defaultSeverity, options: rule.defaultOptions }),
  );
  if (found.length === 0) return found;

  const lineTexts = new Map(readAddedLines(file, content).map((added) => [added.line, added.text]));
  return found.filter((finding) => {
    const lineText = finding.line === undefined ? undefined : lineTexts.get(finding.line);
    const reason = findSuppression(finding, lineText, config.risk.allow);
    if (reason === null) return true;

    debug(`${finding.rule} at ${finding.path}:${finding.line ?? '-'} allowed by ${reason}`);
    return false;
  });
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const lines = (a.line ?? 0) - (b.line ?? 0);
  if (lines !== 0) return lines;
  const ruleOrder = (rule: string) => riskRules.findIndex((candidate) => candidate.id === rule);
  return ruleOrder(a.rule) - ruleOrder(b.rule);
}

/**
 * Runs the risk rules on the lines the staged change adds and returns the findings sorted by
 * path and line, their combined score and whether the commit is blocked. Binary, opaque and
 * deleted files are not read. Rules run during a merge, rebase, cherry-pick or revert too.
 */
export function assessRisk(
  input: FootprintWithContent,
  _analysis: BatchAnalysis,
  options: RiskOptions,
): RiskReport {
  const rules = selectRules(options);
  const findings: Finding[] = [];
  for (const file of input.footprint.files) {
    const content = input.content.get(file.path);
    if (content === undefined || !hasReadableText(file, content)) continue;
    findings.push(...checkFile(file, content, rules, options.config));
  }
  findings.sort(compareFindings);

  return {
    score: scoreFindings(findings),
    blocked: isBlocking(findings, options.config.blockOn[options.mode]),
    findings,
  };
}
