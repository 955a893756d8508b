import type { FileChange, FileContent } from '../../footprint/types.js';
import { hasReadableText, readAddedText, readStagedLines } from '../added-lines.js';
import { createFinding } from '../finding.js';
import { readYamlSecretData, type SecretDataEntry } from '../kubernetes/secret-data.js';
import { readJsonSecretData } from '../kubernetes/secret-data-json.js';
import { classifyDataValue } from '../kubernetes/secret-value.js';
import { maskSecret } from '../mask.js';
import type { SecretRange } from '../secret-range.js';
import { severityInFile } from '../test-severity.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'kubernetes-secret',
  fix:
    'Take the Secret out of git, commit it encrypted (Sealed Secrets, SOPS) or create it with ' +
    '`kubectl create secret`, then rotate the value: base64 is no encryption.',
};

const YAML_PATH = /\.ya?ml$/i;
const JSON_PATH = /\.json$/i;

/** Returns the Secret data entries of a manifest file, or none for other files. */
function readEntries(path: string, text: string): SecretDataEntry[] {
  // Every Secret manifest names its kind, so a file without the word is skipped unread.
  if (!text.includes('Secret')) return [];
  if (YAML_PATH.test(path)) return readYamlSecretData(text);
  if (JSON_PATH.test(path)) return readJsonSecretData(text);
  return [];
}

/** Returns true when the change adds one of the lines an entry is written on. */
function isAdded(entry: SecretDataEntry, addedLines: ReadonlySet<number>): boolean {
  for (let line = entry.line; line <= entry.lastLine; line++) {
    if (addedLines.has(line)) return true;
  }
  return false;
}

/**
 * Returns where a one-line value is written after its key, so an insight request can redact
 * the same base64 wherever it repeats. A value wrapped over lines has no one-line range.
 */
function findValueRange(lines: readonly string[], entry: SecretDataEntry): SecretRange | undefined {
  if (entry.line !== entry.lastLine || entry.value === '') return undefined;
  const text = lines[entry.line - 1] ?? '';
  const key = text.indexOf(entry.key);
  const start = text.indexOf(entry.value, key === -1 ? 0 : key + entry.key.length);
  return start === -1 ? undefined : { line: entry.line, start, end: start + entry.value.length };
}

/**
 * Finds the values under `data:` of Kubernetes Secret manifests (YAML streams and kubectl's
 * JSON) on added lines. Each value is decoded from base64 and read by the secret rules'
 * detectors: a provider token or private key is critical, and any other value is the rule's
 * severity. ConfigMaps, SealedSecrets, empty values and templates are not findings. The
 * finding shows the key and never the decoded text.
 */
function checkKubernetesSecrets(
  file: FileChange,
  content: FileContent,
  context: RuleContext,
): Finding[] {
  if (!hasReadableText(file, content) || content.newText === null) return [];
  const entries = readEntries(file.path, content.newText);
  if (entries.length === 0) return [];

  const addedLines = new Set(readAddedText(file, content).lineNumbers);
  const stagedLines = readStagedLines(content);
  const severity = severityInFile(file, context);
  const findings: Finding[] = [];
  for (const entry of entries) {
    if (!isAdded(entry, addedLines)) continue;
    const kind = classifyDataValue(entry.key, entry.value);
    if (kind === null) continue;
    const range = findValueRange(stagedLines, entry);
    const finding = createFinding(RULE, context, {
      path: file.path,
      line: entry.line,
      message: `${kind.name} in Kubernetes Secret data (base64)`,
      masked: `${entry.key}: ${maskSecret('')}`,
      ...(range === undefined ? {} : { range }),
    });
    finding.severity = kind.critical ? 'critical' : severity;
    findings.push(finding);
  }
  return findings;
}

export const kubernetesSecretRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'high',
  description:
    'Finds values under `data:` of Kubernetes Secret manifests, whose base64 anyone decodes; a decoded provider token or private key is critical.',
  defaultOptions: { testSeverity: 'medium' },
  check: checkKubernetesSecrets,
};
