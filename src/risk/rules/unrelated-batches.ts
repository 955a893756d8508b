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

  const independent = analysis.batches.filter((batch) => batch.dependsOn.length === 0).length;
  return [
    createFinding(RULE, context, {
      path: '',
      message: `The change splits into ${analysis.batches.length} batches, ${independent} of them independent of the others`,
    }),
  ];
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
