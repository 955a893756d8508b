import type { BatchAnalysis } from '../batches/types.js';
import type { Config } from '../config/types.js';
import type { FileChange, FileContent, Footprint } from '../footprint/types.js';

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** Every severity, from the lowest to the highest. */
export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export interface Finding {
  rule: string;
  severity: Severity;
  /** Staged path of the finding; the empty string for a finding about the whole change. */
  path: string;
  /** 1-based line in the staged blob, when the finding has one. */
  line?: number;
  message: string;
  /** The offending value masked for display, such as a private key's header and `(masked)`. */
  masked?: string;
  /** How to fix or bypass the finding. */
  fix: string;
}

export interface RiskReport {
  /** Combined score in [0, 1]. */
  score: number;
  blocked: boolean;
  findings: Finding[];
  /**
   * Ids of the rules that FOOTPRINT_SKIP turned off for this run, absent when it turned off
   * none. Their findings were not looked for, so "no findings" does not cover them.
   */
  skippedRules?: string[];
}

/** Input of a rule's check besides the file: its severity and options after configuration. */
export interface RuleContext {
  severity: Severity;
  options: Readonly<Record<string, unknown>>;
}

/**
 * A change rule's settings. Its own fields are the root configuration's, which govern findings
 * about the whole change, and a finding on a path takes that path's configuration through
 * `forPath`.
 */
export interface ChangeRuleContext extends RuleContext {
  /** Returns the severity and options that the configuration governing `path` gives the rule. */
  forPath(path: string): RuleContext;
  /** Returns false when the configuration governing `path` turns the rule off or allows it there. */
  appliesTo(path: string): boolean;
}

/** Families of rules, for documentation and the SARIF rule tags. */
export type RuleGroup =
  | 'secrets'
  | 'conflicts'
  | 'leftovers'
  | 'size'
  | 'dependencies'
  | 'hygiene'
  | 'change-shape'
  | 'custom';

/** What the learned model knows about a path's history; read only when a model exists. */
export interface RiskModel {
  /** Commits that touched `path` and how many of them were fixes, or null when unknown. */
  fixHistory(path: string): { commits: number; fixes: number } | null;
}

/** The whole staged change, for rules that look past one file. */
export interface RiskChange {
  footprint: Footprint;
  /** Texts of the staged paths, keyed by FileChange.path. */
  content: ReadonlyMap<string, FileContent>;
  analysis: BatchAnalysis;
  /**
   * Every path in the index, staged or not, when the reader lists them. Without it, rules
   * that compare with untouched paths see only the staged ones.
   */
  indexPaths?: readonly string[];
  model?: RiskModel;
  /**
   * Staged paths that a merge takes unchanged from the branch being merged. That branch
   * committed their content already, so only the secret rules read them again.
   */
  mergedPaths?: ReadonlySet<string>;
}

/** A risk rule: one concern, checked on the lines a staged change adds or on the whole change. */
export interface RiskRule {
  /** Stable id used by `footprint-allow:`, FOOTPRINT_SKIP and `risk.disable`, e.g. `private-key`. */
  readonly id: string;
  readonly group: RuleGroup;
  readonly defaultSeverity: Severity;
  /** One sentence saying what the rule finds and why it matters. */
  readonly description: string;
  /** The first sentence of every finding's fix: how to resolve it. */
  readonly fix: string;
  readonly defaultOptions: Readonly<Record<string, unknown>>;
  /** Option defaults that come from other configuration keys, such as `risk.maxFileBytes`. */
  configDefaults?(config: Config): Record<string, unknown>;
  /** Returns the findings in one file; reads only added lines, never the file's old content. */
  check?(file: FileChange, content: FileContent, context: RuleContext): Finding[];
  /**
   * Returns the findings that need the whole change, such as a manifest without its lockfile.
   * It runs once on every staged path, whichever configuration governs each one.
   */
  checkChange?(change: RiskChange, context: ChangeRuleContext): Finding[];
}
