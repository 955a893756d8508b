import type { Footprint } from '../footprint/types.js';
import { maskSecret } from './mask.js';
import { findNameSecrets, maskNameSecrets } from './secrets/name-secrets.js';
import type { Finding } from './types.js';

/** Rule whose findings flag a staged path, or the old path of a rename, as containing a token. */
const SECRET_IN_PATH_RULE = 'secret-in-path';

/**
 * Returns a function that masks, in any text, the tokens of the staged paths that a
 * secret-in-path finding flagged, the way the finding masks them (`keys/ghp_********.txt`).
 * Returns null when no finding flagged a path, so callers keep their objects as they are.
 * A path that the rule did not flag, because `risk.allow` allows it or FOOTPRINT_SKIP skips
 * the rule, stays as staged.
 */
export function createPathSecretMask(
  footprint: Footprint,
  findings: readonly Finding[],
): ((text: string) => string) | null {
  const flagged = new Set(
    findings.filter((finding) => finding.rule === SECRET_IN_PATH_RULE).map((f) => f.path),
  );
  if (flagged.size === 0) return null;

  // The finding's path is the staged path masked, also when the token is in the old path.
  const tokens = new Set<string>();
  for (const file of footprint.files) {
    if (!flagged.has(maskNameSecrets(file.path))) continue;
    for (const path of [file.path, file.oldPath]) {
      if (path === undefined) continue;
      for (const match of findNameSecrets(path)) {
        if (match.value !== '') tokens.add(match.value);
      }
    }
  }
  if (tokens.size === 0) return null;

  // Longer tokens first, so a token that contains another is masked whole.
  const ordered = [...tokens].sort((a, b) => b.length - a.length);
  return (text) =>
    ordered.reduce((masked, token) => masked.split(token).join(maskSecret(token)), text);
}
