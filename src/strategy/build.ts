import type { BatchAnalysis } from '../batches/types.js';
import type { Footprint } from '../footprint/types.js';
import { shellPath } from '../output/shell-quote.js';
import type { RiskReport, Severity } from '../risk/types.js';
import type { Strategy } from './types.js';

/** Findings at these severities become mitigations; lower ones are left to the report. */
const MITIGATION_SEVERITIES: ReadonlySet<Severity> = new Set(['medium', 'high', 'critical']);

const DEFAULT_STRATEGY_FILE = 'strategy.json';

/**
 * Builds the strategy document of an analysis: its batches in order, the findings at medium
 * severity or above as mitigations, and the command that checks the strategy before a commit.
 * That command names `strategy.json`, and withStrategyFile names the file actually written.
 * The strategy is bound to the footprint's HEAD and staged tree, so a later change of the
 * index makes it stale.
 */
export function buildStrategy(
  footprint: Footprint,
  analysis: BatchAnalysis,
  risk: RiskReport,
  now: Date,
): Strategy {
  return {
    schemaVersion: 1,
    kind: 'strategy',
    createdAt: now.toISOString(),
    mode: analysis.mode,
    head: footprint.head.oid,
    stagedTree: footprint.stagedTree,
    batches: structuredClone(analysis.batches),
    mitigations: structuredClone(
      risk.findings.filter((finding) => MITIGATION_SEVERITIES.has(finding.severity)),
    ),
    validation: [validateCommand(DEFAULT_STRATEGY_FILE)],
  };
}

/**
 * Returns the strategy with its check command naming `file`, the path it is written to. The
 * command starts with `command`, which runs footprint in the folder `file` is relative to.
 */
export function withStrategyFile(
  strategy: Strategy,
  file = DEFAULT_STRATEGY_FILE,
  command = 'footprint',
): Strategy {
  return { ...strategy, validation: [validateCommand(file, command)] };
}

function validateCommand(file: string, command = 'footprint'): string {
  return `${command} validate --strategy ${shellPath(file)}`;
}
