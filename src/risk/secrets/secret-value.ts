import { shannonEntropy } from '../entropy.js';
import { hasPasswordAbbreviation, isNameWordAt } from './password-name.js';
import { findTokenCandidates } from './token-candidates.js';
import { isWordIdentifier } from './word-identifier.js';

/** A value and the name it is assigned to, as the generic-secret rule judges them. */
export interface NamedValue {
  name: string;
  value: string;
  /** True when the value was written without quotes, as code or a bare config value. */
  bare: boolean;
}

/** The thresholds of the generic-secret rule's `minLength` and `minEntropy` options. */
export interface SecretLimits {
  minLength: number;
  minEntropy: number;
}

/** Name parts that contain a keyword but name no secret. */
const NOT_SECRET_NAMES =
  /author(?!i[sz]ation)|monkey|keyboard|keyframe|keyword|keycode|keypress|keydown|keyup|tokeniz|primary_?key|foreign_?key|public_?key|key_?(?:id|name|path|file|length|size|type|prefix)$|(?:^|_)api_?(?:version|url|base|host|path|endpoint)|(?:secret|token|credentials?|password)_?(?:name|label|arn|ref)$/i;

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

/** A UUID in the 8-4-4-4-12 hex form of RFC 9562, of any version. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A digest tagged with its algorithm, as container image digests and content hashes are
 * written: `sha256:3b7e0f0c…`, `md5:…`. Base64 digests with `-` (`sha512-…`) are subresource
 * integrity values, which NOT_SECRET_VALUE covers.
 */
const TAGGED_DIGEST =
  /^(?:sha(?:1|224|256|384|512)|sha3-(?:224|256|384|512)|md5|blake2[bs]|blake3)[:=][0-9a-f]{8,128}$/i;
/**
 * An HTTP header name: words that start with a capital letter joined by `-`, and at most one
 * short number at the end (`X-Hub-Signature-256`, `X-Shopify-Hmac-Sha256`). A date in it
 * (`Release-Notes-2024-01-15`) makes no header name.
 */
const HEADER_NAME = /^[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z0-9]*)*(?:-\d{1,3})?$/;
/**
 * Credential words of a name besides `key`, under which a UUID may be the secret itself, as
 * Heroku's API keys are: `apiKey`, `accessToken`, `clientSecret`, `dbPassword`.
 */
const CREDENTIAL_WORD = /pass|pwd|secret|token|cred|auth|api|access|private/i;
/** A name's last word when it names a password (`password`, `passphrase`, `DB_PASS`, `pw`). */
const PASSWORD_LAST_WORD = /(?:pass(?:word|wd|phrase)?|pwd|pw)$/i;

function namesPassword(name: string): boolean {
  const last = PASSWORD_LAST_WORD.exec(name);
  return last !== null && isNameWordAt(name, last.index, name.length);
}

/**
 * Returns true when a value has the shape of an identifier or a digest rather than a secret.
 * A tagged digest is one under any name. A UUID is one under a name whose only credential word
 * is `key` (`idempotencyKey`, `partitionKey`), and a header name is one under a name that names
 * no password. The shape decides, not the name, so a random value under `idempotencyKey` is
 * still judged.
 */
function hasIdentifierShape(name: string, value: string): boolean {
  if (TAGGED_DIGEST.test(value)) return true;
  if (UUID.test(value)) return !CREDENTIAL_WORD.test(name) && !hasPasswordAbbreviation(name);
  const header = value.includes('-') && HEADER_NAME.test(value);
  if (header && isWordIdentifier(value.toLowerCase())) {
    return !namesPassword(name);
  }
  return false;
}

/**
 * Returns true when `value`, assigned to `name`, looks like a secret: long enough, with a
 * digit and enough entropy, and none of the values that are references, identifiers, paths,
 * digests or public keys. `codeFile` is true for source code, where bare words are names.
 */
export function looksSecret(
  assignment: NamedValue,
  limits: SecretLimits,
  codeFile: boolean,
): boolean {
  const { name, value } = assignment;
  // The cheap tests come first: most values in code are names without a digit.
  if (value.length < limits.minLength || !HAS_DIGIT.test(value)) return false;
  if (NOT_SECRET_NAMES.test(name) || NOT_SECRET_VALUE.test(value)) return false;
  if (STORE_PATH.test(value) || ARN.test(value)) return false;
  if (isWordIdentifier(value) && !PASSPHRASE_NAME.test(name)) return false;
  if (codeFile && IDENTIFIER_WORDS.test(value) && (value.match(DIGIT_RUNS)?.length ?? 0) <= 1) {
    return false;
  }
  if (hasIdentifierShape(name, value)) return false;
  // A provider token belongs to the provider-token rule, so skipping or allowing that rule covers it.
  if (findTokenCandidates(value, 1).length > 0) return false;
  if (PUBLISHABLE_KEY.test(value) || PINNED_SOURCE.test(value)) return false;
  if (codeFile && assignment.bare && IDENTIFIER_PATH.test(value)) return false;
  return hasSecretEntropy(value, limits.minEntropy);
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
