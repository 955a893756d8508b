/**
 * Words that mark a name as holding a credential, matched in lower case anywhere inside it:
 * gitleaks' generic-api-key keywords (v8). The generic-secret rule looks for values under these
 * names by default, and the insights redactor redacts values under them, so both read one list.
 */
export const CREDENTIAL_KEYWORDS: readonly string[] = [
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
