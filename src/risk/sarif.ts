import type { Finding, RiskReport, RiskRule, Severity } from './types.js';

/** The parts of a SARIF 2.1.0 log (OASIS standard) that footprint writes. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifRun {
  tool: { driver: SarifDriver };
  originalUriBaseIds: Record<string, { description: { text: string } }>;
  results: SarifResult[];
  properties: { score: number; blocked: boolean };
}

interface SarifDriver {
  name: string;
  version: string;
  semanticVersion: string;
  informationUri?: string;
  rules: SarifRuleDescriptor[];
}

type SarifLevel = 'none' | 'note' | 'warning' | 'error';

interface SarifRuleDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; severity: Severity; 'security-severity'?: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties: { severity: Severity; fix: string; masked?: string };
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: string };
    region?: { startLine: number };
  };
}

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

/** SARIF has four levels; critical and high findings are errors. */
const LEVELS: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'none',
};

/** GitHub code scanning ranks security results by `security-severity`, a number from 0 to 10. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: '0.0',
};

export interface SarifOptions {
  /** Every rule that may report, built-in and custom, with its configured severity. */
  rules: ReadonlyArray<{ rule: RiskRule; severity: Severity }>;
  toolVersion: string;
}

/** Encodes a repository path as a relative URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function describeRule(rule: RiskRule, severity: Severity): SarifRuleDescriptor {
  const properties: SarifRuleDescriptor['properties'] = { tags: [rule.group], severity };
  if (rule.group === 'secrets') {
    properties.tags.push('security');
    properties['security-severity'] = SECURITY_SEVERITY[severity];
  }
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) =>
      letter.toUpperCase(),
    ),
    shortDescription: { text: rule.description },
    help: { text: rule.fix },
    defaultConfiguration: { level: LEVELS[severity] },
    properties,
  };
}

function toResult(finding: Finding, ruleIndex: number | undefined): SarifResult {
  const result: SarifResult = {
    ruleId: finding.rule,
    level: LEVELS[finding.severity],
    message: { text: finding.masked ? `${finding.message}: ${finding.masked}` : finding.message },
    // Stable across runs for the same finding, so code scanning tracks it instead of opening a new one.
    partialFingerprints: { 'footprint/v1': `${finding.rule}:${finding.path}:${finding.line ?? 0}` },
    properties: { severity: finding.severity, fix: finding.fix },
  };
  if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
  if (finding.masked !== undefined) result.properties.masked = finding.masked;
  if (finding.path !== '') {
    const artifactLocation = { uri: pathToUri(finding.path), uriBaseId: SOURCE_ROOT };
    result.locations = [
      {
        physicalLocation:
          finding.line === undefined
            ? { artifactLocation }
            : { artifactLocation, region: { startLine: finding.line } },
      },
    ];
  }
  return result;
}

/**
 * Builds a SARIF 2.1.0 log of a risk report for code-scanning tools: one run whose driver
 * lists every rule, and one result per finding with its masked value, never the secret.
 * Paths are relative to `%SRCROOT%`, the repository's worktree root.
 */
export function buildSarifLog(report: RiskReport, options: SarifOptions): SarifLog {
  const indexes = new Map(options.rules.map(({ rule }, index) => [rule.id, index]));
  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'footprint',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules: options.rules.map(({ rule, severity }) => describeRule(rule, severity)),
          },
        },
        originalUriBaseIds: {
          [SOURCE_ROOT]: { description: { text: 'The root of the git worktree.' } },
        },
        results: report.findings.map((finding) => toResult(finding, indexes.get(finding.rule))),
        properties: { score: report.score, blocked: report.blocked },
      },
    ],
  };
}
