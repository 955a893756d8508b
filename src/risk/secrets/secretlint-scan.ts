/**
 * Runs the rules of secretlint's recommended preset (11.x) on slices of staged lines,
 * synchronously, through the rule API every secretlint rule is written against: `create` with
 * a context that collects `report` calls, then `file` with the source. The build bundles the
 * preset (resolving it from node_modules cost 6 to 10 ms per commit), and the provider-token
 * rule loads it only after its keyword search found a candidate.
 */
import { createRequire } from 'node:module';
import type {
  SecretLintRuleContext,
  SecretLintRuleCreator,
  SecretLintRuleLocalizeMessages,
  SecretLintRuleMessageTranslate,
  SecretLintSourceCode,
} from '@secretlint/types';
import { findOwnTokens } from './own-tokens.js';
import { isPlaceholderToken } from './placeholder-token.js';
import type { TokenWindow } from './token-candidates.js';

/**
 * Preset rules footprint leaves out: its own private-key and url-credentials rules cover keys
 * and passwords in URLs for every format and scheme, and `footprint-allow` comments replace
 * secretlint's disable comments, which need whole files rather than slices.
 */
const LEFT_OUT = new Set([
  '@secretlint/secretlint-rule-privatekey',
  '@secretlint/secretlint-rule-basicauth',
  '@secretlint/secretlint-rule-database-connection-string',
  '@secretlint/secretlint-rule-filter-comments',
]);

/**
 * Options given to preset rules. The AWS rule reports access key ids (`AKIA…`) only with
 * `enableIDScanRule`, which also turns on its account id check. footprint keeps the ids and
 * drops the account ids (see keepReport).
 */
const RULE_OPTIONS: Readonly<Record<string, Record<string, unknown>>> = {
  '@secretlint/secretlint-rule-aws': { enableIDScanRule: true },
};

/**
 * Access key id prefixes that name a credential: long-term (`AKIA`, and `A3T` of old keys) and
 * temporary (`ASIA`) keys, as gitleaks reports them. The preset's other prefixes (`AIDA`,
 * `AROA`, `AGPA`, ...) are unique ids of users, roles and groups, which are not secret.
 */
const AWS_KEY_ID_PREFIX = /^(?:AKIA|ASIA|A3T)/;

/**
 * Returns false for reports of values that are not secret: AWS account ids and resource ids,
 * and placeholders such as `ghp_xxxx…` that documentation shows in place of a token.
 */
function keepReport(report: Report, content: string): boolean {
  if (report.messageId === 'AWSAccountID') return false;
  if (isPlaceholderToken(content.slice(report.range[0], report.range[1]))) return false;
  if (report.messageId !== 'AWSAccessKeyID') return true;
  return AWS_KEY_ID_PREFIX.test(content.slice(report.range[0], report.range[1]));
}

/**
 * The name, assignment and value that three preset rules match, with the value as group 1.
 * In secretlint 11.7.1 their reports start where the match starts, at the name or URL, and
 * are as long as the value. Such a range contains part of the name and misses the end of the
 * value, so replacing it would drop the name and leave the last characters of the key.
 */
const VALUE_AFTER_NAME: Readonly<Record<string, RegExp>> = {
  AWSSecretAccessKey: new RegExp(
    [
      `["']?(?:AWS|aws|Aws)?_?(?:SECRET|secret|Secret)_?(?:ACCESS|access|Access)_?`,
      `(?:KEY|key|Key)["']?`,
      String.raw`\s*(?::|=>|=)\s*["']?([A-Za-z0-9/+=]{40})`,
    ].join(''),
    'dy',
  ),
  Npmrc_authToken: /_authToken=([^$].*)/dy,
  PackageJSON_xOauthToken: /https?:\/\/(.{1,256}):x-oauth-basic@github\.com\//dy,
};

/** Returns the report with its range moved onto the value, for the rules VALUE_AFTER_NAME lists. */
function narrowToValue(report: Report, content: string): Report {
  const pattern = VALUE_AFTER_NAME[report.messageId];
  if (pattern === undefined) return report;

  pattern.lastIndex = report.range[0];
  const value = pattern.exec(content)?.indices?.[1];
  // A range that cannot be moved stays as reported, which redacts too much rather than too little.
  return value === undefined ? report : { ...report, range: [value[0], value[1]] };
}

let presetRules: SecretLintRuleCreator[] | null = null;

/** The preset's rules that footprint runs, loaded and filtered on first use. */
function loadPresetRules(): SecretLintRuleCreator[] {
  presetRules ??= requirePreset().rules.filter((rule) => !LEFT_OUT.has(rule.meta.id));
  return presetRules;
}

/**
 * Requires the preset. In the CommonJS bundle `require` exists, so esbuild bundles the package
 * and initializes it on this call rather than at start-up (0.5 ms a commit). Run as an ES
 * module (tsx, tests), the source has no `require` and creates one.
 */
function requirePreset(): { rules: SecretLintRuleCreator[] } {
  const name = '@secretlint/secretlint-rule-preset-recommend';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (typeof require === 'function') return require('@secretlint/secretlint-rule-preset-recommend');
  return createRequire(import.meta.url)(name) as { rules: SecretLintRuleCreator[] };
}

/** One secret a preset rule reported: which rule and message, where, and the raw value. */
export interface TokenMatch {
  ruleId: string;
  messageId: string;
  line: number;
  /** 0-based column of the matched text in its line. */
  column: number;
  /** The matched text; callers mask it and never print it. */
  value: string;
}

