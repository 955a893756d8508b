import type { FileChange, FileContent } from '../footprint/types.js';

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export interface Finding {
  rule: string;
  severity: Severity;
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
}

/** Input of a rule's check besides the file: its severity and options after configuration. */
export interface RuleContext {
  severity: Severity;
  options: Readonly<Record<string, unknown>>;
}

/** A risk rule: one concern, checked on the lines a staged change adds. */
export interface RiskRule {
  /** Stable id used by `footprint-allow:`, FOOTPRINT_SKIP and `risk.disable`, e.g. `private-key`. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One sentence saying what the rule finds and why it matters. */
  readonly description: string;
  readonly defaultOptions: Readonly<Record<string, unknown>>;
  /** Returns the findings in one file; reads only added lines, never the file's old content. */
  check(file: FileChange, content: FileContent, context: RuleContext): Finding[];
}
