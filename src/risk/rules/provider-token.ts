import type { FileChange, FileContent } from '../../footprint/types.js';
import { createDebug } from '../../log/debug.js';
import { findAddedLinesWith, hasReadableText, type AddedLine } from '../added-lines.js';
import { createFinding } from '../finding.js';
import { maskSecret } from '../mask.js';
import {
  cutTokenWindows,
  findTokenCandidates,
  TOKEN_KEYWORDS,
  type TokenWindow,
} from '../secrets/token-candidates.js';
import { scanTokenWindows, type TokenMatch } from '../secrets/secretlint-scan.js';
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
};

/** Returns the added lines that hold any token keyword, in line order. */
function findKeywordLines(file: FileChange, content: FileContent): AddedLine[] {
  const byLine = new Map<number, AddedLine>();
  for (const { keyword } of TOKEN_KEYWORDS) {
    for (const added of findAddedLinesWith(file, content, keyword)) byLine.set(added.line, added);
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** Returns each readable file's windows around token candidates on its added lines. */
function collectWindows(change: RiskChange): Map<string, TokenWindow[]> {
  const byPath = new Map<string, TokenWindow[]>();
  for (const file of change.footprint.files) {
    const content = change.content.get(file.path);
    if (content === undefined || !hasReadableText(file, content)) continue;

    let budget = MAX_CANDIDATES_PER_FILE;
    const windows: TokenWindow[] = [];
    for (const added of findKeywordLines(file, content)) {
      const candidates = findTokenCandidates(added.text, budget);
      if (candidates.length === 0) continue;
      budget -= candidates.length;
      windows.push(...cutTokenWindows(added.text, added.line, candidates));
      if (budget <= 0) {
        debug(
          `${file.path}: over ${MAX_CANDIDATES_PER_FILE} token candidates; the rest is not read`,
        );
        break;
      }
    }
    if (windows.length > 0) byPath.set(file.path, windows);
  }
  return byPath;
}

function toFinding(path: string, match: TokenMatch, context: RuleContext): Finding {
  const name = TOKEN_NAMES[match.messageId] ?? `Secret (${match.ruleId})`;
  return createFinding(RULE, context, {
    path,
    line: match.line,
    message: `${name} staged`,
    masked: maskSecret(match.value),
  });
}

/**
 * Finds provider tokens and keys on added lines with secretlint's recommended preset. The
 * preset is loaded only when the keyword search finds a candidate, so a change without one
 * costs a few string searches.
 */
function checkProviderTokens(change: RiskChange, context: RuleContext): Finding[] {
  const windows = collectWindows(change);
  if (windows.size === 0) return [];

  debug(`token candidates in ${windows.size} files; scanning them with secretlint's preset`);
  const findings: Finding[] = [];
  for (const [path, fileWindows] of windows) {
    const matches = scanTokenWindows(path, fileWindows);
    findings.push(...matches.map((match) => toFinding(path, match, context)));
  }
  return findings;
}

export const providerTokenRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'critical',
  description:
    "Finds provider tokens and API keys (AWS, GitHub, npm, Slack, OpenAI, Anthropic, and more) with secretlint's recommended preset.",
  defaultOptions: {},
  checkChange: checkProviderTokens,
};
