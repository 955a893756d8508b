/**
 * A password written where no name says so: an argument of a call that takes a user and a
 * password, SQL's `IDENTIFIED BY '…'`, or the `user:password` that code encodes for HTTP Basic
 * authentication.
 */
export interface CredentialArgument {
  /** The password as written, without quotes. */
  value: string;
  /** Offset of the value in the text. */
  start: number;
  /** The start of the finding's message: "Password argument of `HTTPBasicAuth`". */
  subject: string;
  /** The text shown before and after the masked value: `HTTPBasicAuth(…, ` and `)`. */
  maskedBefore: string;
  maskedAfter: string;
}

/**
 * Calls whose arguments are a user name and a password, and the 0-based position of the
 * password: requests' `HTTPBasicAuth` and `HTTPDigestAuth`, aiohttp's `BasicAuth`, Go's
 * `SetBasicAuth`, .NET's `NetworkCredential`, Apache HttpClient's
 * `UsernamePasswordCredentials`, Java's `PasswordAuthentication`, and JDBC's
 * `getConnection(url, user, password)`.
 */
const PASSWORD_POSITIONS = new Map<string, number>([
  ['HTTPBasicAuth', 1],
  ['HTTPDigestAuth', 1],
  ['HTTPProxyAuth', 1],
  ['BasicAuth', 1],
  ['SetBasicAuth', 1],
  ['NetworkCredential', 1],
  ['UsernamePasswordCredentials', 1],
  ['PasswordAuthentication', 1],
  ['getConnection', 2],
]);
const CREDENTIAL_CALL =
  /\b(HTTP(?:Basic|Digest|Proxy)Auth|(?:Set)?BasicAuth|NetworkCredential|UsernamePasswordCredentials|PasswordAuthentication|getConnection)[ \t]*\(/g;

/**
 * MySQL's and Oracle's `IDENTIFIED [WITH plugin] BY 'password'`, quoted or, as Oracle allows,
 * bare.
 */
const IDENTIFIED_BY =
  /\bIDENTIFIED[ \t]+(?:WITH[ \t]+[A-Za-z0-9_]{1,64}[ \t]+)?BY[ \t]+(?:'([^'\s\\]{1,200})'|"([^"\s\\]{1,200})"|([A-Za-z0-9_$#]{1,200})(?![^\s;]))/gi;

/**
 * `Basic ` joined to a base64 encoding of a literal `user:password`: JavaScript's `btoa` and
 * `Buffer.from`, Python's `b64encode`, Ruby's `Base64.encode64`, Java's `encodeToString` and
 * .NET's `Convert.ToBase64String(Encoding.….GetBytes(…))`.
 */
const BASIC_ENCODED =
  /\bBasic[ \t]*(?:["'`][ \t]*\+[ \t]*|\$\{[ \t]*)(?:btoa|Buffer\.from|(?:base64\.)?(?:standard_)?b64encode|Base64\.(?:strict_)?encode64|Base64\.getEncoder\(\)\.encodeToString|Convert\.ToBase64String\([ \t]*Encoding\.[A-Za-z0-9]+\.GetBytes)[ \t]*\([ \t]*b?(["'`])([^"'`\s:]{1,100}):([^"'`\s\\]{1,200})\1/g;

/** Arguments read from a call at most, and characters read from one argument at most. */
const MAX_ARGUMENTS = 4;
const MAX_ARGUMENT = 200;

/** One argument of a call: its literal value when it starts with a quoted string, else null. */
interface Argument {
  literal: string | null;
  start: number;
}

/** Reads the quoted string at `at`; returns its end after the quote, or -1 at a line end. */
function readQuoted(text: string, at: number, limit: number): number {
  const quote = text.charAt(at);
  for (let index = at + 1; index < limit; index++) {
    const char = text.charAt(index);
    if (char === quote) return index + 1;
    if (char === '\n' || char === '\\') return -1;
  }
  return -1;
}

/**
 * Reads the arguments of the call whose `(` ends at `open`, up to its closing bracket. An
 * argument that starts with a quoted string has that string as its literal, as in
 * `"secret".toCharArray()`. Returns null for a call not closed on its line.
 */