interface Report {
  ruleId: string;
  messageId: string;
  range: readonly [number, number];
}

/** footprint writes its own messages, so the rules' texts, which hold the secret, are never built. */
function createTranslator<
  T extends SecretLintRuleLocalizeMessages,
>(): SecretLintRuleMessageTranslate<T> {
  return (messageId) => ({ message: '', messageId: String(messageId), data: undefined });
}

function createContext(ruleId: string, reports: Report[]): SecretLintRuleContext {
  return {
    sharedOptions: {},
    createTranslator,
    report: (descriptor) =>
      reports.push({ ruleId, messageId: descriptor.message.messageId, range: descriptor.range }),
    ignore: () => undefined,
  };
}

/** A window with the staged path it was cut from. */
interface PathWindow extends TokenWindow {
  path: string;
}

/** One secret found in a staged file. */
export interface FileTokenMatch extends TokenMatch {
  path: string;
}

/**
 * Runs the preset, and footprint's own patterns for formats it lacks, on windows joined by newlines, as one source under the logical path
 * `sourcePath`, and maps each report's range back to its window's path and line.
 */
function scanWindows(sourcePath: string, windows: readonly PathWindow[]): FileTokenMatch[] {
  const starts: number[] = [];
  let offset = 0;
  for (const window of windows) {
    starts.push(offset);
    offset += window.text.length + 1;
  }
  const content = windows.map((window) => window.text).join('\n');
  const source = createSource(content, sourcePath);

  const reports: Report[] = [];
  for (const rule of loadPresetRules()) {
    const options = RULE_OPTIONS[rule.meta.id] ?? {};
    const handler = rule.create(createContext(rule.meta.id, reports), options);
    // Only the GCP rule's `.p12` branch is asynchronous, and createSource hides that extension.
    void handler.file?.(source);
  }
  for (const report of findOwnTokens(content)) reports.push(report);
  const kept = reports
    .map((report) => narrowToValue(report, content))
    .filter((report) => keepReport(report, content));
  return dropOverlaps(kept).map((report) => {
    const [start, end] = report.range;
    const index = findWindow(starts, start);
    const window = windows[index];
    return {
      path: window?.path ?? sourcePath,
      ruleId: report.ruleId,
      messageId: report.messageId,
      line: window?.line ?? 1,
      column: (window?.column ?? 0) + start - (starts[index] ?? 0),
      value: content.slice(start, end),
    };
  });
}

/**
 * Scans one file's windows. The rules use `path` only to pick the file kind (`.npmrc`,
 * `package.json`, `.json`).
 */
export function scanTokenWindows(path: string, windows: readonly TokenWindow[]): TokenMatch[] {
  return scanWindows(
    path,
    windows.map((window) => ({ ...window, path })),
  );
}

/**
 * Returns the facts about a path that the preset's rules read (11.7.1): whether the name ends
 * in `package.json` or `package-lock.json`, whether it ends in `.npmrc`, and whether the
 * extension is `.json`. Files that share them are scanned as one source.
 */
function fileKindOf(path: string): string {
  const packageFile = path.endsWith('package.json') || path.endsWith('package-lock.json');
  return `${packageFile} ${path.endsWith('.npmrc')} ${extensionOf(path) === '.json'}`;
}

/**
 * Scans the windows of many files, one preset run per file kind rather than per file, since
 * each run calls every rule of the preset.
 */
export function scanFileWindows(
  windowsByPath: ReadonlyMap<string, readonly TokenWindow[]>,
): FileTokenMatch[] {
  const groups = new Map<string, { sourcePath: string; windows: PathWindow[] }>();
  for (const [path, windows] of windowsByPath) {
    const kind = fileKindOf(path);
    let group = groups.get(kind);
    if (group === undefined) {
      group = { sourcePath: path, windows: [] };
      groups.set(kind, group);
    }
    for (const window of windows) group.windows.push({ ...window, path });
  }
  return [...groups.values()].flatMap((group) => scanWindows(group.sourcePath, group.windows));
}

/**
 * A source as the rules read it. The path is logical only (no physical path), so no rule
 * reads the working tree; the extension `.p12`, which would make the GCP rule read the file
 * from disk, is hidden.
 */
function createSource(content: string, path: string): SecretLintSourceCode {
  const unsupported = (): never => {
    throw new Error(
      'footprint passes slices of lines to secretlint rules; positions are not available.',
    );
  };
  return {
    hasBOM: false,
    content,
    filePath: path,
    physicalFilePath: undefined,
    contentType: 'text',
    ext: extensionOf(path),
    getFilePath: () => path,
    getPhysicalFilePath: () => undefined,
    locationToRange: unsupported,
    rangeToLocation: unsupported,
    positionToIndex: unsupported,
    indexToPosition: unsupported,
  };
}

function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot) : '';
  return extension.toLowerCase() === '.p12' ? '' : extension;
}

/**
 * Keeps one report where ranges overlap, as when npm's `_authToken=` and access-token checks
 * both report one token. The report that starts later wins, and of two that start together the
 * one reported last, so an `npm_` token is named by the access-token check.
 */
function dropOverlaps(reports: Report[]): Report[] {
  const sorted = [...reports].sort((a, b) => a.range[0] - b.range[0]);
  const kept: Report[] = [];
  for (const report of sorted) {
    const last = kept[kept.length - 1];
    if (last !== undefined && report.range[0] < last.range[1]) kept[kept.length - 1] = report;
    else kept.push(report);
  }
  return kept;
}

/** Returns the index of the last window that starts at or before `offset`. */
function findWindow(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
