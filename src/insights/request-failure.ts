import { REDACTED, redactSecrets } from './redact.js';
import { ReplyTooLargeError } from './reply-size-limit.js';

/** Characters of an error message that a failure description keeps. */
const MAX_ERROR_MESSAGE = 120;

/** Shortest secret cut out of a message; a shorter one would cut parts of common words. */
const MIN_SECRET_LENGTH = 8;

/** HTTP statuses of a key the API rejects (401) or that lacks access (403). */
const KEY_STATUSES = new Set([401, 403]);
const KEY_FIX = ', so check that ANTHROPIC_API_KEY holds a valid key with access to the model';

/** Causes followed at most, in case a chain loops. */
const MAX_CAUSES = 8;

/** Returns the error followed by its causes, outermost first. */
function listCauses(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let cause = error; cause !== undefined && cause !== null;) {
    if (chain.length >= MAX_CAUSES || chain.includes(cause)) break;
    chain.push(cause);
    cause = (cause as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * Returns the first line of an error's message, redacted, with `secrets` (the API key) cut
 * out and shortened, or '' when it has none. Messages of fetch and the SDK may quote the
 * request.
 */
function cleanMessage(error: unknown, secrets: readonly string[]): string {
  const message = (error as { message?: unknown }).message;
  if (typeof message !== 'string') return '';

  let line = redactSecrets(message.trim().split('\n')[0] ?? '');
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) line = line.split(secret).join(REDACTED);
  }
  return line.length > MAX_ERROR_MESSAGE ? `${line.slice(0, MAX_ERROR_MESSAGE - 3)}...` : line;
}

/**
 * Names the innermost cause of a connection failure by its message, such as `connect
 * ECONNREFUSED 127.0.0.1:8080` or `other side closed`, else its code. Returns '' when the
 * error has no cause.
 */
function describeRootCause(error: unknown, secrets: readonly string[]): string {
  const chain = listCauses(error);
  if (chain.length < 2) return '';
  const root = chain[chain.length - 1];
  const message = cleanMessage(root, secrets);
  if (message !== '') return message;
  const code = (root as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/**
 * Returns true when fetch failed while it read the body of a reply whose headers had arrived:
 * undici then raises a TypeError `terminated`, which the SDK wraps as a connection error.
 */
function failedWhileReading(error: unknown): boolean {
  return listCauses(error).some(
    (cause) => cause instanceof TypeError && cause.message === 'terminated',
  );
}

function describeConnectionFailure(error: unknown, secrets: readonly string[]): string {
  const cause = describeRootCause(error, secrets);
  const detail = cause === '' ? '' : ` (${cause})`;
  if (failedWhileReading(error)) return `reading the reply failed${detail}`;
  return `could not connect to the API${detail}`;
}

/** Names an error of no kind the SDK defines, with the first line of its message. */
function describeOtherError(error: unknown, secrets: readonly string[]): string {
  const name = (error as { name?: unknown }).name;
  const kind = typeof name === 'string' && name !== '' ? name : 'unknown error';
  const message = cleanMessage(error, secrets);
  return `the request failed (${message === '' ? kind : `${kind}: ${message}`})`;
}

/**
 * Describes a failed request in one line. A reply with an error status gives its HTTP status
 * and request id, and a 401 or 403 names ANTHROPIC_API_KEY as the thing to check. Other failures give their kind, and a failed connection the message of its
 * innermost cause. The SDK's messages for its own kinds are not shown, because they may quote
 * the base URL, and every message that is shown is redacted, with `secrets` cut out.
 */
export function describeRequestFailure(error: unknown, secrets: readonly string[] = []): string {
  const { status, requestID, name } = error as {
    status?: unknown;
    requestID?: unknown;
    name?: unknown;
  };
  if (typeof status === 'number') {
    const request = typeof requestID === 'string' ? `, request ${requestID}` : '';
    const fix = KEY_STATUSES.has(status) ? KEY_FIX : '';
    return `the API returned HTTP ${status}${request}${fix}`;
  }

  const tooLarge = listCauses(error).find((cause) => cause instanceof ReplyTooLargeError);
  if (tooLarge instanceof ReplyTooLargeError) return tooLarge.message;
  if (name === 'APIConnectionTimeoutError') return 'the request timed out';
  if (name === 'APIUserAbortError') return 'the request was cancelled';
  if (name === 'APIConnectionError') return describeConnectionFailure(error, secrets);
  if (name === 'SyntaxError') return 'the reply is not valid JSON';
  return describeOtherError(error, secrets);
}
