import type { BatchAnalysis, BatchChange } from '../batches/types.js';
import type { Footprint, FootprintWithContent } from '../footprint/types.js';
import type { RequestSecrets } from '../risk/request-secrets.js';
import type { RiskReport, Severity } from '../risk/types.js';

export interface InsightRequest {
  input: FootprintWithContent;
  analysis: BatchAnalysis;
  risk: RiskReport;
  /**
   * Returns the paths and values that a request to a provider must not send, which the risk
   * stage collects on first call. The offline heuristic never calls it.
   */
  requestSecrets: () => RequestSecrets;
  signal: AbortSignal;
}

/** A note that may raise, never lower, a finding's severity, but never so far that it blocks. */
export interface RiskNote {
  rule: string;
  path: string;
  severity: Severity;
  note: string;
}

export interface Insights {
  provider: string;
  model: string | null;
  /** Milliseconds the provider took. */
  durationMs: number;
  cached: boolean;
  summary: string;
  /** Better messages, keyed by batch id. */
  messages: Record<string, string>;
  riskNotes: RiskNote[];
  /**
   * Merges and splits of the offline batches that the provider proposed. applyInsights uses
   * them only when the resulting strategy passes validation, and removes this field.
   */
  proposals?: BatchProposal[];
  /** One line for the user when the provider fell back to the heuristic. */
  fallbackReason?: string;
  /**
   * Host (and port) the change was sent to, or was being sent to when the request failed. It
   * is absent when nothing was sent, and a cached reply names the host that gave it.
   */
  host?: string;
}

/** Offline batches, named by id, that a provider proposed to join into one commit. */
export interface MergeProposal {
  kind: 'merge';
  batches: string[];
  /** Conventional Commits header of the joined commit. */
  message: string;
}

/** An offline batch that a provider proposed to divide into parts, in commit order. */
export interface SplitProposal {
  kind: 'split';
  batch: string;
  parts: Array<{ message: string; changes: BatchChange[] }>;
}

export type BatchProposal = MergeProposal | SplitProposal;

export interface InsightProvider {
  readonly name: string;
  /** Host (and port) the provider sends requests to, absent for an offline provider. */
  readonly host?: string;
  generate(request: InsightRequest): Promise<Insights>;
}

export type { Footprint };
