/**
 * Cheap search for places where a rule of secretlint's recommended preset (11.x) could match,
 * as gitleaks does with rule keywords: each keyword is a literal the rule's pattern requires,
 * and `shape`, when given, checks the characters after it so that common words do not count.
 * Only a line with a candidate is handed to secretlint, which decides.
 */
interface TokenKeyword {
  keyword: string;
  /** Sticky pattern tried where the keyword starts. */
  shape?: RegExp;
}

const GITHUB_CLASSIC = /gh[pousr]_[A-Za-z0-9_]{36}/y;
const SLACK = /x(?:ox[bpaor]|app)-[A-Za-z0-9]/y;
const SHOPIFY = /shp(?:pa|ca|at|ss)_[a-zA-Z0-9]{32}/y;
/**
 * `SECRET_ACCESS_KEY` in the three spellings the AWS rule accepts, from the `ecret`/`ECRET` in
 * it, assigned a 40-character value, as the rule requires: a variable name alone
 * (`process.env.AWS_SECRET_ACCESS_KEY`) is no candidate. The spaces are bounded by the window
 * secretlint reads after a candidate.
 */
const AWS_SECRET =
  /(?:ecret|ECRET)_?(?:ACCESS|access|Access)_?(?:KEY|key|Key)["']?\s{0,1600}(?::|=>|=)\s{0,1600}["']?[A-Za-z0-9/+=]{40}/y;

/** The preset's AWS access key id pattern (11.7.1) for the prefixes gitleaks reports. */
const AWS_ACCESS_KEY_ID = /(?:A3T[A-Z0-9]|AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9_])/y;
const STRIPE_LIVE_KEY = /[rs]k_live_[A-Za-z0-9]{24}/y;

export const TOKEN_KEYWORDS: readonly TokenKeyword[] = [
  { keyword: 'ecret', shape: AWS_SECRET },
  { keyword: 'ECRET', shape: AWS_SECRET },
  ...['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'].map((keyword) => ({
    keyword,
    shape: GITHUB_CLASSIC,
  })),
  { keyword: 'github_pat_', shape: /github_pat_[A-Za-z0-9_]{82}/y },
  { keyword: 'npm_', shape: /npm_[A-Za-z0-9_]{36}/y },
  // The npm rule skips a value that starts with `$`, such as `_authToken=${NPM_TOKEN}`.
  { keyword: '_authToken=', shape: /_authToken=[^$]/y },
  { keyword: ':x-oauth-basic@github.com' },
  ...['xoxb-', 'xoxp-', 'xapp-', 'xoxa-', 'xoxo-', 'xoxr-'].map((keyword) => ({
    keyword,
    shape: SLACK,
  })),
  {
    keyword: 'hooks.slack.com/services/',
    shape: /hooks\.slack\.com\/services\/T[a-z0-9]{1,40}\/B[a-z0-9]{1,40}\/[a-z0-9]/iy,
  },
  // OpenAI keys contain `T3BlbkFJ`, base64 of "OpenAI".
  { keyword: 'T3BlbkFJ' },
  { keyword: 'sk-ant-api0', shape: /sk-ant-api0\d-[A-Za-z0-9_-]{90}/y },
  { keyword: 'lin_api_', shape: /lin_api_[a-zA-Z0-9_]{32}/y },
  { keyword: 'SG.', shape: /SG\.[\w-]{8,128}\.[\w-]{8}/y },
  ...['shppa_', 'shpca_', 'shpat_', 'shpss_'].map((keyword) => ({ keyword, shape: SHOPIFY })),
  { keyword: 'ops_ey', shape: /ops_ey[A-Za-z0-9+/=]{100}/y },
  // AWS access key ids, which the preset's AWS rule reports only with `enableIDScanRule`.
  ...['AKIA', 'ASIA', 'A3T'].map((keyword) => ({ keyword, shape: AWS_ACCESS_KEY_ID })),
  // Stripe live secret and restricted keys, which footprint matches itself (see own-tokens.ts).
  ...['sk_live_', 'rk_live_'].map((keyword) => ({ keyword, shape: STRIPE_LIVE_KEY })),
  // GitLab, Google and DigitalOcean tokens, which footprint also matches itself.
  { keyword: 'glpat-', shape: /glpat-[A-Za-z0-9_-]{20}/y },
  ...['glrt-', 'gldt-', 'glft-', 'glcbt-', 'glimt-', 'glsoat-', 'glagent-'].map((keyword) => ({
    keyword,
    shape: /gl[a-z]{2,5}-[A-Za-z0-9_-]{20}/y,
  })),
  { keyword: 'glptt-', shape: /glptt-[0-9a-f]{40}/y },
  { keyword: 'AIza', shape: /AIza[A-Za-z0-9_-]{35}/y },
  ...['dop_v1_', 'doo_v1_', 'dor_v1_'].map((keyword) => ({
    keyword,
    shape: /do[por]_v1_[a-f0-9]{64}/y,
  })),
  // PyPI, Hugging Face, Anthropic admin, Supabase and Databricks tokens, which footprint also
  // matches itself.
  { keyword: 'pypi-AgE', shape: /pypi-AgE[A-Za-z0-9_-]{60}/y },
  { keyword: 'hf_', shape: /hf_[A-Za-z0-9]{34}(?![A-Za-z0-9_])/y },
  { keyword: 'sk-ant-admin0', shape: /sk-ant-admin0\d-[A-Za-z0-9_-]{80}/y },
  { keyword: 'sbp_', shape: /sbp_[a-f0-9]{40}/y },
  { keyword: 'dapi', shape: /dapi[a-f0-9]{32}/y },
];

