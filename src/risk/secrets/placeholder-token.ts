import { findPublicPrefix } from '../mask.js';

/**
 * Characters that documentation writes in place of a token's body: `ghp_xxxx…`,
 * `sk_live_XXXX…`, `npm_0000…`, `****`, `....`.
 */
const PLACEHOLDER_CHARS = new Set(['x', 'X', '0', '*', '.']);

/** Share of a body's characters that are placeholder characters in a placeholder token. */
const MIN_PLACEHOLDER_SHARE = 0.75;

/** Separators inside a token body (`xoxb-…-…`), which count neither way. */
const BODY_SEPARATORS = /[-_]/g;

/** A token that is a URL, such as a Slack webhook, whose last path segment is its secret. */
const URL_TOKEN = /^https?:\/\/\S*\/([^/\s]+)\/?$/;

/**
 * Returns the part of a matched token that carries its secret: without a leading name and
 * assignment (`aws_secret_access_key = `, which a report keeps when its range cannot be moved
 * onto the value) and without the provider's public prefix (`ghp_`, `AKIA`). For a URL it is
 * the last segment.
 */
function readTokenBody(value: string): string {
  const url = URL_TOKEN.exec(value);
  if (url?.[1] !== undefined) return url[1];

  const assigned = /[=:\s"']+([^=:\s"']+)$/.exec(value);
  const token = assigned?.[1] ?? value;
  return token.slice(findPublicPrefix(token).length);
}

/**
 * Returns true for a token that documentation uses as a placeholder rather than a credential:
 * a body of one repeated character, or mostly `x`, `X`, `0`, `*` and `.`. Such a string has
 * the shape of a token, and no provider issues it.
 */
export function isPlaceholderToken(value: string): boolean {
  const body = readTokenBody(value).replace(BODY_SEPARATORS, '');
  if (body.length === 0) return false;
  if (new Set(body).size === 1) return true;

  let placeholders = 0;
  for (const char of body) if (PLACEHOLDER_CHARS.has(char)) placeholders++;
  return placeholders / body.length >= MIN_PLACEHOLDER_SHARE;
}