function readArguments(text: string, open: number): Argument[] | null {
  const args: Argument[] = [];
  let at = open;
  while (args.length < MAX_ARGUMENTS) {
    while (text.charAt(at) === ' ' || text.charAt(at) === '\t') at++;
    const start = at;
    let literal: string | null = null;
    if (text.charAt(at) === '"' || text.charAt(at) === "'") {
      const end = readQuoted(text, at, Math.min(text.length, at + MAX_ARGUMENT));
      if (end !== -1) literal = text.slice(at + 1, end - 1);
    }
    let depth = 0;
    const limit = Math.min(text.length, start + MAX_ARGUMENT);
    for (; at < limit; at++) {
      const char = text.charAt(at);
      if (char === '\n') return null;
      if (char === '"' || char === "'") {
        const end = readQuoted(text, at, limit);
        if (end === -1) return null;
        at = end - 1;
      } else if (char === '(' || char === '[' || char === '{') {
        depth++;
      } else if ((char === ')' || char === ']' || char === '}') && depth > 0) {
        depth--;
      } else if ((char === ',' || char === ')') && depth === 0) {
        break;
      }
    }
    if (at >= limit) return null;
    if (at > start) args.push({ literal, start: literal === null ? start : start + 1 });
    if (text.charAt(at) === ')') return args;
    at++;
  }
  return args;
}

/**
 * Words that each form needs, which one search finds far faster than the forms' patterns,
 * whose alternatives are tried at every offset. A text without any is not searched further.
 */
const FORM_WORDS =
  /Basic|DigestAuth|ProxyAuth|NetworkCredential|UsernamePassword|PasswordAuthentication|getConnection|IDENTIFIED|[Ii]dentified/;
const CALL_WORDS =
  /BasicAuth|DigestAuth|ProxyAuth|NetworkCredential|UsernamePassword|PasswordAuthentication|getConnection/;
const IDENTIFIED_WORD = /IDENTIFIED|[Ii]dentified/;

function findCallArguments(text: string): CredentialArgument[] {
  const found: CredentialArgument[] = [];
  if (!CALL_WORDS.test(text)) return found;
  CREDENTIAL_CALL.lastIndex = 0;
  for (let call = CREDENTIAL_CALL.exec(text); call; call = CREDENTIAL_CALL.exec(text)) {
    const name = call[1] ?? '';
    const position = PASSWORD_POSITIONS.get(name) ?? 1;
    const args = readArguments(text, CREDENTIAL_CALL.lastIndex);
    // JDBC's getConnection takes properties in its two-argument form, and a password in the
    // three-argument form only.
    if (args === null || (name === 'getConnection' && args.length !== 3)) continue;
    const password = args[position];
    const value = password?.literal ?? '';
    if (password === undefined || value === '') continue;
    found.push({
      value,
      start: password.start,
      subject: `Password argument of \`${name}\``,
      maskedBefore: `${name}(…, `,
      maskedAfter: ')',
    });
  }
  return found;
}

function findIdentifiedBy(text: string): CredentialArgument[] {
  const found: CredentialArgument[] = [];
  if (!IDENTIFIED_WORD.test(text)) return found;
  for (const match of text.matchAll(IDENTIFIED_BY)) {
    const value = match[1] ?? match[2] ?? match[3] ?? '';
    const quoted = match[3] === undefined;
    found.push({
      value,
      start: match.index + match[0].length - value.length - (quoted ? 1 : 0),
      subject: 'Password after `IDENTIFIED BY`',
      maskedBefore: 'IDENTIFIED BY ',
      maskedAfter: '',
    });
  }
  return found;
}

function findBasicEncoded(text: string): CredentialArgument[] {
  const found: CredentialArgument[] = [];
  if (!text.includes('Basic')) return found;
  for (const match of text.matchAll(BASIC_ENCODED)) {
    const value = match[3] ?? '';
    found.push({
      value,
      start: match.index + match[0].length - value.length - 1,
      subject: 'Password of encoded `Basic` credentials',
      maskedBefore: 'Basic …:',
      maskedAfter: '',
    });
  }
  return found;
}

/**
 * Finds passwords given as call arguments, after SQL's `IDENTIFIED BY` and in encoded HTTP
 * Basic credentials, sorted by offset. Whether each is a secret rather than a placeholder is
 * left to the caller.
 */
export function findCredentialArguments(text: string): CredentialArgument[] {
  if (!FORM_WORDS.test(text)) return [];
  return [...findCallArguments(text), ...findIdentifiedBy(text), ...findBasicEncoded(text)].sort(
    (a, b) => a.start - b.start,
  );
}
