/**
 * Runs the rules of secretlint's recommended preset (11.x) on slices of staged lines,
 * synchronously, through the rule API every secretlint rule is written against: `create` with
 * a context that collects `report` calls, then `file` with the source. Loading the preset costs
 * about 20 to 40 ms on a 2-core machine, so it is loaded on the first scan, which the
 * provider-token rule starts only after its keyword search found a candidate.
 */
import { createRequire } from 'node:module';
import type {
  SecretLintRuleContext,
  SecretLintRuleCreator,
  SecretLintRuleLocalizeMessages,
  SecretLintRuleMessageTranslate,
  SecretLintSourceCode,
} from '@secretlint/types';
import type { TokenWindow } from './token-candidates.js';

const PRESET = '@secretlint/secretlint-rule-preset-recommend';

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

let presetRules: SecretLintRuleCreator[] | null = null;

/** Loads the preset once; Node 20.19 and later can `require` an ES module such as this one. */
function loadPresetRules(): SecretLintRuleCreator[] {
  if (presetRules === null) {
    const load = createRequire(import.meta.url);
    const preset = load(PRESET) as { rules: SecretLintRuleCreator[] };
    presetRules = preset.rules.filter((rule) => !LEFT_OUT.has(rule.meta.id));
  }
  return presetRules;
}

/** One secret a preset rule reported: which rule and message, where, and the raw value. */
export interface TokenMatch {
  ruleId: string;
  messageId: string;
  line: number;
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

/**
 * Scans one file's windows, joined by newlines, and maps each report's range back to its
 * line. The rules use `path` only to pick the file kind (`.npmrc`, `package.json`).
 */
export function scanTokenWindows(path: string, windows: readonly TokenWindow[]): TokenMatch[] {
  const starts: number[] = [];
  let offset = 0;
  for (const window of windows) {
    starts.push(offset);
    offset += window.text.length + 1;
  }
  const content = windows.map((window) => window.text).join('\n');
  const source = createSource(content, path);

  const reports: Report[] = [];
  for (const rule of loadPresetRules()) {
    const handler = rule.create(createContext(rule.meta.id, reports), {});
    // Only the GCP rule's `.p12` branch is asynchronous, and createSource hides that extension.
    void handler.file?.(source);
  }
  return dropOverlaps(reports).map((report) => {
    const [start, end] = report.range;
    return {
      ruleId: report.ruleId,
      messageId: report.messageId,
      line: windows[findWindow(starts, start)]?.line ?? 1,
      value: content.slice(start, end),
    };
  });
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
 * both report one token. Some preset rules start their range at the key rather than the value
 * (`_authToken=`, `aws_secret_access_key =`), so the report that starts later wins: its masked
 * prefix shows the token's own characters.
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
