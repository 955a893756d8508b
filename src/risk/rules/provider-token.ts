import type { FileChange, FileContent } from '../../footprint/types.js';
import { nowMs } from '../../log/clock.js';
import { createDebug } from '../../log/debug.js';
import {
  findLineIndex,
  hasOpaqueLines,
  hasReadableText,
  readAddedText,
  readLineAt,
} from '../added-lines.js';
import { createFinding } from '../finding.js';
import { maskSecret } from '../mask.js';
import {
  cutTokenWindows,
  findTokenCandidates,
  type TokenWindow,
} from '../secrets/token-candidates.js';
import { scanFileWindows, type TokenMatch } from '../secrets/secretlint-scan.js';
import type { Finding, RiskChange, RiskRule, RuleContext } from '../types.js';

const debug = createDebug('risk');

/**
 * Candidates read per file at most. A file with more (thousands of token-shaped strings) is
 * generated data, and its first candidates still show whether it holds secrets.
 */
const MAX_CANDIDATES_PER_FILE = 500;

const RULE = {
  id: 'provider-token',
  fix:
    'Remove the token from the file and stage it again, then revoke it with its provider and ' +
    'make a new one: a token that reached a commit must be treated as leaked.',
};

/** Names of what each secretlint message id reports, for footprint's own messages. */
const TOKEN_NAMES: Readonly<Record<string, string>> = {
  AWSSecretAccessKey: 'AWS secret access key',
  AWSAccessKeyID: 'AWS access key id',
  AWSAccountID: 'AWS account id',
  PrivateKeyJSON: 'GCP service account key',
  PackageJSON_xOauthToken: 'GitHub OAuth token in a URL',
  Npmrc_authToken: 'npm auth token',
  NPM_ACCESS_TOKEN: 'npm access token',
  SLACK_TOKEN: 'Slack token',
  IncomingWebhook: 'Slack incoming webhook URL',
  OPENAI_TOKEN: 'OpenAI API key',
  ANTHROPIC_API_KEY: 'Anthropic API key',
  LINEAR_API_TOKEN: 'Linear API key',
  SENDGRID_KEY: 'SendGrid API key',
  SHOPIFY_KEY: 'Shopify access token',
  GITHUB_TOKEN: 'GitHub token',
  OPS_TOKEN: '1Password service account token',
  STRIPE_LIVE_KEY: 'Stripe live secret key',
  GITLAB_TOKEN: 'GitLab personal access token',
  GITLAB_OTHER_TOKEN: 'GitLab token',
  GOOGLE_API_KEY: 'Google API key',
  DIGITALOCEAN_TOKEN: 'DigitalOcean token',
};

/** The non-secret start of a token that is a URL, such as a Slack webhook: scheme and host. */
const URL_ORIGIN = /^https?:\/\/[A-Za-z0-9.-]{1,253}\//;

/** Masks a token, keeping a URL's scheme and host (the path of a webhook URL is its secret). */
function maskToken(value: string): string {
  const origin = URL_ORIGIN.exec(value)?.[0] ?? '';
  return `${origin}${maskSecret(value.slice(origin.length))}`;
}

/**
 * Returns the windows around a file's token candidates. The candidates are searched in all
 * added lines joined, in one pass, and each window is cut from its own line.
 */
function collectFileWindows(file: FileChange, content: FileContent): TokenWindow[] {
  const added = readAddedText(file, content);
  const candidates = findTokenCandidates(added.text, MAX_CANDIDATES_PER_FILE);
  if (candidates.length === MAX_CANDIDATES_PER_FILE) {
    debug(`${file.path}: ${MAX_CANDIDATES_PER_FILE} token candidates; the rest is not read`);
  }

  // Candidates come in increasing order, so the lines come in order too.
  const columnsByLine = new Map<number, number[]>();
  for (const at of candidates) {
    const index = findLineIndex(added.starts, at);
    const columns = columnsByLine.get(index) ?? [];
    columns.push(at - (added.starts[index] ?? 0));
    columnsByLine.set(index, columns);
  }

  const windows: TokenWindow[] = [];
  for (const [index, columns] of columnsByLine) {
    const line = readLineAt(added, index);
    for (const window of cutTokenWindows(line.text, line.line, columns)) windows.push(window);
  }
  return windows;
}

/** Returns each readable file's windows around token candidates on its added lines. */
function collectWindows(change: RiskChange): Map<string, TokenWindow[]> {
  const byPath = new Map<string, TokenWindow[]>();
  for (const file of change.footprint.files) {
    const content = change.content.get(file.path);
    if (content === undefined) continue;
    if (!hasReadableText(file, content) && !hasOpaqueLines(file, content)) continue;
    const windows = collectFileWindows(file, content);
    if (windows.length > 0) byPath.set(file.path, windows);
  }
  return byPath;
}

/** Names what a match is, such as `GitHub token`, for footprint's own messages. */
export function describeTokenMatch(match: TokenMatch): string {
  return TOKEN_NAMES[match.messageId] ?? `Secret (${match.ruleId})`;
}

function toFinding(path: string, match: TokenMatch, context: RuleContext): Finding {
  const name = describeTokenMatch(match);
  return createFinding(RULE, context, {
    path,
    line: match.line,
    message: `${name} staged`,
    masked: maskToken(match.value),
    range: { line: match.line, start: match.column, end: match.column + match.value.length },
  });
}

/**
 * Finds provider tokens and keys on added lines with secretlint's recommended preset. The
 * preset is loaded only when the keyword search finds a candidate, so a change without one
 * costs one regular expression pass per file. Files of one kind are scanned together.
 */
function checkProviderTokens(change: RiskChange, context: RuleContext): Finding[] {
  const windows = collectWindows(change);
  if (windows.size === 0) return [];

  debug(`token candidates in ${windows.size} files; scanning them with secretlint's preset`);
  const started = nowMs();
  const findings = scanFileWindows(windows).map((match) => toFinding(match.path, match, context));
  const elapsed = (nowMs() - started).toFixed(1);
  debug(`secretlint's preset scanned ${windows.size} files in ${elapsed} ms`);
  return findings;
}

export const providerTokenRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'critical',
  description:
    "Finds provider tokens and API keys (AWS, GitHub, GitLab, Google, npm, Slack, OpenAI, Anthropic, Stripe, and more) with secretlint's recommended preset and footprint's own patterns for formats it lacks.",
  defaultOptions: {},
  checkChange: checkProviderTokens,
};
