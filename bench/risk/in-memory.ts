/**
 * Times `assessRisk` in this process on a footprint built in memory, so the time is the rules'
 * own and not git's. Each run gets fresh content objects, so no per-file cache carries over.
 */
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { FootprintWithContent } from '../../src/footprint/types.js';
import { assessRisk } from '../../src/risk/assess.js';
import { percentile } from './stats.js';

const ANALYSIS = { mode: 'balanced' as const, batches: [], splitSuggested: true };

export interface InMemoryTiming {
  /** The first run in this process for this case, before the rules are optimized. */
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  findings: number;
}

/** Copies the content map and its entries, so caches keyed by either start empty. */
export function freshContent(input: FootprintWithContent): FootprintWithContent {
  const content = new Map([...input.content].map(([key, value]) => [key, { ...value }]));
  return { footprint: input.footprint, content };
}

function timeOnce(shared: FootprintWithContent): { ms: number; findings: number } {
  const input = freshContent(shared);
  const config = createDefaultConfig();
  const started = performance.now();
  const report = assessRisk(input, ANALYSIS, { mode: 'balanced', config, skip: [] });
  return { ms: performance.now() - started, findings: report.findings.length };
}

/** Times one case: a first run, three untimed warm-up runs, then `runs` timed runs. */
export function timeInMemory(input: FootprintWithContent, runs: number): InMemoryTiming {
  const first = timeOnce(input);
  for (let warm = 0; warm < 3; warm++) timeOnce(input);
  const times = Array.from({ length: runs }, () => timeOnce(input).ms).sort((a, b) => a - b);
  return {
    firstMs: first.ms,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    findings: first.findings,
  };
}
