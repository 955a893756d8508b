import type { BatchAnalysis } from '../batches/types.js';
import type { Footprint, FootprintWithContent } from '../footprint/types.js';
import type { RiskReport, Severity } from '../risk/types.js';

export interface InsightRequest {
  input: FootprintWithContent;
  analysis: BatchAnalysis;
  risk: RiskReport;
  signal: AbortSignal;
}

/** A note that may raise, never lower, the severity of a finding. */
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
  /** One line for the user when the provider fell back to the heuristic. */
  fallbackReason?: string;
}

export interface InsightProvider {
  readonly name: string;
  generate(request: InsightRequest): Promise<Insights>;
}

export type { Footprint };
