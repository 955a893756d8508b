import type { BatchAnalysis, Mode } from '../batches/types.js';
import type { Config } from '../config/types.js';
import type { FileChange, FootprintWithContent } from '../footprint/types.js';
import { nowMs } from '../log/clock.js';
import { createDebug } from '../log/debug.js';
import {
  findAddedLineText,
  hasOpaqueLines,
  hasReadableText,
  readAddedText,
} from './added-lines.js';
import { dropInlineBypass } from './bypass.js';
import { acceptsLineComments, createLineCommentTest } from './inline-allow.js';
import { collectRequestSecrets, type RequestSecrets } from './request-secrets.js';
import { createChangeContext, createRuleScopes, type RuleScopes } from './rule-scopes.js';
import { isBlocking, scoreFindings } from './score.js';
import { copySecretRange } from './secret-range.js';
import { findSuppression } from './suppression.js';
import type { Finding, RiskChange, RiskModel, RiskReport, RiskRule } from './types.js';

const debug = createDebug('risk');

export interface RiskOptions {
  mode: Mode;
  /** The root configuration, which sets `blockOn` and governs the paths no nested one does. */
  config: Config;
  /** Rule ids to skip for this run, as FOOTPRINT_SKIP lists them. */
  skip: readonly string[];
  /**
   * The `risk` section of the nested configuration that governs a staged path, for the paths
   * one governs. It replaces the root's `risk` section for them.
   */
  riskByPath?: ReadonlyMap<string, Config['risk']>;
  /** Every path in the index, when the reader lists them (case conflicts, lockfiles). */
  indexPaths?: readonly string[];
  /** The learned model, when one exists. */
  model?: RiskModel;
  /** Staged paths a merge takes unchanged from the branch being merged (see RiskChange). */
  mergedPaths?: ReadonlySet<string>;
}

/** Names the rule that took the most milliseconds, for the debug timeline. */
function describeSlowest(msByRule: ReadonlyMap<string, number>): string {
  const [rule, ms] = [...msByRule].reduce((a, b) => (b[1] > a[1] ? b : a), ['none', 0]);
  return `the slowest was ${rule} (${ms.toFixed(1)} ms)`;
}

/**
 * Most findings one rule lists for one file. A generated file can hold a finding on each of
 * 100,000 lines, which no one reads and which would swell the fossil.
 */
export const MAX_FINDINGS_PER_FILE_RULE = 100;

/** Appends in a loop, since spreading 100,000 findings into push() overflows the call stack. */
function appendAll(findings: Finding[], found: readonly Finding[]): void {
  for (const finding of found) findings.push(finding);
}

/**
 * Keeps the first MAX_FINDINGS_PER_FILE_RULE findings of each rule in each file, in order,
 * and replaces the rest with one finding that counts them.
 */
