import type { FileChange, FileContent } from '../../footprint/types.js';
import { findLineNumber, readAddedText, type AddedText } from '../added-lines.js';
import { shannonEntropy } from '../entropy.js';
import { createFinding } from '../finding.js';
import { maskSecret } from '../mask.js';
import { rangeInAddedText } from '../secret-range.js';
import { readAssignment, type Assignment } from '../secrets/assigned-value.js';
import { findCredentialArguments } from '../secrets/credential-arguments.js';
import { CREDENTIAL_KEYWORDS } from '../secrets/credential-keywords.js';
import { readDefaultLiteral } from '../secrets/default-expansion.js';
import { isNameWordAt, PASSWORD_ABBREVIATIONS } from '../secrets/password-name.js';
import { looksSecret, type SecretLimits } from '../secrets/secret-value.js';
import { detectValueSyntax, type ValueSyntax } from '../secrets/unquoted-value.js';
import { readNumber, readStringList } from '../settings.js';
import { severityInFile } from '../test-severity.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'generic-secret',
  fix:
    'Read the value from the environment or a secret store instead of the file, and rotate it ' +
    'if it is a real credential.',
};

/**
 * The credential keywords that the redactor shares, with `passphrase` and the short forms of
 * password in PASSWORD_ABBREVIATIONS added for this rule alone.
 */
const KEYWORDS = [...CREDENTIAL_KEYWORDS, 'passphrase', ...PASSWORD_ABBREVIATIONS];
const ABBREVIATIONS = new Set(PASSWORD_ABBREVIATIONS);
const BLANKS = /\s+/;

/**
 * Languages whose bare values are literals, not references to other names: data files, and
 * docs, whose `password: …` lines show a value to type.
 */
const DATA_LANGUAGES = new Set([
  'yaml',
  'toml',
  'ini',
  'json',
  'xml',
  'dotenv',
  'properties',
  'markdown',
  'restructuredtext',
  'asciidoc',
]);

/** Returns the value that looks like a secret, with wordByWord its first such word, or null. */
function findSecretValue(
  assignment: Assignment,
  limits: SecretLimits,
  codeFile: boolean,
): string | null {
  // The default of `${DB_PASSWORD:-…}` is a literal, however the whole value was written.
  const fallback = readDefaultLiteral(assignment.value);
  if (fallback !== null) {
    const named = { ...assignment, value: fallback, bare: false };
    return looksSecret(named, limits, codeFile) ? fallback : null;
  }

  const values = assignment.wordByWord ? assignment.value.split(BLANKS) : [assignment.value];
  const secret = values.find((value) => looksSecret({ ...assignment, value }, limits, codeFile));
  return secret ?? null;
}

const keywordPatterns = new Map<string, RegExp>();

/**
 * Returns one case-insensitive global pattern of all keywords, compiled once per keyword list:
 * one pass of the regular expression engine costs less than one indexOf pass per keyword over
 * a lower-cased copy of the text. Where two keywords start at one offset, the longest wins, so
 * `password` is read whole rather than as its abbreviation `pass`.
 */
function compileKeywords(keywords: readonly string[]): RegExp {
  const key = keywords.join('\n');
  let pattern = keywordPatterns.get(key);
  if (pattern === undefined) {
    const escaped = keywords
      .filter((keyword) => keyword !== '')
      .sort((a, b) => b.length - a.length)
      .map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(escaped.length === 0 ? '(?!)' : escaped.join('|'), 'gi');
    keywordPatterns.set(key, pattern);
  }
  return pattern;
}

/** A secret found in the added text, and the words of its finding. */
interface FoundSecret {
  /** The start of the message: "Value of `DB_PASS`". */
  subject: string;
  value: string;
  /** The text shown before and after the masked value. */
  maskedBefore: string;
  maskedAfter: string;
  /** Offset in the added text, on the line of the finding. */
  at: number;
  /** Offsets of the value's text: the secret as written, or else all of the value read. */
  valueStart: number;
  valueEnd: number;
}

/**
 * Returns where `secret`, the value or one word of it, is written in `text`. A shell word
 * whose quotes the shell drops, or a decoded value, is not written as it reads, so the whole
 * text read for the value is given.
 */
function locateValue(text: string, assignment: Assignment, secret: string): [number, number] {
  const examined = text.slice(assignment.valueFrom, assignment.end);
  const at = examined.indexOf(secret);
  if (at === -1) return [assignment.valueFrom, assignment.end];
  return [assignment.valueFrom + at, assignment.valueFrom + at + secret.length];
}

function readLimits(options: RuleContext['options']): SecretLimits {
  return {
    minLength: readNumber(options, 'minLength', 10),
    minEntropy: readNumber(options, 'minEntropy', 3.5),
  };
}

/** Returns true for a match of an abbreviation such as `pass` inside a word (`bypass`). */
function isAbbreviationInWord(text: string, keyword: RegExpExecArray): boolean {
  const [word] = keyword;
  // Every abbreviation starts with `p`, which rules most keywords out before any lookup.
  if (word.charCodeAt(0) !== 112 && word.charCodeAt(0) !== 80) return false;
  if (!ABBREVIATIONS.has(word.toLowerCase())) return false;
  return !isNameWordAt(text, keyword.index, keyword.index + word.length);
}

/**
 * Returns true when the added lines from the name's to the value's follow each other in the
 * staged file too, so the value was not read from a later hunk.
 */
function isSameHunk(added: AddedText, nameAt: number, valueAt: number): boolean {
  let breaks = 0;
  for (let at = added.text.indexOf('\n', nameAt); at !== -1 && at < valueAt; breaks++) {
    at = added.text.indexOf('\n', at + 1);
  }
  return findLineNumber(added, valueAt) === findLineNumber(added, nameAt) + breaks;
}

