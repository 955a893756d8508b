/**
 * Secrets for tests, assembled from parts at run time so that no test file contains one that
 * this repository's own hook (or any scanner) would flag.
 */
const DASHES = '-----';

export function pemBegin(label = 'RSA PRIVATE KEY'): string {
  return `${DASHES}BEGIN ${label}${DASHES}`;
}

export function pemEnd(label = 'RSA PRIVATE KEY'): string {
  return `${DASHES}END ${label}${DASHES}`;
}

/** A PEM block with base64 material, as a real key file has. */
export function fakePemKey(label = 'RSA PRIVATE KEY'): string[] {
  const material = ['MIIBOgIBAAJBAKj34GkxFhD90vcN', 'LYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu'].join(
    '',
  );
  return [pemBegin(label), material, pemEnd(label)];
}

/** A classic GitHub personal access token shape: `ghp_` and 36 characters. */
export function fakeGithubToken(): string {
  return ['gh', 'p_', 'A1b2C3d4E5f6G7h8I9j0', 'K1l2M3n4O5p6Q7r8'].join('');
}

/** A Slack bot token shape. */
export function fakeSlackToken(): string {
  return ['xo', 'xb-', '1234567890', '-', '0987654321', '-', 'AbCdEfGhIjKlMnOpQrStUvWx'].join('');
}

/** A high-entropy value with digits, as a generic API key looks. */
export function fakeGenericValue(): string {
  return ['a8F3kd92', 'LmQ0zX7vB1nC'].join('');
}

/** A password in a database URL. */
export function fakeDatabaseUrl(): string {
  return ['postgres://app', ':', 'S3cr3tPassw0rd', '@db.internal:5432/app'].join('');
}

/** Returns an AWS access key id shape: `AKIA` and 16 upper-case letters and digits. */
export function fakeAwsAccessKeyId(): string {
  return ['AK', 'IA', 'Q7W2R9T4', 'Y6U1P3Z8'].join('');
}

/** Returns a Stripe live secret key shape: `sk_live_` and 24 or more letters and digits. */
export function fakeStripeLiveKey(prefix: 'sk' | 'rk' = 'sk'): string {
  return [prefix, '_li', 've_', '4eC39HqLyjWDarjtT1zdp7dc', 'Qx81'].join('');
}

/** Returns a signed JWT: base64url header with `alg`, payload and signature, joined by dots. */
export function fakeJwt(header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (value: unknown): string =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = { sub: '1234567890', name: 'Jane Doe', iat: 1_516_239_022 };
  return [encode(header), encode(payload), 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.');
}

/** Returns a 20-character URL password, to check that a mask keeps none of its characters. */
export function fakeLongPassword(): string {
  return ['Y9u0', 'Kq2Lp7Vw3', 'Mx81Zr5T'].join('');
}

/** Returns an Anthropic API key shape: `sk-ant-api03-` and 95 letters, digits, `-` and `_`. */
export function fakeAnthropicKey(): string {
  return [
    'sk-ant-',
    'api03-',
    'Zq8Xw7Vu6Ts5Rq4Po3Nm2Lk1Jh0GfEdCbA9'.repeat(2),
    'Ab3dE5fG7hI9jK1lM3n',
    '-xAA',
  ].join('');
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = `${LETTERS}0123456789`;
const BASE64URL = `${ALPHANUMERIC}-_`;
const HEX = '0123456789abcdef';

/** Returns `length` characters of `alphabet`, the same for the same seed, as a token body. */
export function pseudoRandomBody(alphabet: string, length: number, seed: number): string {
  // xorshift32, which stays within 32-bit integers.
  let state = seed;
  let body = '';
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    body += alphabet[state % alphabet.length] ?? 'A';
  }
  return body;
}

/** Returns a PyPI upload token shape: `pypi-`, the macaroon start for pypi.org, base64url. */
export function fakePypiToken(): string {
  return ['py', 'pi-', 'AgEIcHlwaS5vcmc', pseudoRandomBody(BASE64URL, 150, 11)].join('');
}

/** Returns a Hugging Face user access token shape: `hf_` and 34 letters. */
export function fakeHuggingFaceToken(): string {
  return ['h', 'f_', pseudoRandomBody(LETTERS, 34, 12)].join('');
}

/** Returns an Anthropic Admin API key shape: `sk-ant-admin01-`, 93 characters and `AA`. */
export function fakeAnthropicAdminKey(): string {
  return ['sk-ant-', 'admin01-', pseudoRandomBody(BASE64URL, 93, 13), 'AA'].join('');
}

/** Returns a Supabase personal access token shape: `sbp_` and 40 hex digits. */
export function fakeSupabaseToken(): string {
  return ['sb', 'p_', pseudoRandomBody(HEX, 40, 14)].join('');
}

/** Returns a Databricks personal access token shape: `dapi` and 32 hex digits. */
export function fakeDatabricksToken(): string {
  return ['da', 'pi', pseudoRandomBody(HEX, 32, 15)].join('');
}

/** Returns an OpenAI key shape of a project, service account or admin key. */
export function fakeOpenAiKey(kind: 'proj' | 'svcacct' | 'admin'): string {
  const half = (seed: number): string => pseudoRandomBody(ALPHANUMERIC, 74, seed);
  return ['sk', `-${kind}-`, half(16), 'T3Blbk', 'FJ', half(17)].join('');
}
