import { findJwts } from '../rules/jwt.js';
import { describeTokenMatch } from '../rules/provider-token.js';
import { findUrlCredentials } from '../rules/url-credentials.js';
import { findNameSecrets } from '../secrets/name-secrets.js';

/** Kind of secret in a Secret's data value, for the finding's message and severity. */
export interface SecretValueKind {
  /** Names the secret, such as `GitHub token` or `Secret value`. */
  name: string;
  /** True for a provider token or private key, which the rules for them report as critical. */
  critical: boolean;
}

/**
 * Maximum length, in base64 characters, of a value that is decoded and read. A Secret holds up
 * to 1 MiB, and a longer value (a keystore, a bundle) is still reported, without being read.
 */
const MAX_DECODED_VALUE_CHARS = 64 * 1024;

/** Standard base64, as Kubernetes reads Secret data, once whitespace is removed. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const PRIVATE_KEY =
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----|PuTTY-User-Key-File-\d|^openssh-key-v1\0/;
const PUBLIC_PEM = /-----BEGIN (?:CERTIFICATE|PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST)-----/;

/** Keys whose data Kubernetes defines as a registry's login (`kubernetes.io/dockerconfigjson`). */
const REGISTRY_KEYS = new Set(['.dockerconfigjson', '.dockercfg']);

/** Last words of keys that name settings rather than secrets (`DB_HOST`, `username`). */
const PUBLIC_KEY_WORDS = new Set([
  'user',
  'username',
  'login',
  'host',
  'hostname',
  'port',
  'database',
  'db',
  'dbname',
  'name',
  'namespace',
  'region',
  'email',
  'endpoint',
  'url',
  'uri',
  'server',
  'bucket',
]);

/** Decoded values that stand for a secret rather than being one. */
const PLACEHOLDER =
  /^(?:x+|\*+|changeme|change-me|replaceme|replace-me|todo|dummy|example|placeholder|password|secret|redacted|<[^>]*>|\$\{[^}]*\})$/i;

/**
 * Returns the bytes of a data value as text, '' for an empty one, null for one that is not
 * base64 (a template such as `{{ .Values.x }}`), and undefined for one too long to decode.
 */
export function decodeDataValue(value: string): string | null | undefined {
  const compact = value.replace(/\s+/g, '');
  if (!BASE64.test(compact)) return null;
  if (compact.length > MAX_DECODED_VALUE_CHARS) return undefined;
  return Buffer.from(compact, 'base64').toString('latin1');
}

/** Returns the words of a key in lower case: `DB_HOST`, `dbHost` and `db.host` give db, host. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Names the specific secret that decoded text contains, or returns null when no rule recognizes one. */
function recognizeSecret(key: string, text: string): SecretValueKind | null {
  if (PRIVATE_KEY.test(text)) return { name: 'Private key', critical: true };
  const [token] = findNameSecrets(text);
  if (token !== undefined) return { name: describeTokenMatch(token), critical: true };
  const [credential] = findUrlCredentials(text);
  if (credential !== undefined) {
    return { name: `Password in a ${credential.scheme} URL`, critical: false };
  }
  if (findJwts(text).length > 0) return { name: 'Signed JSON Web Token', critical: false };
  if (REGISTRY_KEYS.has(key) || /"auths"\s*:/.test(text)) {
    return { name: 'Registry credentials', critical: false };
  }
  return null;
}

/**
 * Returns what a Secret's data value contains, or null for a value that is no secret: empty, not
 * base64, a placeholder, a certificate or public key alone, or a setting such as a host or user
 * name. A value no rule recognizes is still a `Secret value`, as a Secret's data is secret by
 * intent and its base64 decodes with one command. The decoded text is never returned.
 */
export function classifyDataValue(key: string, value: string): SecretValueKind | null {
  const text = decodeDataValue(value);
  if (text === null || text?.trim() === '') return null;
  if (text === undefined) return { name: 'Secret value', critical: false };

  const recognized = recognizeSecret(key, text);
  if (recognized !== null) return recognized;
  if (PLACEHOLDER.test(text.trim()) || PUBLIC_PEM.test(text)) return null;
  if (PUBLIC_KEY_WORDS.has(keyWords(key).at(-1) ?? '')) return null;
  return { name: 'Secret value', critical: false };
}
