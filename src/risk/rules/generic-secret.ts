import type { FileChange, FileContent } from '../../footprint/types.js';
import { findLineNumber, readAddedText } from '../added-lines.js';
import { shannonEntropy } from '../entropy.js';
import { createFinding } from '../finding.js';
import { maskSecret } from '../mask.js';
import { findTokenCandidates } from '../secrets/token-candidates.js';
import { readNumber, readStringList } from '../settings.js';
import { severityInFile } from '../test-severity.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'generic-secret',
  fix:
    'Read the value from the environment or a secret store instead of the file, and rotate it ' +
    'if it is a real credential.',
};

/** gitleaks' generic-api-key keywords (v8), matched in lower case inside a name. */
const KEYWORDS = [
  'access',
  'api',
  'auth',
  'credential',
  'creds',
  'key',
  'passwd',
  'password',
  'secret',
  'token',
];
/** Name parts that contain a keyword but name no secret. */
const NOT_SECRET_NAMES =
  /author|monkey|keyboard|keyframe|keyword|keycode|keypress|keydown|keyup|tokeniz|primary_?key|foreign_?key|public_?key|key_?(?:id|name|path|file|length|size|type|prefix)$|(?:^|_)api_?(?:version|url|base|host|path|endpoint)/i;

/** Returns true for the characters of a name: ASCII letters, digits, `_`, `.` and `-`. */
function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 46 ||
    code === 45
  );
}
const MAX_NAME = 64;
/**
 * After a name: an optional closing quote, an assignment (`=`, `:`, `:=`, `=>`, `?=`), then a
 * quoted value or a bare one. Every part is bounded, so each candidate costs constant time.
 */
