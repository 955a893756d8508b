import type { BatchAnalysis } from '../batches/types.js';
import type { FileChange, FileContent, FootprintWithContent } from '../footprint/types.js';
import { createDebug } from '../log/debug.js';
import {
  findAddedLineText,
  hasOpaqueLines,
  hasReadableText,
  readAddedText,
} from './added-lines.js';
import { createChangeContext, type RuleScope, type RuleScopes } from './rule-scopes.js';
import { isSecretFinding } from './secret-findings.js';
import { readSecretRange } from './secret-range.js';
import type { Finding, RiskChange, RiskRule } from './types.js';

const debug = createDebug('risk');

/**
 * The paths and values that an insight request must not send, beyond what its redaction finds
 * by pattern. They live in memory only: nothing writes them to a fossil, a log, a cache or the
 * request.
 */
export interface RequestSecrets {
  /**
   * Staged paths where a secret rule matched a line the change adds or removes, whether its
   * finding is reported, allowed by `risk.allow` or a comment, or skipped by FOOTPRINT_SKIP.
   */
  paths: ReadonlySet<string>;
  /** The exact texts that those matches cover, to redact wherever the request repeats one. */
  values: ReadonlySet<string>;
}

/** The inputs of collectRequestSecrets: the change the risk stage read and what it found. */
export interface RequestSecretSources {
  input: FootprintWithContent;
  analysis: BatchAnalysis;
  scopes: RuleScopes;
  /** Every finding of the enabled rules, before repeated and allowed ones were dropped. */
  found: readonly Finding[];
}

/** Chooses which of a scope's secret rules a run covers. */
type RuleFilter = (scope: RuleScope, ruleId: string) => boolean;

/**
 * Runs the secret rules that `select` keeps on the added lines of `input`. A change rule runs
 * once, and keeps the findings whose path's scope it applies to.
 */
function runSecretRules(
  input: FootprintWithContent,
  analysis: BatchAnalysis,
  scopes: RuleScopes,
  select: RuleFilter,
): Finding[] {
  const findings: Finding[] = [];
  const changeRules = new Map<string, RiskRule>();
  for (const file of input.footprint.files) {
    const scope = scopes.scopeOf(file.path);
    const content = input.content.get(file.path);
    const readable = hasReadableText(file, content) || hasOpaqueLines(file, content);
    for (const { rule, context } of scope.secretRules.values()) {
      if (!select(scope, rule.id)) continue;
      if (rule.checkChange !== undefined) changeRules.set(rule.id, rule);
      if (rule.check === undefined || content === undefined || !readable) continue;
      for (const finding of rule.check(file, content, context)) findings.push(finding);
    }
  }

  const change: RiskChange = { footprint: input.footprint, content: input.content, analysis };
  for (const rule of changeRules.values()) {
    for (const finding of rule.checkChange?.(change, createChangeContext(scopes, rule)) ?? []) {
      const scope = scopes.scopeOf(finding.path);
      if (scope.secretRules.has(rule.id) && select(scope, rule.id)) findings.push(finding);
    }
  }
  return findings;
}

function reverseFile(file: FileChange): FileChange {
  return {
    ...file,
    status: 'modified',
    additions: file.deletions,
    deletions: file.additions,
    hunks: file.hunks.map((hunk) => ({
      oldStart: hunk.newStart,
      oldLines: hunk.newLines,
      newStart: hunk.oldStart,
      newLines: hunk.oldLines,
    })),
  };
}

/**
 * Returns the files that remove lines of text, each turned around into a change from its
 * staged text to HEAD's. The rules read added lines only, so in the reversed change they read
 * the removed ones, numbered as in HEAD's blob. Binary and undiffed files have no removed lines
 * to read.
 */
function reverseRemovedLines(input: FootprintWithContent): FootprintWithContent {
  const files: FileChange[] = [];
  const content = new Map<string, FileContent>();
  for (const file of input.footprint.files) {
    const text = input.content.get(file.path);
    if (text === undefined || text.oldText === null || file.deletions === 0) continue;
    if (file.binary || file.opaque !== undefined) continue;

    files.push(reverseFile(file));
    content.set(file.path, {
      oldText: text.newText,
      newText: text.oldText,
      hunks: text.hunks.map((hunk) => ({ removed: hunk.added, added: hunk.removed })),
    });
  }
  return { footprint: { ...input.footprint, files }, content };
}

/** Collects the paths and the exact texts that findings on the added lines of `input` cover. */
class SecretCollector {
  readonly paths = new Set<string>();
  readonly values = new Set<string>();
  private readonly staged: ReadonlySet<string>;

  constructor(staged: ReadonlySet<string>) {
    this.staged = staged;
  }

  add(findings: readonly Finding[], input: FootprintWithContent): void {
    const files = new Map(input.footprint.files.map((file) => [file.path, file]));
    for (const finding of findings) {
      // A secret-in-path finding names its path masked, which is no staged path.
      if (!this.staged.has(finding.path)) continue;
      this.paths.add(finding.path);

      const range = readSecretRange(finding);
      const file = files.get(finding.path);
      const content = input.content.get(finding.path);
      if (range === undefined || file === undefined || content === undefined) continue;
      const line = findAddedLineText(readAddedText(file, content), range.line);
      const value = line?.slice(range.start, range.end) ?? '';
      if (value !== '') this.values.add(value);
    }
  }
}

/**
 * Collects what an insight request must not send. These are the paths and texts of every secret
 * finding on added lines (reported, allowed or repeated), of the secret rules that
 * FOOTPRINT_SKIP or `risk.disable` turned off, and of all secret rules run on the removed lines.
 * The last two serve the request alone, so their findings never block and appear in no output.
 */
export function collectRequestSecrets(sources: RequestSecretSources): RequestSecrets {
  const { input, analysis, scopes } = sources;
  const collector = new SecretCollector(new Set(input.footprint.files.map((file) => file.path)));

  const isSecret = (finding: Finding): boolean =>
    isSecretFinding(finding) ||
    scopes.scopeOf(finding.path).rules.get(finding.rule)?.group === 'secrets';
  collector.add(sources.found.filter(isSecret), input);

  const turnedOff: RuleFilter = (scope, ruleId) => !scope.rules.has(ruleId);
  collector.add(runSecretRules(input, analysis, scopes, turnedOff), input);

  const removed = reverseRemovedLines(input);
  collector.add(
    runSecretRules(removed, analysis, scopes, () => true),
    removed,
  );

  debug(
    `an insight request withholds ${collector.paths.size} paths with secrets and redacts ` +
      `${collector.values.size} secret values wherever they occur`,
  );
  return { paths: collector.paths, values: collector.values };
}