/** A `value` attribute after the quoted value of a `key` attribute. */
const VALUE_ATTRIBUTE = /[ \t]{1,20}value[ \t]*=/y;

/**
 * Returns true for an attribute `key="DbPassword"` followed by `value="…"`, as in .NET's
 * `<add key="DbPassword" value="…" />`, whose value is a name to read in turn.
 */
function namesSettingAt(text: string, assignment: Assignment): boolean {
  if (assignment.name.toLowerCase() !== 'key' || assignment.bare) return false;
  VALUE_ATTRIBUTE.lastIndex = assignment.end;
  return VALUE_ATTRIBUTE.test(text);
}

/** Finds the values assigned to names with a keyword that look like secrets. */
function findNamedSecrets(
  added: AddedText,
  options: RuleContext['options'],
  codeFile: boolean,
  syntax: ValueSyntax | null,
): FoundSecret[] {
  const { text } = added;
  const keywords = compileKeywords(readStringList(options, 'keywords'));
  const limits = readLimits(options);

  const found: FoundSecret[] = [];
  keywords.lastIndex = 0;
  for (let keyword = keywords.exec(text); keyword !== null; keyword = keywords.exec(text)) {
    const at = keyword.index;
    const assignment = isAbbreviationInWord(text, keyword)
      ? null
      : readAssignment(text, at, keyword[0].length, syntax);
    const secret = assignment && findSecretValue(assignment, limits, codeFile);
    const below = assignment?.nextLine === true || assignment?.inBlock === true;
    if (assignment !== null && secret && (!below || isSameHunk(added, at, assignment.valueFrom))) {
      const { name } = assignment;
      const [valueStart, valueEnd] = locateValue(text, assignment, secret);
      const subject = `Value of \`${name}\``;
      const masked = { maskedBefore: `${name} = `, maskedAfter: '' };
      // A block scalar's value is reported on its key's line, where a comment can go, and a
      // block's attribute on its own line.
      const reportAt = assignment.inBlock === true ? valueStart : at;
      found.push({ subject, value: secret, ...masked, at: reportAt, valueStart, valueEnd });
    }
    // The next search starts past the text this step examined, so a line is read about once,
    // or in the value of `key="…"` when a `value` attribute sets the setting it names.
    const namesSetting = !secret && assignment !== null && namesSettingAt(text, assignment);
    const examined = namesSetting ? 0 : (assignment?.end ?? 0);
    keywords.lastIndex = Math.max(at + keyword[0].length, examined);
  }
  return found;
}

/** The name under which a value without a name is judged, as it is passed as a password. */
const ARGUMENT_NAME = 'password';

/** Finds passwords passed as arguments or after `IDENTIFIED BY` that look like secrets. */
function findArgumentSecrets(text: string, limits: SecretLimits, codeFile: boolean): FoundSecret[] {
  const found: FoundSecret[] = [];
  for (const argument of findCredentialArguments(text)) {
    const { value, start, subject, maskedBefore, maskedAfter } = argument;
    if (!looksSecret({ name: ARGUMENT_NAME, value, bare: false }, limits, codeFile)) continue;
    const valueEnd = start + value.length;
    found.push({
      subject,
      value,
      maskedBefore,
      maskedAfter,
      at: start,
      valueStart: start,
      valueEnd,
    });
  }
  return found;
}

/** Returns the secrets in offset order, each value once per line. */
function dropRepeats(added: AddedText, secrets: readonly FoundSecret[]): FoundSecret[] {
  const seen = new Set<string>();
  const unique: FoundSecret[] = [];
  for (const secret of [...secrets].sort((a, b) => a.at - b.at)) {
    const key = `${findLineNumber(added, secret.at)}\0${secret.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(secret);
  }
  return unique;
}

/**
 * Finds values with high entropy assigned to names that suggest a secret (`api_key = "…"`,
 * `password: …`) on added lines, for secrets that no provider rule matches, and passwords given
 * as arguments of calls that take a user and a password. Lockfiles and generated files are not
 * read.
 */
function checkGenericSecrets(
  file: FileChange,
  content: FileContent,
  context: RuleContext,
): Finding[] {
  if (file.category === 'lockfile' || file.category === 'generated') return [];

  // A file of no known language (`.env`, `.npmrc`) holds data, like YAML or TOML.
  const codeFile = file.language !== null && !DATA_LANGUAGES.has(file.language);
  // Names and values span a line break only in a YAML block scalar, which is read on, so the
  // joined added lines are searched in one pass.
  const added = readAddedText(file, content);
  const severity = severityInFile(file, context);
  const syntax = detectValueSyntax(file.path);
  const secrets = dropRepeats(added, [
    ...findNamedSecrets(added, context.options, codeFile, syntax),
    ...findArgumentSecrets(added.text, readLimits(context.options), codeFile),
  ]);

  return secrets.map((secret) => {
    const entropy = shannonEntropy(secret.value).toFixed(1);
    return createFinding(
      RULE,
      { ...context, severity },
      {
        path: file.path,
        line: findLineNumber(added, secret.at),
        range: rangeInAddedText(added, secret.valueStart, secret.valueEnd),
        message: `${secret.subject} looks like a secret (entropy ${entropy} bits per character)`,
        masked: `${secret.maskedBefore}${maskSecret(secret.value)}${secret.maskedAfter}`,
      },
    );
  });
}

export const genericSecretRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'high',
  description:
    'Finds random-looking values assigned to names such as `api_key`, `password` or `token` (keyword and entropy, as gitleaks does), and passwords passed as arguments of calls that take a user and a password.',
  defaultOptions: { keywords: KEYWORDS, minLength: 10, minEntropy: 3.5, testSeverity: 'medium' },
  check: checkGenericSecrets,
};
