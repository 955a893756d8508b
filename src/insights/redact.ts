import { findCommandLinePasswords } from '../risk/secrets/command-line-passwords.js';
import { looksSecret } from '../risk/secrets/secret-value.js';
import { CREDENTIAL_KEYWORDS } from '../risk/secrets/credential-keywords.js';
import { scanTokenWindows } from '../risk/secrets/secretlint-scan.js';
import { cutTokenWindows, findTokenCandidates } from '../risk/secrets/token-candidates.js';
import { skipTypeAnnotation } from '../risk/secrets/type-annotation.js';
import { readVariableDefault } from '../risk/secrets/variable-default.js';
import {
  detectValueSyntax,
  findUnquotedValueEnd,
  readShellValue,
  type LineValueSyntax,
  type ValueSyntax,
} from '../risk/secrets/unquoted-value.js';
import { looksRandom } from './entropy.js';

/** Replacement text of every redacted value, which no later pass would redact again. */
export const REDACTED = '[REDACTED]';

/**
 * A PEM block from its BEGIN line to its END line, or to the end of the text when a hunk cuts
 * it off. The armour lines stay, so the reader still sees that a key was there. The block
 * becomes one line, because a replacement with line breaks would change the lines of a hunk.
 */
const PEM_BLOCK = /(-----BEGIN [A-Z0-9 ]{1,64}-----)[\s\S]*?(-----END [A-Z0-9 ]{1,64}-----|$)/g;

/** The user information of a URL, such as `https://user:password@host` or `https://token@host`. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{1,20}:\/\/)[^\s/@'"`<>]+@/gi;

/** `Authorization` header values: the scheme stays, the credentials go. */
const AUTHORIZATION = /\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{12,}/g;

/** Credentials with a documented fixed prefix: AWS, GitHub, Slack, Anthropic, OpenAI, Google, Stripe, npm, JWT. */
const KNOWN_TOKENS = [
  /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /\bsk-(?:ant-|proj-|live-|test-)?[A-Za-z0-9_-]{16,}/g,
  /\bAIza[0-9A-Za-z_-]{30,}/g,
  /\b[rs]k_(?:live|test)_[0-9A-Za-z]{10,}/g,
  /\bnpm_[A-Za-z0-9]{30,}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];

/**
 * The name and operator of `name = value`, `name: value`, `name := value` and `name => value`,
 * or a name alone before a Go type and `=` (`apiKey string = value`). The lookbehind starts a
 * match only at the start of a name, and the name is a maximal run, so long words stay linear.
 */
