import type { Config } from '../config/types.js';
import { allowsInline } from './inline-allow.js';
import { matchesGlob } from './path-glob.js';
import type { Finding } from './types.js';

/**
 * Returns why a finding is allowed, or null when it applies: a `footprint-allow: RULE` comment
 * on its line (`lineText`), or a `risk.allow` entry for its rule whose path glob, if any,
 * matches its path.
 */
export function findSuppression(
  finding: Finding,
  lineText: string | undefined,
  allow: Config['risk']['allow'],
): string | null {
  if (lineText !== undefined && allowsInline(lineText, finding.rule)) {
    return 'a footprint-allow comment on its line';
  }

  const entry = allow.find(
    (candidate) =>
      candidate.rule === finding.rule &&
      (candidate.path === undefined || matchesGlob(finding.path, candidate.path)),
  );
  if (entry) return `the risk.allow entry for ${entry.path ?? 'every path'}`;
  return null;
}
