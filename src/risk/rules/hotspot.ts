import { createFinding } from '../finding.js';
import { readNumber } from '../settings.js';
import type { ChangeRuleContext, Finding, RiskChange, RiskRule } from '../types.js';

const RULE = {
  id: 'hotspot',
  fix: 'Add or run the tests around this file, and ask for a careful review.',
};

/**
 * Hotspot findings listed one per file at most. A larger change, common right after
 * `footprint learn` on an old repository, gets one finding about the whole change instead, so
 * the summary stays short.
 */
export const MAX_FILE_FINDINGS = 5;

/** Files named in the finding about the whole change, the most fixed first. */
const NAMED_FILES = 3;

interface Hotspot {
  path: string;
  commits: number;
  fixes: number;
}

function describeHistory(hotspot: Hotspot): string {
  return `${hotspot.fixes} of the ${hotspot.commits} commits that touched it were fixes`;
}

/** Returns one finding about the whole change that names the most fixed files. */
function summarizeHotspots(hotspots: Hotspot[], context: ChangeRuleContext): Finding {
  const sorted = [...hotspots].sort((a, b) => b.fixes - a.fixes || (a.path < b.path ? -1 : 1));
  const named = sorted
    .slice(0, NAMED_FILES)
    .map((hotspot) => `${hotspot.path} (${hotspot.fixes} fixes in ${hotspot.commits} commits)`);
  const more = sorted.length - named.length;
  return createFinding(RULE, context, {
    path: '',
    message: `${sorted.length} staged files are often fixed: ${named.join(', ')} and ${more} more`,
  });
}

/**
 * Finds staged files that the learned model records as often fixed: at least `minFixes` fix
 * commits making up `minShare` of the commits that touched them. Up to MAX_FILE_FINDINGS
 * files get one finding each; more get one finding about the whole change. Without a model
 * (before `footprint learn` has run) the rule finds nothing.
 */
function checkHotspots(change: RiskChange, context: ChangeRuleContext): Finding[] {
  const { model } = change;
  if (model === undefined) return [];

  const hotspots: Hotspot[] = [];
  for (const file of change.footprint.files) {
    if (!context.appliesTo(file.path)) continue;
    const pathContext = context.forPath(file.path);
    const minFixes = readNumber(pathContext.options, 'minFixes', 3);
    const minShare = readNumber(pathContext.options, 'minShare', 0.3);
    const history = model.fixHistory(file.path);
    if (history === null || history.fixes < minFixes) continue;
    if (history.fixes / Math.max(1, history.commits) < minShare) continue;
    hotspots.push({ path: file.path, ...history });
  }

  if (hotspots.length > MAX_FILE_FINDINGS) return [summarizeHotspots(hotspots, context)];
  return hotspots.map((hotspot) =>
    createFinding(RULE, context.forPath(hotspot.path), {
      path: hotspot.path,
      message: `Often fixed: ${describeHistory(hotspot)}`,
    }),
  );
}

export const hotspotRule: RiskRule = {
  ...RULE,
  group: 'change-shape',
  defaultSeverity: 'low',
  description: 'Marks files that the learned model records as often fixed, when a model exists.',
  defaultOptions: { minFixes: 3, minShare: 0.3 },
  checkChange: checkHotspots,
};
