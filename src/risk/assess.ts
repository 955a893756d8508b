import type { BatchAnalysis, Mode } from '../batches/types.js';
import type { Config } from '../config/types.js';
import type { FileChange, FileContent, FootprintWithContent } from '../footprint/types.js';
import { createDebug } from '../log/debug.js';
import { hasReadableText, readAddedLines } from './added-lines.js';
import { listRules } from './rules/index.js';
import { isBlocking, scoreFindings } from './score.js';
import { resolveRuleContext } from './settings.js';
import { findSuppression } from './suppression.js';
import type { Finding, RiskChange, RiskModel, RiskReport, RiskRule } from './types.js';

const debug = createDebug('risk');

export interface RiskOptions {
  mode: Mode;
  config: Config;
  /** Rule ids to skip for this run, as FOOTPRINT_SKIP lists them. */
  skip: readonly string[];
  /** Every path in the index, when the reader lists them (case conflicts, lockfiles). */
  indexPaths?: readonly string[];
  /** The learned model, when one exists. */
  model?: RiskModel;
}

/** Returns the rules that run: all but those `risk.disable` turns off or the run skips. */
function selectRules(options: RiskOptions): RiskRule[] {
  const rules = listRules(options.config);
  const off = new Set([...options.config.risk.disable, ...options.skip]);
  for (const id of off) {
    if (!rules.some((rule) => rule.id === id)) debug(`no rule has the id ${id}; ignored`);
  }
  return rules.filter((rule) => !off.has(rule.id));
}

function checkFiles(input: FootprintWithContent, rules: RiskRule[], config: Config): Finding[] {
  const fileRules = rules.filter((rule) => rule.check !== undefined);
  const contexts = fileRules.map((rule) => resolveRuleContext(rule, config));
  const findings: Finding[] = [];
  for (const file of input.footprint.files) {
    const content = input.content.get(file.path);
    if (content === undefined || !hasReadableText(file, content)) continue;
    fileRules.forEach((rule, index) => {
      const context = contexts[index] ?? resolveRuleContext(rule, config);
      findings.push(...(rule.check?.(file, content, context) ?? []));
    });
  }
  return findings;
}

function checkChange(change: RiskChange, rules: RiskRule[], config: Config): Finding[] {
  return rules.flatMap(
    (rule) => rule.checkChange?.(change, resolveRuleContext(rule, config)) ?? [],
  );
}

/** Rules whose findings name the secret precisely; a generic-secret finding on their line repeats them. */
const PRECISE_SECRET_RULES = new Set(['private-key', 'provider-token', 'url-credentials']);

/** Drops generic-secret findings on lines where a precise secret rule already found the secret. */
function dropRepeatedSecrets(findings: Finding[]): Finding[] {
  const precise = new Set(
    findings
      .filter((finding) => PRECISE_SECRET_RULES.has(finding.rule))
      .map((finding) => `${finding.path}:${finding.line ?? 0}`),
  );
  if (precise.size === 0) return findings;
  return findings.filter(
    (finding) =>
      finding.rule !== 'generic-secret' || !precise.has(`${finding.path}:${finding.line ?? 0}`),
  );
}

/** Drops the findings an inline comment or a `risk.allow` entry allows, saying why in debug output. */
function dropAllowed(
  findings: Finding[],
  input: FootprintWithContent,
  rules: RiskRule[],
  config: Config,
): Finding[] {
  const files = new Map(input.footprint.files.map((file) => [file.path, file]));
  const lineTexts = new Map<string, Map<number, string>>();
  const lineText = (finding: Finding): string | undefined => {
    const file = files.get(finding.path);
    const content = input.content.get(finding.path);
    if (finding.line === undefined || file === undefined || content === undefined) return undefined;
    return readLineTexts(lineTexts, file, content).get(finding.line);
  };
  const groups = new Map(rules.map((rule) => [rule.id, rule.group]));

  return findings.filter((finding) => {
    const reason = findSuppression(
      finding,
      lineText(finding),
      config.risk.allow,
      groups.get(finding.rule),
    );
    if (reason === null) return true;
    debug(`${finding.rule} at ${finding.path}:${finding.line ?? '-'} allowed by ${reason}`);
    return false;
  });
}

function readLineTexts(
  cache: Map<string, Map<number, string>>,
  file: FileChange,
  content: FileContent,
): Map<number, string> {
  let texts = cache.get(file.path);
  if (texts === undefined) {
    texts = new Map(readAddedLines(file, content).map((added) => [added.line, added.text]));
    cache.set(file.path, texts);
  }
  return texts;
}

function compareFindings(order: Map<string, number>) {
  return (a: Finding, b: Finding): number => {
    if (a.path !== b.path) return a.path < b.path ? -1 : 1;
    const lines = (a.line ?? 0) - (b.line ?? 0);
    if (lines !== 0) return lines;
    return (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0);
  };
}

/**
 * Runs the risk rules on the staged change and returns the findings sorted by path and line,
 * their combined score and whether the commit is blocked. File rules read the lines the
 * change adds; binary, opaque and deleted files are not read. Change rules see the whole
 * footprint and the batch analysis. Rules run during a merge, rebase, cherry-pick or revert too.
 */
export function assessRisk(
  input: FootprintWithContent,
  analysis: BatchAnalysis,
  options: RiskOptions,
): RiskReport {
  const { config } = options;
  const rules = selectRules(options);
  const change: RiskChange = { footprint: input.footprint, content: input.content, analysis };
  if (options.indexPaths !== undefined) change.indexPaths = options.indexPaths;
  if (options.model !== undefined) change.model = options.model;

  const found = [...checkFiles(input, rules, config), ...checkChange(change, rules, config)];
  const findings = dropAllowed(dropRepeatedSecrets(found), input, rules, config);
  findings.sort(compareFindings(new Map(rules.map((rule, index) => [rule.id, index]))));

  return {
    score: scoreFindings(findings),
    blocked: isBlocking(findings, config.blockOn[options.mode]),
    findings,
  };
}
