import { maskSecret } from '../mask.js';
import { scanTokenWindows, type TokenMatch } from './secretlint-scan.js';
import { cutTokenWindows, findTokenCandidates } from './token-candidates.js';

/** Candidates read in one name at most; a path or message has few. */
const MAX_CANDIDATES_PER_NAME = 20;

/**
 * Returns the provider tokens in a short text that is not file content: a staged path, a
 * branch name or a commit message. It uses the provider-token rule's detection (secretlint's
 * recommended preset and footprint's own patterns), which loads only when a keyword search
 * finds a candidate, so a text without one costs one regular expression pass.
 */
export function findNameSecrets(text: string): TokenMatch[] {
  const matches: TokenMatch[] = [];
  text.split('\n').forEach((line, index) => {
    const candidates = findTokenCandidates(line, MAX_CANDIDATES_PER_NAME);
    if (candidates.length === 0) return;
    const windows = cutTokenWindows(line, index + 1, candidates);
    for (const match of scanTokenWindows('name.txt', windows)) matches.push(match);
  });
  return matches;
}

/** Replaces each token `findNameSecrets` finds in `text` with `replace(token)`. */
export function replaceNameSecrets(text: string, replace: (value: string) => string): string {
  let replaced = text;
  for (const { value } of findNameSecrets(text)) {
    if (value.length > 0) replaced = replaced.split(value).join(replace(value));
  }
  return replaced;
}

/**
 * Masks the tokens in a path or ref name, keeping the provider's public prefix
 * (`keys/ghp_********.txt`), so the name still shows what leaked and no secret character.
 */
export function maskNameSecrets(text: string): string {
  return replaceNameSecrets(text, maskSecret);
}
