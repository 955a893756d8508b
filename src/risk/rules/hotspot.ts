import { createFinding } from '../finding.js';
import { readNumber } from '../settings.js';
import type { Finding, RiskChange, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'hotspot',
  fix: 'Add or run the tests around this file, and ask for a careful review.',
};

/**
 * Finds staged files that the learned model records as often fixed: at least `minFixes` fix
 * commits making up `minShare` of the commits that touched them. Without a model (before
 * `footprint learn` has run) the rule finds nothing.
 */
function checkHotspots(change: RiskChange, context: RuleContext): Finding[] {
  const { model } = change;
  if (model === undefined) return [];
  const minFixes = readNumber(context.options, 'minFixes', 3);
  const minShare = readNumber(context.options, 'minShare', 0.3);

  const findings: Finding[] = [];
  for (const file of change.footprint.files) {
    const history = model.fixHistory(file.path);
    if (history === null || history.fixes < minFixes) continue;
    if (history.fixes / Math.max(1, history.commits) < minShare) continue;
    findings.push(
      createFinding(RULE, context, {
        path: file.path,
        message: `Often fixed: ${history.fixes} of the ${history.commits} commits that touched it were fixes`,
      }),
    );
  }
  return findings;
}

export const hotspotRule: RiskRule = {
  ...RULE,
  group: 'change-shape',
  defaultSeverity: 'low',
  description: 'Marks files that the learned model records as often fixed, when a model exists.',
  defaultOptions: { minFixes: 3, minShare: 0.3 },
  checkChange: checkHotspots,
};
