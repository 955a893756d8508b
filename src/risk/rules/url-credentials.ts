import type { FileChange, FileContent } from '../../footprint/types.js';
import { findAddedLinesWith } from '../added-lines.js';
import { createFinding } from '../finding.js';
import { shannonEntropy } from '../entropy.js';
import { findPublicPrefix, maskSecret } from '../mask.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'url-credentials',
  fix:
    'Take the password out of the URL and read it from the environment or a secret store, ' +
    'then change the password, since it is in your history once committed.',
};

/** The scheme before `://`, read backwards from it: a letter, then letters, digits, `+.-`. */
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const MAX_SCHEME = 32;
/**
 * `user:password@host` after `://`, each part bounded, so a long line costs linear time. The
 * user name may be empty, as in Redis URLs that carry only a password (`redis://:pw@cache.example`).
 */
const USERINFO = /([^\s:/?#@'"`<>[\]{}]{0,128}):([^\s/?#@'"`<>]{1,256})@([A-Za-z0-9.-]{1,253})/y;

/** Placeholders and variable references that stand for a password rather than being one. */
const PLACEHOLDER =
  /^(?:\*+|x+|\.+|-+|pass(?:word)?|secret|changeme|example|redacted|token|pwd|<.*>|\[.*\])$|\$\{|\{\{|%\(|%[A-Z_]+%|^\$[A-Za-z_]|^:|(?:your|my)[-_]?pass/i;
/** Hosts that never receive a real credential: loopback, and names reserved for examples (RFC 2606). */
const RESERVED_HOST =
  /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|host\.docker\.internal)$|(?:^|\.)(?:example(?:\.com|\.org|\.net)?|test|invalid|localhost)$/i;

export interface UrlCredential {
  scheme: string;
  user: string;
  password: string;
  /** Offset of the password in the text searched. */
  passwordAt: number;
  host: string;
}

function readScheme(text: string, separator: number): string {
  let start = separator;
  while (start > 0 && separator - start < MAX_SCHEME && SCHEME_CHAR.test(text[start - 1] ?? '')) {
    start--;
  }
  const scheme = text.slice(start, separator);
  return /^[A-Za-z]/.test(scheme) ? scheme : '';
}

/** Returns each `scheme://user:password@host` on a line whose password looks real. */
export function findUrlCredentials(text: string): UrlCredential[] {
  const found: UrlCredential[] = [];
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    const scheme = readScheme(text, at);
    if (scheme === '') continue;
    USERINFO.lastIndex = at + 3;
    const match = USERINFO.exec(text);
    if (!match) continue;

    const [, user = '', password = '', host = ''] = match;
    if (PLACEHOLDER.test(password) || RESERVED_HOST.test(host) || password === user) continue;
    const passwordAt = at + 3 + user.length + 1;
    found.push({ scheme, user, password, passwordAt, host });
  }
  return found;
}

/** Shortest user name that is masked for its entropy alone. */
const MIN_SECRET_USER_LENGTH = 16;

/**
 * Masks a user name that is itself a secret: one with a provider's token prefix, as in
 * `https://TOKEN:x-oauth-basic@git.example`, or a long random-looking one. Other names stay
 * readable.
 */
export function maskUserName(user: string): string {
  if (findPublicPrefix(user) !== '') return maskSecret(user);
  const random = user.length >= MIN_SECRET_USER_LENGTH && shannonEntropy(user) >= 3;
  return random ? maskSecret(user) : user;
}

/**
 * Finds passwords in URLs of any scheme (`https`, `postgres`, `redis`, `amqp`, ...) on added
 * lines, with or without a user name. The finding shows the scheme, user and host, and the
 * password masked. Placeholders (`***`, `${PASSWORD}`, `<password>`), a password equal to the user name
 * and loopback or example hosts are not findings.
 */
function checkUrlCredentials(
  file: FileChange,
  content: FileContent,
  context: RuleContext,
): Finding[] {
  const findings: Finding[] = [];
  for (const added of findAddedLinesWith(file, content, '://')) {
    for (const credential of findUrlCredentials(added.text)) {
      const { scheme, user, password, passwordAt, host } = credential;
      findings.push(
        createFinding(RULE, context, {
          path: file.path,
          line: added.line,
          message: `Password in a ${scheme} URL staged`,
          masked: `${scheme}://${maskUserName(user)}:${maskSecret(password)}@${host}`,
          range: { line: added.line, start: passwordAt, end: passwordAt + password.length },
        }),
      );
    }
  }
  return findings;
}

export const urlCredentialsRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'high',
  description:
    'Finds user names with passwords in URLs (`scheme://user:password@host`) on added lines.',
  defaultOptions: {},
  check: checkUrlCredentials,
};
