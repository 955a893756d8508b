import type { FileChange, FileContent } from '../../footprint/types.js';
import { findLineNumber, readAddedText } from '../added-lines.js';
import { createFinding } from '../finding.js';
import { maskSecret } from '../mask.js';
import { rangeInAddedText } from '../secret-range.js';
import { severityInFile } from '../test-severity.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'jwt',
  fix:
    'Remove the token and read it from the environment or a secret store at run time; if it ' +
    'has not expired, revoke it or rotate the key that signed it.',
};

/**
 * Minimum lengths of a JWT's parts. A real header or payload is longer (`{"alg":"HS256"}` alone
 * encodes to 20 characters), and an HMAC or signature of 12 bytes or less is no real one.
 */
const MIN_HEADER = 17;
const MIN_PAYLOAD = 17;
const MIN_SIGNATURE = 16;
const MAX_HEADER = 2048;

/** Every JWT's header and payload start with base64url of `{"`. */
const KEYWORD = 'eyJ';

function isBase64UrlCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 45 || // -
    code === 95 // _
  );
}

/** Returns the offset where the run of base64url characters starting at `start` ends. */
function endOfBase64Url(text: string, start: number): number {
  let end = start;
  while (end < text.length && isBase64UrlCode(text.charCodeAt(end))) end++;
  return end;
}

/** Returns true when a base64url part decodes to a JSON object with a string `alg`, a JWT header. */
function isJwtHeader(part: string): boolean {
  if (part.length > MAX_HEADER) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return (
      typeof header === 'object' &&
      header !== null &&
      typeof (header as Record<string, unknown>)['alg'] === 'string' &&
      (header as Record<string, unknown>)['alg'] !== 'none'
    );
  } catch {
    return false;
  }
}

/** A signed JWT found in a text: where it starts, and the token. */
interface JwtMatch {
  at: number;
  token: string;
}

/**
 * Finds signed JWTs: three base64url parts joined by dots, the first two starting with `eyJ`
 * and the first decoding to a JSON header with an `alg` other than `none` (an unsigned token
 * carries no credential). Each character is read a bounded number of times: a failed
 * candidate is skipped with its whole base64url run, because every `eyJ` inside that run ends
 * where it ends and fails the same way.
 */
export function findJwts(text: string): JwtMatch[] {
  const found: JwtMatch[] = [];
  for (let at = text.indexOf(KEYWORD); at !== -1;) {
    const headerEnd = endOfBase64Url(text, at);
    let next = headerEnd;
    const startsWord = at === 0 || !isBase64UrlCode(text.charCodeAt(at - 1));
    if (
      startsWord &&
      headerEnd - at >= MIN_HEADER &&
      text[headerEnd] === '.' &&
      text.startsWith(KEYWORD, headerEnd + 1)
    ) {
      const payloadEnd = endOfBase64Url(text, headerEnd + 1);
      const signatureEnd =
        text[payloadEnd] === '.' ? endOfBase64Url(text, payloadEnd + 1) : payloadEnd;
      if (
        payloadEnd - headerEnd - 1 >= MIN_PAYLOAD &&
        signatureEnd - payloadEnd - 1 >= MIN_SIGNATURE &&
        isJwtHeader(text.slice(at, headerEnd))
      ) {
        found.push({ at, token: text.slice(at, signatureEnd) });
      }
      next = Math.max(next, signatureEnd);
    }
    at = text.indexOf(KEYWORD, Math.max(next, at + 1));
  }
  return found;
}

function checkJwts(file: FileChange, content: FileContent, context: RuleContext): Finding[] {
  const added = readAddedText(file, content);
  if (!added.text.includes(KEYWORD)) return [];

  const severity = severityInFile(file, context);
  return findJwts(added.text).map((jwt) =>
    createFinding(
      RULE,
      { ...context, severity },
      {
        path: file.path,
        line: findLineNumber(added, jwt.at),
        message: 'Signed JSON Web Token staged',
        masked: maskSecret(jwt.token),
        range: rangeInAddedText(added, jwt.at, jwt.at + jwt.token.length),
      },
    ),
  );
}

export const jwtRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'high',
  description:
    'Finds signed JSON Web Tokens (three base64url parts whose header names an `alg`) on added lines.',
  defaultOptions: { testSeverity: 'medium' },
  check: checkJwts,
};