/** Characters kept before and after a candidate, more than the longest token the preset matches. */
const WINDOW_BEFORE = 320;
const WINDOW_AFTER = 1600;

/** A slice of one line that secretlint reads. */
export interface TokenWindow {
  line: number;
  /** Offset of the slice in its line. */
  column: number;
  text: string;
}

const SHAPES = new Map(TOKEN_KEYWORDS.map(({ keyword, shape }) => [keyword, shape]));

/**
 * Every keyword in one alternation. One pass of V8's regular expression engine over a text is
 * several times faster than one indexOf pass per keyword, and no keyword is a prefix of another,
 * so the alternative that matches names the keyword.
 */
const KEYWORD_PATTERN = new RegExp(
  TOKEN_KEYWORDS.map(({ keyword }) => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'g',
);

/**
 * Returns the offsets, in increasing order, where a keyword occurs with its shape, at most
 * `limit` of them. The search resumes one character after each keyword, so keywords that
 * overlap are all found.
 */
export function findTokenCandidates(text: string, limit: number): number[] {
  const found: number[] = [];
  KEYWORD_PATTERN.lastIndex = 0;
  for (let match = KEYWORD_PATTERN.exec(text); match !== null; match = KEYWORD_PATTERN.exec(text)) {
    const at = match.index;
    KEYWORD_PATTERN.lastIndex = at + 1;
    const shape = SHAPES.get(match[0]);
    if (shape !== undefined) {
      shape.lastIndex = at;
      if (!shape.test(text)) continue;
    }
    found.push(at);
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * Cuts the parts of a line around its candidates, merging overlapping ones, so that secretlint
 * reads a bounded amount of text even from a minified line of several megabytes.
 */
export function cutTokenWindows(text: string, line: number, candidates: number[]): TokenWindow[] {
  const windows: TokenWindow[] = [];
  let current: { start: number; end: number } | null = null;
  for (const at of [...candidates].sort((a, b) => a - b)) {
    const start = Math.max(0, at - WINDOW_BEFORE);
    const end = Math.min(text.length, at + WINDOW_AFTER);
    if (current !== null && start <= current.end) {
      current.end = Math.max(current.end, end);
      continue;
    }
    if (current !== null) windows.push(sliceWindow(text, line, current));
    current = { start, end };
  }
  if (current !== null) windows.push(sliceWindow(text, line, current));
  return windows;
}

/**
 * Token starts distinctive enough to count right after a letter, digit, `_` or `-`, for binary
 * files, which store strings back to back (SQLite rows, Go's read-only data). Short or common
 * starts (`npm_`, `hf_`, `dapi`, `sk_live_`) are left out, since words in identifiers end so.
 */
const GLUED_TOKEN_START =
  /(?:gh[pousr]_|github_pat_|glpat-|sk-ant-(?:api|admin)0\d-|xox[bpaor]-\d|xapp-\d-|AKIA|ASIA|pypi-AgE)/y;
const WORD_BEFORE = /[A-Za-z0-9_-]/;

/** Returns true when a distinctive token start at `at` follows a letter, digit, `_` or `-`. */
export function isGluedTokenStart(text: string, at: number): boolean {
  if (at === 0 || !WORD_BEFORE.test(text[at - 1] ?? '')) return false;
  GLUED_TOKEN_START.lastIndex = at;
  return GLUED_TOKEN_START.test(text);
}

/** Cuts the part of a line that starts at a candidate, so the token starts the window. */
export function cutWindowAt(text: string, line: number, at: number): TokenWindow {
  return sliceWindow(text, line, { start: at, end: Math.min(text.length, at + WINDOW_AFTER) });
}

function sliceWindow(
  text: string,
  line: number,
  range: { start: number; end: number },
): TokenWindow {
  return { line, column: range.start, text: text.slice(range.start, range.end) };
}
