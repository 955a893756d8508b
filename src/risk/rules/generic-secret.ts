import type { FileChange, FileContent } from '../../footprint/types.js';
import { findLineNumber, readAddedText } from '../added-lines.js';
import { shannonEntropy } from '../entropy.js';
import { createFinding } from '../finding.js';
import { maskSecret } from '../mask.js';
import { rangeInAddedText } from '../secret-range.js';
import { CREDENTIAL_KEYWORDS } from '../secrets/credential-keywords.js';
import { findTokenCandidates } from '../secrets/token-candidates.js';
import { isWordIdentifier } from '../secrets/word-identifier.js';
import {
  detectValueSyntax,
  findUnquotedValueEnd,
  readShellValue,
  type ValueSyntax,
} from '../secrets/unquoted-value.js';
import { readNumber, readStringList } from '../settings.js';
import { severityInFile } from '../test-severity.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'generic-secret',
  fix:
    'Read the value from the environment or a secret store instead of the file, and rotate it ' +
    'if it is a real credential.',
};

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
/** The operator of ASSIGNED_VALUE, before an unquoted value that findUnquotedValueEnd reads. */
const ASSIGNMENT_BEFORE_UNQUOTED = /["']?[ \t]{0,5}(?::=|=>|\?=|=|:)[ \t]{0,5}(?=[^"'`\s])/y;
/** Maximum characters of a value that the rule reads, as in ASSIGNED_VALUE. */
const MAX_VALUE = 200;
const BLANK = /\s/;
const BLANKS = /\s+/;
/**
 * A quoted name, a comma and a quoted value, as a call passes a setting:
 * `define('DB_PASSWORD', '…')`, `setenv("API_KEY", "…")`. Without quotes around the name, a
 * comma separates arguments that are not a name and its value.
 */
const ARGUMENT_VALUE = /["'][ \t]{0,5},[ \t]{0,5}(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})')/y;
/** The text of an XML element named like a secret: `<password>…</password>`. */
const ELEMENT_VALUE = />([^<\s]{1,200})<\//y;
/** A value after a space, where a command sets a named setting: `aws configure set NAME VALUE`. */
const COMMAND_VALUE =
  /[ \t]{1,5}(?:"([^"\s\\]{1,200})"|'([^'\s\\]{1,200})'|([A-Za-z0-9+/=_.~-]{1,200}))(?![^\s])/y;
/** A command whose next two words are a setting's name and its value. */
const SETTING_COMMAND = /\bconfigure[ \t]+set[ \t]+$/;

/**
 * The forms a value takes after a name. `applies` checks the text before the name, and
 * `bareGroup` is the capture group of a value written without quotes, if the form has one.
 */
interface ValueForm {
  pattern: RegExp;
  applies(text: string, nameStart: number): boolean;
  bareGroup?: number;
}

const QUOTES = new Set(['"', "'"]);

const VALUE_FORMS: readonly ValueForm[] = [
  { pattern: ASSIGNED_VALUE, applies: () => true, bareGroup: 4 },
  { pattern: ARGUMENT_VALUE, applies: (text, at) => QUOTES.has(text[at - 1] ?? '') },
  { pattern: ELEMENT_VALUE, applies: (text, at) => text[at - 1] === '<' },
  {
    pattern: COMMAND_VALUE,
    applies: (text, at) => SETTING_COMMAND.test(text.slice(Math.max(0, at - 40), at)),
    bareGroup: 3,
  },
];

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
/**
 * Names under which people choose a passphrase, whose words and number look like an
 * identifier (`correct-horse-battery-staple-42`).
 */
const PASSPHRASE_NAME = /pass|pwd|secret/i;
/** Amazon Resource Names, which name a secret (`arn:aws:secretsmanager:…`) rather than hold it. */
const ARN = /^arn:aws[\w-]*:/;
/** A bare value that is a name or a property path, such as `process.env.API_KEY`. */
const IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const HAS_DIGIT = /\d/;
/**
 * A dependency pinned to a commit: `github:atom/node-keytar#8c1e5b3…`, `git+https://…#v1.2`,
 * which a manifest names under a package whose name may contain `key` or `auth`.
 */
const PINNED_SOURCE =
  /^(?:github|gitlab|bitbucket|git(?:\+[a-z]+)?|https?|file|npm):[^\s#]+#[\w.-]+$/i;
/** Stripe publishable keys, which a web page sends to every browser and are not secret. */
const PUBLISHABLE_KEY = /^pk_(?:live|test)_[A-Za-z0-9]+$/;

interface Assignment {
  name: string;
  value: string;
  /** True when the value was written without quotes, as code or a bare config value. */
  bare: boolean;
  /** True when each blank-separated word of the value is judged on its own. */
  wordByWord?: boolean;
  /** Offset in the line at or before the value's text, past the name. */
  valueFrom: number;
  /** Offset in the line where the examined text ends. */
  end: number;
}

/**
 * Reads the value of a shell or Dockerfile assignment as the shell reads the word, quoted and
 * escaped parts joined. The value is a literal, because the shell refers to a variable only
 * with `$`. Blanks in it come from quotes or `\ `, so each word is judged, and prose passes.
 */
function readShellAssignment(
  text: string,
  nameStart: number,
  nameEnd: number,
): Omit<Assignment, 'name'> | null {
  const shell = readShellValue(text, nameStart, nameEnd, MAX_VALUE);
  if (shell === null || shell.value === '') return null;
  return {
    value: shell.value,
    bare: false,
    wordByWord: true,
    valueFrom: shell.start,
    end: shell.end,
  };
}

/**
 * Reads an unquoted value as the file's format defines it (`Tr0ub4dor&3` in YAML, `k9#Lm2` in a
 * .env file), or returns null where the format sets no end. Only the value's first word is
 * judged, because a value with spaces is prose or a passphrase, as in quotes.
 */
function readUnquotedValue(
  text: string,
  nameStart: number,
  nameEnd: number,
  syntax: ValueSyntax | null,
): Omit<Assignment, 'name'> | null {
  if (syntax === null) return null;
  if (syntax === 'shell') return readShellAssignment(text, nameStart, nameEnd);
  ASSIGNMENT_BEFORE_UNQUOTED.lastIndex = nameEnd;
  if (!ASSIGNMENT_BEFORE_UNQUOTED.test(text)) return null;

  const start = ASSIGNMENT_BEFORE_UNQUOTED.lastIndex;
  const end = findUnquotedValueEnd(text, nameStart, start, syntax, MAX_VALUE);
  if (end === null || end === start) return null;
  const line = text.slice(start, end);
  const blank = line.search(BLANK);
  const value = blank === -1 ? line : line.slice(0, blank);
  return { value, bare: true, valueFrom: start, end: start + value.length };
}

/** Reads the name around a keyword and the value assigned to it, or null. */
function readAssignment(
  text: string,
  keywordAt: number,
  keywordLength: number,
  syntax: ValueSyntax | null,
): Assignment | null {
  let start = keywordAt;
  while (start > 0 && keywordAt - start < MAX_NAME && isNameChar(text.charCodeAt(start - 1)))
    start--;
  let end = keywordAt + keywordLength;
  while (end < text.length && end - keywordAt < MAX_NAME && isNameChar(text.charCodeAt(end))) end++;

  const name = text.slice(start, end);
  const unquoted = readUnquotedValue(text, start, end, syntax);
  if (unquoted !== null) return { name, ...unquoted };

  for (const form of VALUE_FORMS) {
    if (!form.applies(text, start)) continue;
    form.pattern.lastIndex = end;
    const match = form.pattern.exec(text);
    if (!match) continue;

    const value = match.slice(1).find((group) => group !== undefined) ?? '';
    const bare = form.bareGroup !== undefined && match[form.bareGroup] !== undefined;
    return { name, value, bare, valueFrom: end, end: form.pattern.lastIndex };
  }
  return null;
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
  if (isWordIdentifier(value) && !PASSPHRASE_NAME.test(name)) return false;
  if (codeFile && IDENTIFIER_WORDS.test(value) && (value.match(DIGIT_RUNS)?.length ?? 0) <= 1) {
    return false;
  }
  // A provider token belongs to the provider-token rule, so skipping or allowing that rule covers it.
  if (findTokenCandidates(value, 1).length > 0) return false;
  if (PUBLISHABLE_KEY.test(value) || PINNED_SOURCE.test(value)) return false;
  if (codeFile && assignment.bare && IDENTIFIER_PATH.test(value)) return false;
  return hasSecretEntropy(value, minEntropy);
}

/** Returns the value that looks like a secret, with wordByWord its first such word, or null. */
function findSecretValue(
  assignment: Assignment,
  minLength: number,
  minEntropy: number,
  codeFile: boolean,
): string | null {
  const values = assignment.wordByWord ? assignment.value.split(BLANKS) : [assignment.value];
  const secret = values.find((value) =>
    looksSecret({ ...assignment, value }, minLength, minEntropy, codeFile),
  );
  return secret ?? null;
}

/**
 * How far below the largest possible entropy, log2 of the length, a short value may fall.
 * A random 10-character value with one repeated character has 3.12 bits per character, and
 * one of 11 characters with two repeated pairs 3.10, so both pass at 0.4 below the bound.
 */
const SHORT_VALUE_MARGIN = 0.4;
/** gitleaks' generic threshold, the default of `minEntropy`, for which the margin was set. */
const DEFAULT_MIN_ENTROPY = 3.5;
const DIGIT_RUN = /\d+/g;
const NAME_SEPARATOR = /[_-]/;
const LETTER = /[A-Za-z]/;
/** Version numbers (`1.2.3-beta.4`, `v10.2.1`), which have digits in several runs. */
const VERSION = /^v?\d+(?:\.\d+)+/i;
const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;
/** Characters other than letters, digits and the separators of names (`_`, `-`, `.`). */
const SYMBOL = /[^A-Za-z0-9_.-]/;

function mixesLettersAndDigits(value: string): boolean {
  const digitRuns = value.match(DIGIT_RUN)?.length ?? 0;
  if (digitRuns >= 3) return true;
  const mixedCase = LOWER.test(value) && UPPER.test(value.slice(1));
  return digitRuns === 2 && (mixedCase || SYMBOL.test(value));
}

/**
 * Returns true when a value's entropy is high enough to be a secret. A value of n characters
 * has at most log2(n) bits per character, so with the default minEntropy of 3.5 no value under
 * 12 characters could reach it. A value under 15 characters instead needs
 * (log2(n) − SHORT_VALUE_MARGIN) × minEntropy / 3.5, so raising minEntropy raises this bar
 * too. It must also mix letters and digits as generated passwords do: three runs of digits
 * (`9f8a7b6c5d`), or two with a symbol or an upper-case letter past the first character
 * (`Tr0ub4dor&3`, `Pq8z4mX2vL`). Names with a number (`oauth2-pkce`, `Bearer2-v10`) and
 * versions (`1.2.3-beta.4`) do not.
 */
function hasSecretEntropy(value: string, minEntropy: number): boolean {
  const entropy = shannonEntropy(value);
  if (entropy >= minEntropy) return true;

  const reachable = Math.log2(value.length) - SHORT_VALUE_MARGIN;
  if (reachable >= DEFAULT_MIN_ENTROPY) return false;
  if (!LETTER.test(value) || VERSION.test(value)) return false;
  // Short values joined by `_` or `-` are names and modes (`col3_desc2_x9`, `mode2-v3-x4`).
  if (NAME_SEPARATOR.test(value)) return false;
  if (!mixesLettersAndDigits(value)) return false;
  return entropy >= (reachable * minEntropy) / DEFAULT_MIN_ENTROPY;
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
  /** Offsets of the value's text: the secret word as written, or else the whole shell word. */
  valueStart: number;
  valueEnd: number;
}

/**
 * Returns where `secret`, the value or one word of it, is written in `text`. A shell word
 * whose quotes the shell drops is not written as its value reads, so its whole text is given.
 */
function locateValue(text: string, assignment: Assignment, secret: string): [number, number] {
  const examined = text.slice(assignment.valueFrom, assignment.end);
  const at = examined.indexOf(secret);
  if (at === -1) return [assignment.valueFrom, assignment.end];
  return [assignment.valueFrom + at, assignment.valueFrom + at + secret.length];
}

function findSecrets(
  text: string,
  options: RuleContext['options'],
  codeFile: boolean,
  syntax: ValueSyntax | null,
): FoundSecret[] {
  const keywords = compileKeywords(readStringList(options, 'keywords'));
  const minLength = readNumber(options, 'minLength', 10);
  const minEntropy = readNumber(options, 'minEntropy', 3.5);

  const found: FoundSecret[] = [];
  keywords.lastIndex = 0;
  for (let keyword = keywords.exec(text); keyword !== null; keyword = keywords.exec(text)) {
    const at = keyword.index;
    const assignment = readAssignment(text, at, keyword[0].length, syntax);
    const secret = assignment && findSecretValue(assignment, minLength, minEntropy, codeFile);
    if (assignment !== null && secret) {
      const [valueStart, valueEnd] = locateValue(text, assignment, secret);
      found.push({ ...assignment, value: secret, at, valueStart, valueEnd });
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
  const syntax = detectValueSyntax(file.path);
  for (const secret of findSecrets(added.text, context.options, codeFile, syntax)) {
    const entropy = shannonEntropy(secret.value).toFixed(1);
    findings.push(
      createFinding(
        RULE,
        { ...context, severity },
        {
          path: file.path,
          line: findLineNumber(added, secret.at),
          range: rangeInAddedText(added, secret.valueStart, secret.valueEnd),
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
  defaultOptions: {
    keywords: [...CREDENTIAL_KEYWORDS],
    minLength: 10,
    minEntropy: 3.5,
    testSeverity: 'medium',
  },
  check: checkGenericSecrets,
};
