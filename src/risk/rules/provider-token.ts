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
  cutWindowAt,
  findTokenCandidates,
  isGluedTokenStart,
  type TokenWindow,
} from '../secrets/token-candidates.js';
import {
  scanFileWindows,
  type FileTokenMatch,
  type TokenMatch,
} from '../secrets/secretlint-scan.js';
import { isUtf16Text } from '../utf16-text.js';
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
  PYPI_TOKEN: 'PyPI API token',
  HUGGINGFACE_TOKEN: 'Hugging Face access token',
  ANTHROPIC_ADMIN_KEY: 'Anthropic Admin API key',
  SUPABASE_TOKEN: 'Supabase personal access token',
  DATABRICKS_TOKEN: 'Databricks personal access token',
};

/** The non-secret start of a token that is a URL, such as a Slack webhook: scheme and host. */
const URL_ORIGIN = /^https?:\/\/[A-Za-z0-9.-]{1,253}\//;

/** Masks a token, keeping a URL's scheme and host (the path of a webhook URL is its secret). */
function maskToken(value: string): string {
  const origin = URL_ORIGIN.exec(value)?.[0] ?? '';
  return `${origin}${maskSecret(value.slice(origin.length))}`;
}

/** Windows of one file: around its candidates, and starting at tokens glued to other text. */
interface FileWindows {
  windows: TokenWindow[];
  glued: TokenWindow[];
}

/**
 * Returns the windows around a file's token candidates. The candidates are searched in all
 * added lines joined, in one pass, and each window is cut from its own line. In the printable
 * runs of a binary file, a token glued to the text before it also gets a window of its own.
 */
function collectFileWindows(file: FileChange, content: FileContent): FileWindows {
  const added = readAddedText(file, content);
  const candidates = findTokenCandidates(added.text, MAX_CANDIDATES_PER_FILE);
  if (candidates.length === MAX_CANDIDATES_PER_FILE) {
    debug(`${file.path}: ${MAX_CANDIDATES_PER_FILE} token candidates; the rest is not read`);
  }
  const readsRuns = file.binary && !isUtf16Text(file, content);

  // Candidates come in increasing order, so the lines come in order too.
  const columnsByLine = new Map<number, number[]>();
  const glued: TokenWindow[] = [];
  for (const at of candidates) {
    const index = findLineIndex(added.starts, at);
    const column = at - (added.starts[index] ?? 0);
    const columns = columnsByLine.get(index) ?? [];
    columns.push(column);
    columnsByLine.set(index, columns);
    if (readsRuns && isGluedTokenStart(added.text, at)) {
      const line = readLineAt(added, index);
      glued.push(cutWindowAt(line.text, line.line, column));
    }
  }

  const windows: TokenWindow[] = [];
  for (const [index, columns] of columnsByLine) {
    const line = readLineAt(added, index);
    for (const window of cutTokenWindows(line.text, line.line, columns)) windows.push(window);
  }
  return { windows, glued };
}

/** Windows of every readable file by path, kept apart by the kind that FileWindows names. */
interface ChangeWindows {
  windows: Map<string, TokenWindow[]>;
  glued: Map<string, TokenWindow[]>;
}

/** Returns each readable file's windows around token candidates on its added lines. */
function collectWindows(change: RiskChange): ChangeWindows {
  const collected: ChangeWindows = { windows: new Map(), glued: new Map() };
  for (const file of change.footprint.files) {
    const content = change.content.get(file.path);
    if (content === undefined) continue;
    if (!hasReadableText(file, content) && !hasOpaqueLines(file, content)) continue;
    const { windows, glued } = collectFileWindows(file, content);
    if (windows.length > 0) collected.windows.set(file.path, windows);
    if (glued.length > 0) collected.glued.set(file.path, glued);
  }
  return collected;
}

/**
 * Scans the windows, then the windows of glued tokens apart, since merged with the others they
 * would lose the start that the patterns need. A glued window's match that the others also
 * found (a pattern that needs no word boundary) is dropped.
 */
function scanChangeWindows({ windows, glued }: ChangeWindows): FileTokenMatch[] {
  const matches = scanFileWindows(windows);
  if (glued.size === 0) return matches;

  const keyOf = (match: FileTokenMatch): string => `${match.path}\0${match.line}\0${match.value}`;
  const found = new Set(matches.map(keyOf));
  for (const match of scanFileWindows(glued)) {
    if (!found.has(keyOf(match))) matches.push(match);
  }
  return matches;
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
  const collected = collectWindows(change);
  const files = collected.windows.size;
  if (files === 0) return [];

  debug(`token candidates in ${files} files; scanning them with secretlint's preset`);
  const started = nowMs();
  const matches = scanChangeWindows(collected);
  const findings = matches.map((match) => toFinding(match.path, match, context));
  const elapsed = (nowMs() - started).toFixed(1);
  debug(`secretlint's preset scanned ${files} files in ${elapsed} ms`);
  return findings;
}

export const providerTokenRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'critical',
  description:
    "Finds provider tokens and API keys (AWS, GitHub, GitLab, Google, npm, PyPI, Slack, OpenAI, Anthropic, Hugging Face, Stripe, Supabase, Databricks, and more) with secretlint's recommended preset and footprint's own patterns for formats it lacks.",
  defaultOptions: {},
  checkChange: checkProviderTokens,
};
