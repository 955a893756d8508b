import type { Footprint } from '../footprint/types.js';
import { maskSecret } from './mask.js';
import { findNameSecrets, maskNameSecrets } from './secrets/name-secrets.js';
import type { Finding } from './types.js';

/** Rule whose findings flag a staged path as containing a token. */
const SECRET_IN_PATH_RULE = 'secret-in-path';

/**
 * Returns a function that masks, in any text, the tokens of the staged paths that a
 * secret-in-path finding flagged, the way the finding masks them (`keys/ghp_********.txt`).
 * The old path of a rename to a path without a token is masked too, whether or not a finding
 * flagged it: the rule lets such a rename pass, and its old path still contains the token.
 * So are intent-to-add and unmerged paths, which the rule does not read.
 * Returns null when there is nothing to mask, so callers keep their objects as they are.
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

  const tokens = new Set<string>();
  const addTokens = (path: string | undefined): void => {
    if (path === undefined) return;
    for (const match of findNameSecrets(path)) {
      if (match.value !== '') tokens.add(match.value);
    }
  };
  // No rule reads intent-to-add or unmerged paths, so none flags or allows their tokens.
  for (const path of [...footprint.intentToAdd, ...footprint.unmerged]) addTokens(path);
  for (const file of footprint.files) {
    if (file.oldPath !== undefined && findNameSecrets(file.path).length === 0) {
      addTokens(file.oldPath);
      continue;
    }

    // The finding's path is the staged path masked.
    if (flagged.size === 0 || !flagged.has(maskNameSecrets(file.path))) continue;
    addTokens(file.path);
    addTokens(file.oldPath);
  }
  if (tokens.size === 0) return null;

  // Longer tokens first, so a token that contains another is masked whole.
  const ordered = [...tokens].sort((a, b) => b.length - a.length);
  return (text) =>
    ordered.reduce((masked, token) => masked.split(token).join(maskSecret(token)), text);
}
