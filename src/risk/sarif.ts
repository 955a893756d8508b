import type { ChangeLocations } from './sarif-change-locations.js';
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
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties: { severity: Severity; fix: string; masked?: string };
}

interface SarifLocation {
  /** Number of a related location, unique within its result. */
  id?: number;
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: string };
    region: { startLine: number };
  };
  message?: { text: string };
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
  /** Files that results about the whole change are shown on. */
  changeLocations: ChangeLocations;
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

/**
 * Returns a location at `line` of a file. GitHub code scanning requires a start line, so a
 * finding about a whole file is shown at line 1.
 */
function locate(path: string, line = 1): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: pathToUri(path), uriBaseId: SOURCE_ROOT },
      region: { startLine: line },
    },
  };
}

/**
 * Places a finding about the whole change on a file it concerns, and states that in its
 * message. A batch split goes on the first file of its first batch, with the first file of
 * each batch as a related location.
 */
function locateChange(result: SarifResult, changeLocations: ChangeLocations): void {
  const [firstBatch] = changeLocations.batches;
  if (result.ruleId !== 'unrelated-batches' || firstBatch === undefined) {
    result.locations = [locate(changeLocations.path)];
    result.message.text += ' (about the whole change, not only this file)';
    return;
  }

  result.locations = [locate(firstBatch.path)];
  result.relatedLocations = changeLocations.batches.map((batch, index) => ({
    ...locate(batch.path),
    id: index + 1,
    message: { text: `First file of batch ${batch.id}: ${batch.message}` },
  }));
  const shownOn = `the first file of batch ${firstBatch.id}`;
  result.message.text += ` (about the whole change, shown on ${shownOn})`;
}

function toResult(
  finding: Finding,
  ruleIndex: number | undefined,
  changeLocations: ChangeLocations,
): SarifResult {
  const result: SarifResult = {
    ruleId: finding.rule,
    level: LEVELS[finding.severity],
    message: { text: finding.masked ? `${finding.message}: ${finding.masked}` : finding.message },
    locations: [],
    // Stable across runs for the same finding, so code scanning tracks it instead of opening a new one.
    partialFingerprints: { 'footprint/v1': `${finding.rule}:${finding.path}:${finding.line ?? 0}` },
    properties: { severity: finding.severity, fix: finding.fix },
  };
  if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
  if (finding.masked !== undefined) result.properties.masked = finding.masked;
  if (finding.path === '') locateChange(result, changeLocations);
  else result.locations = [locate(finding.path, finding.line)];
  return result;
}

/**
 * Builds a SARIF 2.1.0 log of a risk report for code-scanning tools: one run whose driver
 * lists every rule, and one result per finding with its masked value, never the secret.
 * Every result has a file and a start line, which GitHub code scanning requires. Paths are
 * relative to `%SRCROOT%`, the repository's worktree root.
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
        results: report.findings.map((finding) =>
          toResult(finding, indexes.get(finding.rule), options.changeLocations),
        ),
        properties: { score: report.score, blocked: report.blocked },
      },
    ],
  };
}
