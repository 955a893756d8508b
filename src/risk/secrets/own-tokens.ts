/**
 * Token formats that secretlint's recommended preset (11.7.1) has no rule for, and tokens
 * that its patterns miss, matched by footprint on the same windows the preset reads. Each
 * pattern is bounded and anchored on a literal prefix, so a window costs linear time.
 */

/** One token footprint's own patterns found: which pattern, and the range in the text. */
export interface OwnTokenReport {
  ruleId: string;
  messageId: string;
  range: readonly [number, number];
}

interface OwnTokenPattern {
  messageId: string;
  pattern: RegExp;
}

const OWN_TOKEN_PATTERNS: readonly OwnTokenPattern[] = [
  {
    // Stripe live secret keys (`sk_live_`) and restricted keys (`rk_live_`); test-mode keys
    // (`sk_test_`) move no money and are left out.
    messageId: 'STRIPE_LIVE_KEY',
    pattern: /(?<![A-Za-z0-9_])[rs]k_live_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/g,
  },
  {
    // GitLab personal access tokens: `glpat-` and 20 characters, or in the routable format of
    // GitLab 17.x a longer body followed by `.` and a version and checksum part.
    messageId: 'GITLAB_TOKEN',
    pattern:
      /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?(?![A-Za-z0-9_-])/g,
  },
  {
    // GitLab's other tokens: runner (`glrt-`), deploy (`gldt-`), feed (`glft-`), CI job
    // (`glcbt-`), incoming mail (`glimt-`), SCIM (`glsoat-`) and agent (`glagent-`) tokens with
    // 20 characters or more, and pipeline trigger tokens (`glptt-`) with 40 hex digits.
    messageId: 'GITLAB_OTHER_TOKEN',
    pattern:
      /(?<![A-Za-z0-9_-])(?:gl(?:rt|dt|ft|cbt|imt|soat|agent)-[A-Za-z0-9_-]{20,300}|glptt-[0-9a-f]{40})(?![A-Za-z0-9_-])/g,
  },
  {
    // Google API keys: `AIza` and 35 characters of base64url.
    messageId: 'GOOGLE_API_KEY',
    pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
  },
  {
    // DigitalOcean personal access, OAuth and refresh tokens: a prefix and 64 hex digits.
    messageId: 'DIGITALOCEAN_TOKEN',
    pattern: /(?<![A-Za-z0-9_])do[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/g,
  },
  {
    // PyPI API tokens: `pypi-` and a base64url macaroon, which starts with its location encoded,
    // `pypi.org` or `test.pypi.org`, and has at least 50 more characters here.
    messageId: 'PYPI_TOKEN',
    pattern:
      /(?<![A-Za-z0-9_-])pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1500}(?![A-Za-z0-9_-])/g,
  },
  {
    // Hugging Face user access tokens: `hf_` and 34 letters (digits are accepted too). A body of
    // one case only, as in an identifier such as `hf_` and a lower-case name, is left out.
    messageId: 'HUGGINGFACE_TOKEN',
    pattern:
      /(?<![A-Za-z0-9_])hf_(?=[a-z0-9]{0,33}[A-Z])(?=[A-Z0-9]{0,33}[a-z])[A-Za-z0-9]{34}(?![A-Za-z0-9_])/g,
  },
  {
    // Anthropic Admin API keys: `sk-ant-admin01-`, base64url, and `AA` at the end.
    messageId: 'ANTHROPIC_ADMIN_KEY',
    pattern: /(?<![A-Za-z0-9_-])sk-ant-admin0\d-[A-Za-z0-9_-]{80,128}AA(?![A-Za-z0-9_-])/g,
  },
  {
    // Supabase personal access tokens: `sbp_` and 40 hex digits.
    messageId: 'SUPABASE_TOKEN',
    pattern: /(?<![A-Za-z0-9_])sbp_[a-f0-9]{40}(?![A-Za-z0-9_])/g,
  },
  {
    // Databricks personal access tokens: `dapi` and 32 hex digits, on Azure with `-` and a
    // digit after them.
    messageId: 'DATABRICKS_TOKEN',
    pattern: /(?<![A-Za-z0-9_])dapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9_])/g,
  },
  {
    // Slack tokens right after an underscore (`cfg_xoxb-…`), which the preset's pattern misses
    // because it starts with `\b` and `_` is a word character. To keep identifiers such as
    // `ui_xapp-header` out, the token must also contain a run of 6 digits, as the numeric team
    // and user ids in real Slack tokens do.
    messageId: 'SLACK_TOKEN',
    pattern:
      /(?<=_)(?:xoxb|xoxp|xapp|xoxa|xoxo|xoxr)-(?=[A-Za-z0-9-]{0,400}?[0-9]{6})(?:[0-9]-)?(?:[A-Za-z0-9]{1,40}-)+[A-Za-z0-9]{1,40}(?![A-Za-z0-9])/g,
  },
  {
    // AWS access key ids right after an underscore (`key_AKIA…`), missed for the same reason.
    // AWS's documented example id, which ends in `EXAMPLE`, is left out as the preset leaves it.
    messageId: 'AWSAccessKeyID',
    pattern: /(?<=_)(?:AKIA|ASIA|A3T[A-Z0-9])(?![A-Z0-9]{9}EXAMPLE)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  },
];

export const OWN_TOKEN_RULE_ID = 'footprint/provider-token';

/** Returns the ranges of the tokens that footprint's own patterns find in `text`. */
export function findOwnTokens(text: string): OwnTokenReport[] {
  const reports: OwnTokenReport[] = [];
  for (const { messageId, pattern } of OWN_TOKEN_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      reports.push({
        ruleId: OWN_TOKEN_RULE_ID,
        messageId,
        range: [start, start + match[0].length],
      });
    }
  }
  return reports;
}
