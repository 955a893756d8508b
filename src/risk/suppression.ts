import type { Config } from '../config/types.js';
import { allowsInline } from './inline-allow.js';
import { matchesGlob } from './path-glob.js';
import type { Finding, RuleGroup } from './types.js';

/**
 * Inline markers of other secret scanners that footprint honours on secret findings, so a
 * repository that already marked its test fixtures for gitleaks, detect-secrets or secretlint
 * needs no second marker.
 */
const FOREIGN_SECRET_MARKERS = [
  'gitleaks:allow',
  'pragma: allowlist secret',
  'secretlint-disable-line',
];

/**
 * Returns why a finding is allowed, or null when it applies: a `footprint-allow: RULE` comment
 * on its line (`lineText`), another scanner's allow marker on a secret's line, or a
 * `risk.allow` entry for its rule whose path glob, if any, matches its path.
 */
export function findSuppression(
  finding: Finding,
  lineText: string | undefined,
  allow: Config['risk']['allow'],
  group?: RuleGroup,
): string | null {
  if (lineText !== undefined && allowsInline(lineText, finding.rule)) {
    return 'a footprint-allow comment on its line';
  }
  if (lineText !== undefined && group === 'secrets') {
    const marker = FOREIGN_SECRET_MARKERS.find((candidate) => lineText.includes(candidate));
    if (marker !== undefined) return `a \`${marker}\` comment on its line`;
  }

  const entry = allow.find(
    (candidate) =>
      candidate.rule === finding.rule &&
      (candidate.path === undefined || matchesGlob(finding.path, candidate.path)),
  );
  if (entry) return `the risk.allow entry for ${entry.path ?? 'every path'}`;
  return null;
}