const ASSIGNED_VALUE =
  /["']?[ \t]{0,5}(?::=|=>|\?=|=|:)[ \t]{0,5}(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})'|`([^`\s\\]{1,200})`|([A-Za-z0-9+/=_.~-]{1,200}))/y;

/** Values that are references, templates or placeholders rather than secrets. */
const NOT_SECRET_VALUE =
  /\$\{|\{\{|%\(|^\$[A-Za-z_]|^<|>$|x{4}|\*{3}|\.{3}|example|placeholder|changeme|dummy|redacted|your[-_]|:\/\/|^\.{0,2}\/|^sha(?:1|256|384|512)-|^(?:vault|urn|ssm|secretsmanager):|\[[^\]]*\]/i;
/**
 * Words of at least three letters joined by `_` or `.`, with one run of digits at most in the
 * whole value: in code, a field name (`password_confirmation2`) or a message key
 * (`errors.invalidPassword1Retry`). Generated secrets have short letter runs and many digit
 * runs (`Xk29_Lm83_Qp47`), and passphrases several digits (`Tidy7.Falcon3.Oxen8`).
 */
const IDENTIFIER_WORDS = /^[A-Za-z]{3,}[A-Za-z0-9]*(?:[_.][A-Za-z]{3,}[A-Za-z0-9]*)+$/;
const DIGIT_RUNS = /\d+/g;
/**
 * Lower-case words in folders, each starting with two letters: the name of a secret in a
 * store (`prod/db/api-v2`).
 */
const STORE_PATH =
  /^[a-z]{2,}[a-z0-9]*(?:[-_][a-z0-9]+)*(?:\/[a-z]{2,}[a-z0-9]*(?:[-_][a-z0-9]+)*)+$/;
/** Amazon Resource Names, which name a secret (`arn:aws:secretsmanager:…`) rather than hold it. */
const ARN = /^arn:aws[\w-]*:/;
/** A bare value that is a name or a property path, such as `process.env.API_KEY`. */
const IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const HAS_DIGIT = /\d/;

interface Assignment {
  name: string;
  value: string;
  /** True when the value was written without quotes, as code or a bare config value. */
  bare: boolean;
  /** Offset in the line where the examined text ends. */
  end: number;
}

/** Reads the name around a keyword and the value assigned to it, or null. */
function readAssignment(text: string, keywordAt: number, keywordLength: number): Assignment | null {
  let start = keywordAt;
  while (start > 0 && keywordAt - start < MAX_NAME && isNameChar(text.charCodeAt(start - 1)))
    start--;
  let end = keywordAt + keywordLength;
  while (end < text.length && end - keywordAt < MAX_NAME && isNameChar(text.charCodeAt(end))) end++;

  ASSIGNED_VALUE.lastIndex = end;
  const match = ASSIGNED_VALUE.exec(text);
  if (!match) return null;
  const value = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
  const bare = match[4] !== undefined;
  return { name: text.slice(start, end), value, bare, end: ASSIGNED_VALUE.lastIndex };
}

/** Languages whose bare values are literals, not references to other names. */
const DATA_LANGUAGES = new Set(['yaml', 'toml', 'ini', 'json', 'xml', 'dotenv', 'properties']);

function looksSecret(
  assignment: Assignment,
  minLength: number,
  minEntropy: number,
  codeFile: boolean,
): boolean {
  const { name, value } = assignment;
  // The cheap tests come first: most values in code are names without a digit.
  if (value.length < minLength || !HAS_DIGIT.test(value)) return false;
  if (NOT_SECRET_NAMES.test(name) || NOT_SECRET_VALUE.test(value)) return false;
  if (STORE_PATH.test(value) || ARN.test(value)) return false;
  if (codeFile && IDENTIFIER_WORDS.test(value) && (value.match(DIGIT_RUNS)?.length ?? 0) <= 1) {
    return false;
  }
  // A provider token belongs to the provider-token rule, so skipping or allowing that rule covers it.
  if (findTokenCandidates(value, 1).length > 0) return false;
  if (codeFile && assignment.bare && IDENTIFIER_PATH.test(value)) return false;
  return shannonEntropy(value) >= minEntropy;
}

const keywordPatterns = new Map<string, RegExp>();

/**
 * Returns one case-insensitive global pattern of all keywords, compiled once per keyword list:
 * one pass of the regular expression engine costs less than one indexOf pass per keyword over
 * a lower-cased copy of the text. Where two keywords start at one offset, the one listed first
 * wins.
 */
function compileKeywords(keywords: readonly string[]): RegExp {
  const key = keywords.join('\n');
  let pattern = keywordPatterns.get(key);
  if (pattern === undefined) {
    const escaped = keywords
      .filter((keyword) => keyword !== '')
      .map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(escaped.length === 0 ? '(?!)' : escaped.join('|'), 'gi');
    keywordPatterns.set(key, pattern);
  }
  return pattern;
}

/** Assignment offsets are into the text searched, which may hold many lines joined by `\n`. */
interface FoundSecret extends Assignment {
  at: number;
}

function findSecrets(
  text: string,
  options: RuleContext['options'],
  codeFile: boolean,
): FoundSecret[] {
  const keywords = compileKeywords(readStringList(options, 'keywords'));
  const minLength = readNumber(options, 'minLength', 10);
  const minEntropy = readNumber(options, 'minEntropy', 3.5);

  const found: FoundSecret[] = [];
  keywords.lastIndex = 0;
  for (let keyword = keywords.exec(text); keyword !== null; keyword = keywords.exec(text)) {
    const at = keyword.index;
    const assignment = readAssignment(text, at, keyword[0].length);
    if (assignment !== null && looksSecret(assignment, minLength, minEntropy, codeFile)) {
      found.push({ ...assignment, at });
    }
    // The next search starts past the text this step examined, so a line is read about once.
    keywords.lastIndex = Math.max(at + keyword[0].length, assignment?.end ?? 0);
  }
  return found;
}

/**
 * Finds values with high entropy assigned to names that suggest a secret (`api_key = "…"`,
 * `password: …`) on added lines, for secrets that no provider rule knows. Lockfiles and
 * generated files are not read.
 */
function checkGenericSecrets(
  file: FileChange,
  content: FileContent,
  context: RuleContext,
): Finding[] {
  if (file.category === 'lockfile' || file.category === 'generated') return [];

  // A file of no known language (`.env`, `.npmrc`) holds data, like YAML or TOML.
  const codeFile = file.language !== null && !DATA_LANGUAGES.has(file.language);
  // Names and values never span lines, so the joined added lines are searched in one pass.
  const added = readAddedText(file, content);
  const severity = severityInFile(file, context);
  const findings: Finding[] = [];
  for (const secret of findSecrets(added.text, context.options, codeFile)) {
    const entropy = shannonEntropy(secret.value).toFixed(1);
    findings.push(
      createFinding(
        RULE,
        { ...context, severity },
        {
          path: file.path,
          line: findLineNumber(added, secret.at),
          message: `Value of \`${secret.name}\` looks like a secret (entropy ${entropy} bits per character)`,
          masked: `${secret.name} = ${maskSecret(secret.value)}`,
        },
      ),
    );
  }
  return findings;
}

export const genericSecretRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'high',
  description:
    'Finds random-looking values assigned to names such as `api_key`, `password` or `token` (keyword and entropy, as gitleaks does).',
  defaultOptions: { keywords: KEYWORDS, minLength: 10, minEntropy: 3.5, testSeverity: 'medium' },
  check: checkGenericSecrets,
};
