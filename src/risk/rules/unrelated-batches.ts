import { createFinding } from '../finding.js';
import { readNumber } from '../settings.js';
import type { Finding, RiskChange, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'unrelated-batches',
  fix:
    'Commit the batches one by one (`footprint strategy` writes them, `footprint commit` makes ' +
    'them), so each commit can be reviewed and reverted alone.',
};

/** Finds a change that the batch analysis splits into `minBatches` or more batches. */
function checkBatchCount(change: RiskChange, context: RuleContext): Finding[] {
  const minBatches = readNumber(context.options, 'minBatches', 4);
  const { analysis } = change;
  if (!analysis.splitSuggested || analysis.batches.length < minBatches) return [];

  const count = analysis.batches.length;
  const alone = analysis.batches.filter((batch) => batch.dependsOn.length === 0).length;
  return [createFinding(RULE, context, { path: '', message: describeSplit(count, alone) })];
}

/** Says how many batches the change splits into and how many of them need no other batch. */
export function describeSplit(count: number, alone: number): string {
  if (alone === count)
    return `The change splits into ${count} batches, none of which needs another`;
  const clause = alone === 1 ? '1 of which needs' : `${alone} of which need`;
  return `The change splits into ${count} batches, ${clause} no other`;
}

export const unrelatedBatchesRule: RiskRule = {
  ...RULE,
  group: 'change-shape',
  defaultSeverity: 'low',
  description:
    'Finds changes the batch analysis splits into many unrelated batches (4 or more by default).',
  defaultOptions: { minBatches: 4 },
  checkChange: checkBatchCount,
};