function capPerFileRule(findings: readonly Finding[]): Finding[] {
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  const lastKept = new Map<string, Finding>();
  for (const finding of findings) {
    const key = `${finding.rule}\0${finding.path}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > MAX_FINDINGS_PER_FILE_RULE) continue;
    kept.push(finding);
    lastKept.set(key, finding);
  }

  for (const [key, count] of counts) {
    const last = lastKept.get(key);
    if (count <= MAX_FINDINGS_PER_FILE_RULE || last === undefined) continue;
    kept.push({
      rule: last.rule,
      severity: last.severity,
      path: last.path,
      message: `${count - MAX_FINDINGS_PER_FILE_RULE} more ${last.rule} findings in this file are not listed`,
      fix: last.fix,
    });
  }
  return kept;
}

/**
 * Runs each file rule of the file's own configuration on the lines the file adds. A binary or
 * too-large file is read by the secret rules only, on the lines found without a diff.
 */
function checkFiles(
  input: FootprintWithContent,
  scopes: RuleScopes,
  mergedPaths: ReadonlySet<string> = new Set(),
): Finding[] {
  const findings: Finding[] = [];
  const msByRule = new Map<string, number>();
  for (const file of input.footprint.files) {
    const content = input.content.get(file.path);
    if (content === undefined) continue;
    const readable = hasReadableText(file, content);
    if (!readable && !hasOpaqueLines(file, content)) continue;
    const unreadable = !readable;
    // A file merged as the other branch committed it gets only the secret and custom rules:
    // custom rules mask their matches by default, because teams write them for their secrets.
    const merged = mergedPaths.has(file.path);
    const scope = scopes.scopeOf(file.path);
    for (const rule of scope.rules.values()) {
      const context = scope.contexts.get(rule.id);
      if (rule.check === undefined || context === undefined) continue;
      if (unreadable && !readsUndiffedLines(rule, file)) continue;
      if (merged && rule.group !== 'secrets' && rule.group !== 'custom') continue;
      const started = nowMs();
      appendAll(findings, rule.check(file, content, context));
      msByRule.set(rule.id, (msByRule.get(rule.id) ?? 0) + nowMs() - started);
    }
  }
  debug(`file rules ran; ${describeSlowest(msByRule)}`);
  return findings;
}

/**
 * Returns true when `rule` reads the added lines that footprint finds without a diff. The
 * secret rules read them in every such file. The conflict markers read them in a text file
 * too large to diff, such as a lockfile that a merge left with conflicts.
 */
function readsUndiffedLines(rule: RiskRule, file: FileChange): boolean {
  return rule.group === 'secrets' || (rule.group === 'conflicts' && !file.binary);
}

/**
 * Runs each change rule once on the whole change, then keeps a finding only where the
 * configuration governing its path runs the rule, with the severity that configuration gives.
 */
function checkChange(change: RiskChange, scopes: RuleScopes): Finding[] {
  const findings: Finding[] = [];
  const msByRule = new Map<string, number>();
  for (const rule of scopes.changeRules) {
    const started = nowMs();
    for (const finding of rule.checkChange?.(change, createChangeContext(scopes, rule)) ?? []) {
      const context = scopes.scopeOf(finding.path).contexts.get(rule.id);
      if (context === undefined) continue;
      // An info finding is a note the rule chose not to weigh, such as an edit of a file that
      // was already over the size limit, so the configured severity does not replace it.
      const severity = finding.severity === 'info' ? 'info' : context.severity;
      const configured = { ...finding, severity };
      copySecretRange(finding, configured);
      findings.push(configured);
    }
    msByRule.set(rule.id, nowMs() - started);
  }
  debug(`change rules ran; ${describeSlowest(msByRule)}`);
  return findings;
}

/** Rules whose findings name the secret precisely; a generic-secret finding on their line repeats them. */
const PRECISE_SECRET_RULES = new Set([
  'private-key',
  'provider-token',
  'url-credentials',
  'command-line-password',
  'jwt',
  'kubernetes-secret',
]);

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

/**
 * Drops the findings that an inline comment or a `risk.allow` entry of the configuration
 * governing their path allows, saying why in debug output.
 */
function dropAllowed(
  findings: Finding[],
  input: FootprintWithContent,
  scopes: RuleScopes,
): Finding[] {
  const files = new Map(input.footprint.files.map((file) => [file.path, file]));
  const lineText = (finding: Finding): string | undefined => {
    const file = files.get(finding.path);
    const content = input.content.get(finding.path);
    if (finding.line === undefined || file === undefined || content === undefined) return undefined;
    return findAddedLineText(readAddedText(file, content), finding.line);
  };

  // The reason depends only on the rule, the path and the line. Reading it once for each of
  // them keeps a long line with thousands of findings from being scanned once per finding.
  const reasons = new Map<string, string | null>();
  const reasonFor = (finding: Finding): string | null => {
    const key = `${finding.rule}\0${finding.path}\0${finding.line ?? ''}`;
    const known = reasons.get(key);
    if (known !== undefined) return known;
    const scope = scopes.scopeOf(finding.path);
    const reason = findSuppression(
      finding,
      lineText(finding),
      scope.config.risk.allow,
      scope.rules.get(finding.rule)?.group,
    );
    reasons.set(key, reason);
    return reason;
  };

  return findings.filter((finding) => {
    const reason = reasonFor(finding);
    if (reason === null) return true;
    debug(`${finding.rule} at ${finding.path}:${finding.line ?? '-'} allowed by ${reason}`);
    return false;
  });
}

/**
 * Removes the `footprint-allow:` comment from the fix of each finding whose line ends inside a
 * multi-line string, such as a key in a template literal, where the comment would become part
 * of the string. The `risk.allow` entry the fix also names still works there.
 */
function dropCommentsInStrings(findings: Finding[], input: FootprintWithContent): Finding[] {
  const takesComment = createLineCommentTest(input.content);
  return findings.map((finding) => {
    if (finding.line === undefined || !acceptsLineComments(finding.path)) return finding;
    if (takesComment(finding)) return finding;
    const advised = { ...finding, fix: dropInlineBypass(finding.fix, finding.rule) };
    copySecretRange(finding, advised);
    return advised;
  });
}

function compareFindings(order: Map<string, number>) {
  return (a: Finding, b: Finding): number => {
    if (a.path !== b.path) return a.path < b.path ? -1 : 1;
    const lines = (a.line ?? 0) - (b.line ?? 0);
    if (lines !== 0) return lines;
    return (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0);
  };
}

/** The risk report, and what an insight request about the same change must not send. */
export interface RiskAssessment {
  report: RiskReport;
  /**
   * Returns the secrets that an insight request must not send (see collectRequestSecrets). It
   * runs the skipped secret rules and the secret rules on removed lines on its first call only,
   * so a run that sends no request does not pay for them.
   */
  requestSecrets: () => RequestSecrets;
}

/**
 * Runs the risk rules on the staged change and returns the findings sorted by path and line,
 * their combined score and whether the commit is blocked. File rules read the lines the
 * change adds; binary, opaque and deleted files are not read. Change rules see the whole
 * footprint and the batch analysis, across every configuration. Each finding follows the
 * configuration that governs its path (severity, options, `risk.disable`, `risk.allow`), and a
 * finding about the whole change follows the root's. Rules run during a merge, rebase,
 * cherry-pick or revert too.
 */
export function assessRisk(
  input: FootprintWithContent,
  analysis: BatchAnalysis,
  options: RiskOptions,
): RiskReport {
  return assessRiskWithSecrets(input, analysis, options).report;
}

/** Runs assessRisk, and keeps what it read for the secrets of an insight request. */
export function assessRiskWithSecrets(
  input: FootprintWithContent,
  analysis: BatchAnalysis,
  options: RiskOptions,
): RiskAssessment {
  const { config } = options;
  debug(`running the rules on ${input.footprint.files.length} staged files`);
  const scopes = createRuleScopes(config, options.skip, options.riskByPath);
  const change: RiskChange = { footprint: input.footprint, content: input.content, analysis };
  if (options.indexPaths !== undefined) change.indexPaths = options.indexPaths;
  if (options.model !== undefined) change.model = options.model;
  if (options.mergedPaths !== undefined) change.mergedPaths = options.mergedPaths;

  const found = [...checkFiles(input, scopes, options.mergedPaths), ...checkChange(change, scopes)];
  const allowed = capPerFileRule(dropAllowed(dropRepeatedSecrets(found), input, scopes));
  const findings = dropCommentsInStrings(allowed, input);
  findings.sort(compareFindings(scopes.order));

  const report: RiskReport = {
    score: scoreFindings(findings),
    blocked: isBlocking(findings, config.blockOn[options.mode]),
    findings,
  };
  if (scopes.skipped.length > 0) report.skippedRules = scopes.skipped;

  let secrets: RequestSecrets | undefined;
  const requestSecrets = (): RequestSecrets =>
    (secrets ??= collectRequestSecrets({ input, analysis, scopes, found }));
  return { report, requestSecrets };
}
