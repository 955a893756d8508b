/** Stars that stand for every hidden value, whatever its length, so the mask leaks no length. */
const MASK = '********';

/**
 * Fixed prefixes that providers publish for their token formats. Each names the kind of token
 * a value is and is the same in every token of that kind, so showing it reveals no secret
 * character. Longer prefixes come first, so the most specific one is shown.
 */
const PUBLIC_PREFIXES: readonly string[] = [
  'github_pat_',
  'sk-ant-api03-',
  'sk-ant-admin01-',
  'sk-svcacct-',
  'sk-admin-',
  'sk-proj-',
  'sk_live_',
  'rk_live_',
  'sk_test_',
  'rk_test_',
  'lin_api_',
  'glpat-',
  'glrt-',
  'gldt-',
  'glft-',
  'glcbt-',
  'glimt-',
  'glsoat-',
  'glagent-',
  'glptt-',
  'pypi-',
  'sbp_',
  'dapi',
  'hf_',
  'dop_v1_',
  'doo_v1_',
  'dor_v1_',
  'AIza',
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'npm_',
  'xoxb-',
  'xoxp-',
  'xoxa-',
  'xoxo-',
  'xoxr-',
  'xapp-',
  'shppa_',
  'shpca_',
  'shpat_',
  'shpss_',
  'ops_',
  'AKIA',
  'ASIA',
  'ABIA',
  'ACCA',
  'SG.',
  // Every JWT starts with base64url of `{"`, the start of its JSON header.
  'eyJ',
];

/** Returns the provider prefix a value starts with, or '' when it has none. */
export function findPublicPrefix(value: string): string {
  return PUBLIC_PREFIXES.find((prefix) => value.startsWith(prefix)) ?? '';
}

/**
 * Masks a secret for display: a provider's fixed public prefix (`ghp_`, `xoxb-`, `AKIA`) stays,
 * so the reader knows what leaked, and the rest becomes a fixed run of stars. No character
 * after the prefix is kept, and the number of stars does not depend on the value's length.
 */
export function maskSecret(value: string): string {
  return `${findPublicPrefix(value)}${MASK}`;
}

/** Shortens a value that is not secret, such as a custom rule's match, for display. */
export function shortenForDisplay(value: string, maxLength = 80): string {
  return value.length <= maxLength ? value : `${value.slice(0, maxLength - 1)}…`;
}