const NAME_AND_OPERATOR =
  /(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]+(?:['"]?[ \t]*(?::=|=>|=|:)[ \t]*|(?=[ \t]{1,5}[A-Za-z_*[][A-Za-z0-9_.*[\]]{0,40}[ \t]{0,5}=[^=>]))/g;

/**
 * An assigned value: quoted on one line, or bare up to a space, quote, comma, semicolon or
 * bracket where the file's format does not say where an unquoted value ends.
 */
const QUOTED_VALUE = /(['"`])([^'"`\r\n]*)\1/y;
const BARE_VALUE = /[^\s'"`,;()[\]{}]+/y;
const BLANK = /\s/;

/**
 * Names that mention a credential, in any case and in camelCase or snake_case alike (`dbPass`,
 * `DB_PWD`, `clientSecret`, `authToken`, `api_key`, `creds`): every keyword of the
 * generic-secret rule, and `pass` and `pwd`. Names that merely contain one (`keyboard`,
 * `bypass`, `rapid`) are redacted too, because a redacted harmless value costs less than a
 * leaked password.
 */
const CREDENTIAL_NAME = new RegExp(
  [...CREDENTIAL_KEYWORDS, 'pass', 'pwd']
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'i',
);

/** `auth` at the start of `author` or `authority`, which name no credential. */
const AUTHOR_WORD = /auth(?=or)/gi;

/** `pw` as a name of its own or a word in one (`pw`, `DB_PW`, `smtpPw`), but not `PWA`. */
const SHORT_PASSWORD_NAME = /(?<![A-Za-z])pw(?![a-z])|(?<![A-Za-z])PW(?![A-Za-z])|Pw(?![a-z])/;

/**
 * Names whose last word is a credential (`passphrase`, `DB_PASSWORD`, `clientSecret`,
 * `paymentApiKey`). Their value is redacted even when it has spaces, as a passphrase may, while
 * a label such as `passwordHint: "Enter your password"` stays.
 */
const CREDENTIAL_LAST_WORD = new RegExp(
  '(?:pass(?:word|wd|phrase)?|pwd|pw|secret|token|credentials?|' +
    '(?:api|access|secret|private|signing|encryption|master)[_-]?key)$',
  'i',
);

/** An XML element on one line, such as Maven's `<password>value</password>`. */
const XML_ELEMENT = /<([A-Za-z_][A-Za-z0-9_.:-]{0,63})>([^<\r\n]{1,256})<\/\1>/g;

/**
 * An XML element that names a setting in one attribute and gives its value in the next, as
 * .NET's `<add key="ApiKey" value="..." />` and Spring's `<property name="password" ...>` do.
 */
const XML_NAMED_VALUE =
  /(\b(?:key|name)=(["'])([^"'\r\n]{1,128})\2\s+value=)(["'])([^"'\r\n]*)\4/gi;

/** Values that refer to a secret kept elsewhere: `${VAR}`, `$VAR`, `{{ var }}`, `%VAR%`. */
const REFERENCE_VALUE =
  /^(?:\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|%[A-Za-z_][A-Za-z0-9_]*%)$/;

/** Words a bare assigned value may be without being a secret: types, literals, placeholders. */
const HARMLESS_BARE_VALUES =
  /^(?:true|false|null|none|nil|undefined|bearer|basic|string|number|boolean|str|int|bytes|any|unknown|required|optional|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|process\.env\.[A-Za-z0-9_]+|os\.environ.*|env\..*|<[^>]*>|\*+|x+|\.\.\.)$/i;

/** Candidates per line that the secretlint scan reads at most, which bounds a line's cost. */
const MAX_CANDIDATES_PER_LINE = 20;

/** Shortest match of the secretlint scan that is replaced wherever it occurs in the text. */
const MIN_PRESET_MATCH = 8;

/**
 * Runs of base64, base64url or hex characters long enough to be a generated secret.
 * NOTE: a token split into concatenated string literals (`"ghp_…" +` and `"…tail"` on the
 * next line) keeps a part under 20 characters. Joining such literals before the scan fixes it.
 */
const TOKEN_RUN = /[A-Za-z0-9+/_=-]{20,}/g;

function mentionsCredential(name: string): boolean {
  const words = name.replace(AUTHOR_WORD, '');
  return CREDENTIAL_NAME.test(words) || SHORT_PASSWORD_NAME.test(name);
}

/** Judges a quoted value a secret unless it is short, or has spaces and reads as a label. */
function isSecretQuoted(value: string, name: string): boolean {
  if (value.length < 4 || value === REDACTED) return false;
  return !value.includes(' ') || CREDENTIAL_LAST_WORD.test(name);
}

/** A bare value is judged a secret unless it is a known harmless word or a function call. */
function isSecretBare(value: string, following: string): boolean {
  if (value.length < 4 || value === REDACTED || following.startsWith('(')) return false;
  return !HARMLESS_BARE_VALUES.test(value);
}

/** A name and where its value starts, in the text being redacted. */
interface Assigned {
  name: string;
  nameStart: number;
  start: number;
}

/**
 * Returns the end of the unquoted value at `start`, as the file's format defines it (a YAML or
 * properties line). A value with spaces goes whole only under a name whose last
 * word is a credential, as in quotes, and otherwise its first word goes. In other formats the
 * value runs up to a space, quote, comma, semicolon or bracket.
 */
function findBareValueEnd(
  text: string,
  assigned: Assigned,
  syntax: LineValueSyntax | null,
): number {
  const { name, nameStart, start } = assigned;
  const end = syntax === null ? null : findUnquotedValueEnd(text, nameStart, start, syntax);
  if (end !== null) {
    const blank = text.slice(start, end).search(BLANK);
    return blank === -1 || CREDENTIAL_LAST_WORD.test(name) ? end : start + blank;
  }
  BARE_VALUE.lastIndex = start;
  return BARE_VALUE.test(text) ? BARE_VALUE.lastIndex : start;
}

/** A span of text to redact and its replacement. */
interface Redaction {
  end: number;
  replacement: string;
}

/**
 * Returns the whole span of a shell or Dockerfile value when the shell reads a secret from it,
 * or null when it stays. Quoted and escaped parts are one value, so a quote or `\ ` inside the
 * value sends none of it. Returns undefined when the name is assigned no shell value there, or
 * an empty one (`NAME= word`), so that the caller reads the value as in other text.
 */
function readShellSecret(
  text: string,
  name: string,
  nameStart: number,
): (Redaction & { start: number }) | null | undefined {
  const shell = readShellValue(text, nameStart, nameStart + name.length);
  if (shell === null || shell.value === '') return undefined;
  if (!isSecretBare(shell.value, text.charAt(shell.end))) return null;
  return { start: shell.start, end: shell.end, replacement: REDACTED };
}

/** Returns the span of an assigned value and its replacement, or null when it stays. */
function readSecretValue(
  text: string,
  assigned: Assigned,
  syntax: ValueSyntax | null,
): Redaction | null {
  const { name, nameStart, start } = assigned;
  if (syntax === 'shell') {
    const shell = readShellSecret(text, name, nameStart);
    if (shell !== undefined) return shell;
  }
  QUOTED_VALUE.lastIndex = start;
  const quoted = QUOTED_VALUE.exec(text);
  if (quoted !== null) {
    const [whole, quote = '', value = ''] = quoted;
    if (!isSecretQuoted(value, name)) return null;
    return { end: start + whole.length, replacement: `${quote}${REDACTED}${quote}` };
  }

  const end = findBareValueEnd(text, assigned, syntax === 'shell' ? null : syntax);
  const bare = text.slice(start, end);
  if (bare === '' || !isSecretBare(bare, text.charAt(end))) return null;
  return { end, replacement: REDACTED };
}

/** Names at the start of a Dockerfile `ENV NAME value` line, whose value has no `=` before it. */
const DOCKER_ENV_NAME = /^[ \t]*ENV[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]/gim;

/** Redacts the values of `ENV NAME value` lines whose name mentions a credential, whole. */
function redactShellEnvLines(text: string): string {
  let redacted = '';
  let copied = 0;
  DOCKER_ENV_NAME.lastIndex = 0;
  for (let match = DOCKER_ENV_NAME.exec(text); match; match = DOCKER_ENV_NAME.exec(text)) {
    const name = match[1] ?? '';
    if (!mentionsCredential(name)) continue;

    const nameStart = match.index + match[0].length - name.length - 1;
    const value = readShellSecret(text, name, nameStart);
    if (value === null || value === undefined) continue;
    redacted += text.slice(copied, value.start) + value.replacement;
    copied = value.end;
  }
  return redacted + text.slice(copied);
}

/** Redacts values assigned to names that mention a credential; other values are scanned on. */
function redactAssignments(text: string, syntax: ValueSyntax | null): string {
  let redacted = '';
  let copied = 0;
  NAME_AND_OPERATOR.lastIndex = 0;
  for (let match = NAME_AND_OPERATOR.exec(text); match; match = NAME_AND_OPERATOR.exec(text)) {
    const name = /^[A-Za-z0-9_.-]+/.exec(match[0])?.[0] ?? '';
    if (!mentionsCredential(name)) continue;

    // In code, a type between the name and `=` is read as the generic-secret rule reads it.
    const typed =
      syntax === null ? skipTypeAnnotation(text, match.index, match.index + name.length) : null;
    if (typed === null && match[0] === name) continue;
    const start = typed ?? match.index + match[0].length;
    const value = readSecretValue(text, { name, nameStart: match.index, start }, syntax);
    if (value === null) continue;
    redacted += text.slice(copied, start) + value.replacement;
    copied = value.end;
    NAME_AND_OPERATOR.lastIndex = value.end;
  }
  return redacted + text.slice(copied);
}

/** The label of a Terraform variable block: `variable "db_password"`. */
const VARIABLE_LABEL = /^[ \t]*variable[ \t]+"([A-Za-z0-9_-]{1,64})"/gm;

/**
 * Redacts the `default` of each Terraform variable whose name mentions a credential, as the
 * generic-secret rule judges that value under the variable's name.
 */
function redactVariableDefaults(text: string): string {
  let redacted = '';
  let copied = 0;
  VARIABLE_LABEL.lastIndex = 0;
  for (let match = VARIABLE_LABEL.exec(text); match; match = VARIABLE_LABEL.exec(text)) {
    const name = match[1] ?? '';
    if (!mentionsCredential(name)) continue;

    const nameEnd = match.index + match[0].length - 1;
    const found = readVariableDefault(text, nameEnd - name.length, nameEnd);
    if (found === null || found.valueStart < copied || !isSecretQuoted(found.value, name)) continue;
    redacted += text.slice(copied, found.valueStart) + REDACTED;
    copied = found.valueStart + found.value.length;
  }
  return redacted + text.slice(copied);
}

/** Returns true when an XML setting's name marks its value as a secret that is no reference. */
function isXmlSecret(name: string, value: string): boolean {
  const trimmed = value.trim();
  if (REFERENCE_VALUE.test(trimmed) || !CREDENTIAL_LAST_WORD.test(name)) return false;
  return isSecretQuoted(trimmed, name);
}

/** Redacts the text of XML elements and the values of XML settings named as credentials. */
function redactXmlSettings(text: string): string {
  const elements = text.replace(XML_ELEMENT, (whole, name: string, value: string) =>
    isXmlSecret(name, value) ? `<${name}>${REDACTED}</${name}>` : whole,
  );
  return elements.replace(
    XML_NAMED_VALUE,
    (whole, head: string, _q: string, name: string, quote: string, value: string) =>
      isXmlSecret(name, value) ? `${head}${quote}${REDACTED}${quote}` : whole,
  );
}

/**
 * Redacts passwords given on command lines, as the command-line-password rule finds them
 * (`mysql -pSECRET`, `--password SECRET`, `PGPASSWORD=SECRET`, `curl -u user:SECRET`).
 * Placeholders go too, since redaction errs towards redacting, but references such as
 * `-p"$DB_PASSWORD"` stay, because they show how the script gets its password.
 */
function redactCommandLinePasswords(text: string): string {
  let redacted = '';
  let copied = 0;
  for (const password of findCommandLinePasswords(text)) {
    if (password.kind === 'reference' || password.value === REDACTED) continue;
    if (password.start < copied) continue;
    redacted += text.slice(copied, password.start) + REDACTED;
    copied = password.end;
  }
  return copied === 0 ? text : redacted + text.slice(copied);
}

/**
 * Redacts the tokens that the rules of secretlint's recommended preset find, through the risk
 * stage's scan. Only lines with a keyword of those rules are scanned, so the preset loads only
 * when a line may hold such a token.
 */
function redactPresetTokens(text: string, path: string): string {
  const windows = text.split('\n').flatMap((line, index) => {
    const candidates = findTokenCandidates(line, MAX_CANDIDATES_PER_LINE);
    return candidates.length === 0 ? [] : cutTokenWindows(line, index + 1, candidates);
  });
  if (windows.length === 0) return text;

  const values = new Set(
    scanTokenWindows(path, windows)
      .map((match) => match.value)
      .filter((value) => value.length >= MIN_PRESET_MATCH),
  );
  let redacted = text;
  for (const value of values) redacted = redacted.split(value).join(REDACTED);
  return redacted;
}

/**
 * A Dockerfile `ENV NAME value` line in the form without `=`, where the value runs to the end
 * of the line. The `ENV NAME=value` form is an assignment like any other.
 */
const DOCKER_ENV = /^([ \t]*ENV[ \t]+)([A-Za-z_][A-Za-z0-9_]*)([ \t]+)([^\s=][^\r\n]*?)[ \t]*$/gm;

/** Redacts the value of a Dockerfile `ENV NAME value` line whose name mentions a credential. */
function redactDockerEnv(text: string): string {
  return text.replace(
    DOCKER_ENV,
    (whole, head: string, name: string, gap: string, value: string) => {
      if (!mentionsCredential(name) || REFERENCE_VALUE.test(value)) return whole;
      return isSecretQuoted(value, name) ? `${head}${name}${gap}${REDACTED}` : whole;
    },
  );
}

/** A word of prose, without the quotes, brackets and end punctuation around it. */
const PROSE_WORD = /[^\s"'`()[\]{}<>,;]+/g;
const END_PUNCTUATION = /[.:!?]+$/;
/**
 * Limits for a word near a credential word in prose: shorter than the generic-secret rule's
 * default, because a redacted harmless word costs less than a sent password.
 */
const PROSE_LIMITS = { minLength: 8, minEntropy: 3.5 };

/**
 * Redacts the words that look generated on each line that mentions a credential, as docs give
 * them without an assignment: `the staging password is …`, `credentials: admin / …`,
 * `use token … for the API`.
 */
function redactProseCredentials(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!mentionsCredential(line)) return line;
      return line.replace(PROSE_WORD, (word) => {
        const value = word.replace(END_PUNCTUATION, '');
        const named = { name: 'password', value, bare: false };
        if (value === REDACTED || !looksSecret(named, PROSE_LIMITS, false)) return word;
        return REDACTED + word.slice(value.length);
      });
    })
    .join('\n');
}

function redactRandomTokens(text: string): string {
  return text.replace(TOKEN_RUN, (token) => (looksRandom(token) ? REDACTED : token));
}

/**
 * Replaces every secret-like value in `text` with `[REDACTED]`: the tokens secretlint's
 * recommended preset finds, PEM blocks, credentials in URLs and `Authorization` values, tokens
 * with a known prefix, passwords given on command lines, values assigned to names that
 * mention a password, secret, token, key, auth or credential whatever their entropy (also
 * after a type annotation and as a Terraform variable's `default`), the same in XML elements and settings and in Dockerfile `ENV NAME value` lines, generated-looking
 * words on a line that mentions a credential, and long high-entropy tokens. It errs towards redacting, so a
 * hash or a UUID may go too.
 * `path` tells the preset's rules which kind of file the text comes from. Applying it twice
 * gives the same text.
 */
export function redactSecrets(text: string, path = 'change.txt'): string {
  let redacted = redactPresetTokens(text, path);
  redacted = redacted.replace(PEM_BLOCK, `$1${REDACTED}$2`);
  redacted = redacted.replace(URL_USERINFO, `$1${REDACTED}@`);
  redacted = redacted.replace(AUTHORIZATION, `$1$2${REDACTED}`);
  for (const pattern of KNOWN_TOKENS) redacted = redacted.replace(pattern, REDACTED);
  redacted = redactCommandLinePasswords(redacted);
  // Before the assignments, which would redact the name in `key="ApiKey"` and hide it.
  redacted = redactXmlSettings(redacted);
  const syntax = detectValueSyntax(path);
  redacted = redactAssignments(redacted, syntax);
  redacted = redactVariableDefaults(redacted);
  if (syntax === 'shell') redacted = redactShellEnvLines(redacted);
  redacted = redactDockerEnv(redacted);
  redacted = redactProseCredentials(redacted);
  return redactRandomTokens(redacted);
}
